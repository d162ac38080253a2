import { useCallback, useRef, useState } from 'react';

/**
 * An inline form behind a button that is hidden while the form is open (Assign, Add role,
 * Extend): `open`, `show()`, `close()`, and `buttonRef` for that button. When the form closes
 * (saved or cancelled) the button takes focus again as it comes back, so a keyboard user keeps
 * their place instead of landing on <body>.
 */
export function useInlineForm(): {
  open: boolean;
  show: () => void;
  close: () => void;
  buttonRef: (el: HTMLButtonElement | null) => void;
} {
  const [open, setOpen] = useState(false);
  // Set when the form closes; the button's ref callback takes focus when it mounts again.
  const refocus = useRef(false);
  const buttonRef = useCallback((el: HTMLButtonElement | null) => {
    if (el && refocus.current) {
      refocus.current = false;
      el.focus();
    }
  }, []);
  const show = useCallback(() => setOpen(true), []);
  const close = useCallback(() => {
    refocus.current = true;
    setOpen(false);
  }, []);
  return { open, show, close, buttonRef };
}
