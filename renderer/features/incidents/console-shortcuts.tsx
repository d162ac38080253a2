import { useEffect, useState } from 'react';
import { Dialog } from '../../ui/dialog';

/**
 * The console's single-key shortcuts, active when focus is not in a text field and no dialog is
 * open (so typing a `/` or `?` in an entry never triggers one). Ctrl/Cmd+K stays free for the
 * command palette; Ctrl/Cmd+N (declare) is app-wide.
 */
export const CONSOLE_SHORTCUTS: ReadonlyArray<{ key: string; what: string }> = [
  { key: '/', what: 'Go to the Log entry field' },
  { key: 'u', what: 'Compose update' },
  { key: 'r', what: 'Go to the role board' },
  { key: 'm', what: 'Go to the milestones' },
  { key: '?', what: 'Show these shortcuts' },
  { key: 'Enter', what: 'In Log entry: log the line (Shift+Enter for a new line)' },
  { key: 'Ctrl/Cmd+N', what: 'Declare incident' },
];

/** True when a key press belongs to what has focus (typing in a field, choosing in a select). */
export function isTypingTarget(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(
    type,
  );
}

/** Focuses an element found by selector (making it focusable) and brings it into view. */
function focusTarget(selector: string): void {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) return;
  if (!el.matches('a, button, input, select, textarea, [tabindex]')) el.tabIndex = -1;
  el.scrollIntoView({ block: 'nearest' });
  el.focus();
}

/** What each shortcut does; the targets are the console's own controls, found in the page. */
const ACTIONS: Readonly<Record<string, () => void>> = {
  '/': () => focusTarget('[data-shortcut="log"]'),
  r: () => focusTarget('#console-roles-heading'),
  m: () => focusTarget('#milestones-heading'),
  u: () => {
    const button = document.querySelector<HTMLButtonElement>('[data-shortcut="compose"]');
    // Focus first: the dialog returns focus to its opener when it closes.
    button?.focus();
    button?.click();
  },
};

/** Listens for the console's shortcuts and renders the `?` list as a dialog. */
export function ConsoleShortcuts() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (isTypingTarget(document.activeElement)) return;
      if (document.querySelector('[role="dialog"]')) return;
      if (e.key === '?') {
        e.preventDefault();
        setOpen(true);
        return;
      }
      const action = ACTIONS[e.key.toLowerCase()];
      if (!action || (e.shiftKey && e.key !== '/')) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <Dialog open={open} onOpenChange={setOpen} title="Keyboard shortcuts">
      <dl className="shortcut-list">
        {CONSOLE_SHORTCUTS.map((s) => (
          <div key={s.key}>
            <dt>
              <kbd>{s.key}</kbd>
            </dt>
            <dd>{s.what}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        Single keys work when the cursor is not in a text field. In the Log entry field, type /help
        for the log commands.
      </p>
    </Dialog>
  );
}
