import { useState, type MouseEvent, type ReactNode } from 'react';
import {
  externalLinkPolicy,
  LINK_WARNING_TEXT,
  type ExternalLinkDecision,
} from '../../../shared/security/links';
import { useOptionalPlatform } from '../../platform/platform-context';
import { Dialog } from '../../ui/dialog';

type ConfirmDecision = Extract<ExternalLinkDecision, { action: 'confirm' }>;

/** The link a click landed on, inside `container`, or null. */
function linkOf(event: MouseEvent<HTMLElement>): HTMLAnchorElement | null {
  const target = event.target;
  if (!(target instanceof Element)) return null;
  const link = target.closest('a[href]');
  return link instanceof HTMLAnchorElement && event.currentTarget.contains(link) ? link : null;
}

/**
 * Guards the external links rendered inside one element (the Markdown preview): each click
 * (or middle click) is decided by the app's one link policy (shared/security/links.ts) with
 * the href AND the text the user saw. Plain https links open as usual (new tab, or the system
 * browser in the desktop app); anything else that is http(s) — `http:`, credentials before the
 * host, punycode hosts, text naming another host — is held until the user answers a dialog that
 * names the real destination host; refused URLs never open.
 *
 * Returns the handlers to spread on the container and the dialog element to render.
 */
export function useExternalLinkGuard(): {
  handlers: {
    onClick(event: MouseEvent<HTMLElement>): void;
    onAuxClick(event: MouseEvent<HTMLElement>): void;
  };
  confirmDialog: ReactNode;
} {
  const platform = useOptionalPlatform();
  const [pending, setPending] = useState<ConfirmDecision | null>(null);

  const intercept = (event: MouseEvent<HTMLElement>): void => {
    const link = linkOf(event);
    if (!link) return;
    const decision = externalLinkPolicy(link.getAttribute('href') ?? '', link.textContent ?? '');
    if (decision.action === 'open') return; // target=_blank does the rest
    event.preventDefault();
    if (decision.action === 'confirm') setPending(decision);
  };

  const open = (href: string): void => {
    setPending(null);
    if (platform) void platform.openExternal(href, { confirmed: true });
    else window.open(href, '_blank', 'noopener,noreferrer');
  };

  const confirmDialog = pending ? (
    <Dialog
      open
      onOpenChange={(isOpen) => {
        if (!isOpen) setPending(null);
      }}
      title={`Open link to ${pending.host}?`}
    >
      <div className="link-confirm">
        <p>
          This link goes to <strong className="link-confirm-host">{pending.host}</strong>.
        </p>
        <ul>
          {pending.warnings.map((w) => (
            <li key={w}>{LINK_WARNING_TEXT[w]}</li>
          ))}
        </ul>
        <p className="link-confirm-url">
          <code>{pending.href}</code>
        </p>
        <div className="form-actions">
          <button type="button" className="button" autoFocus onClick={() => setPending(null)}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => open(pending.href)}
          >
            Open link
          </button>
        </div>
      </div>
    </Dialog>
  ) : null;

  return { handlers: { onClick: intercept, onAuxClick: intercept }, confirmDialog };
}
