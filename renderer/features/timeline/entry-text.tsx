import { useId, useMemo, useState } from 'react';
import { formatCount } from '../../../shared/domain/text';
import { foldEntryText } from '../../../shared/logic/entry-fold';

/**
 * A timeline entry's text. A long one (a pasted stack trace or log dump: see
 * shared/logic/entry-fold.ts) shows its first lines and a **Show all** toggle that says how much
 * is hidden, so one paste cannot push every other event off the screen; **Show less** folds it
 * again. The stored text is untouched, and Edit always works on the whole text.
 */
export function EntryText({ text, className = 'tl-text' }: { text: string; className?: string }) {
  const fold = useMemo(() => foldEntryText(text), [text]);
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!fold.folded)
    return (
      <div className={className} dir="auto">
        {text}
      </div>
    );
  const size =
    fold.lines > 1
      ? `${formatCount(fold.lines)} lines, ${formatCount(fold.chars)} characters`
      : `${formatCount(fold.chars)} characters`;
  return (
    <div className={className} dir="auto">
      <span id={id}>{open ? text : `${fold.preview}…`}</span>{' '}
      <button
        type="button"
        className="tl-link tl-fold"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
      >
        {open ? 'Show less' : `Show all (${size})`}
      </button>
    </div>
  );
}
