import type { ButtonHTMLAttributes } from 'react';

/**
 * A button that stays focusable while its work runs. A focused button that sets `disabled` on
 * itself drops keyboard focus to <body> (WCAG 2.4.3), so a keyboard user pressing Add or Copy
 * lost their place; this one says `aria-disabled` while `busy` and ignores activation instead
 * (a click on a busy submit button does not submit its form either).
 */
export function BusyButton({
  busy,
  onClick,
  children,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { busy: boolean }) {
  return (
    <button
      {...rest}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      onClick={(e) => {
        if (busy) {
          e.preventDefault();
          return;
        }
        onClick?.(e);
      }}
    >
      {children}
    </button>
  );
}
