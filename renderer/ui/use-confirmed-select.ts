import { useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';

/** Keys that move a closed <select> without confirming anything. */
const CONFIRM = 'Enter';
const CANCEL = 'Escape';

/**
 * Props for a <select> whose change is written to the database with a timeline entry (an action
 * item's status or priority). A choice made with the pointer (or set by a script) commits at
 * once, as before; a change made from the keyboard on a closed select (arrow keys, Home/End,
 * type-ahead) only marks a pending value, committed on Enter or when focus leaves the select,
 * and dropped by Escape. So a keyboard user arrowing from Not Started to Won't Do records one
 * change, not one per option passed (issue 11 §3).
 */
export function useConfirmedSelect<T extends string>(
  value: T,
  commit: (next: T) => void,
): {
  value: T;
  'data-state': 'pending' | 'saved';
  onChange: (e: ChangeEvent<HTMLSelectElement>) => void;
  onKeyDown: (e: KeyboardEvent<HTMLSelectElement>) => void;
  onPointerDown: () => void;
  onBlur: () => void;
} {
  const [pending, setPending] = useState<{ from: T; to: T } | null>(null);
  const keyed = useRef(false);
  // A pending choice belongs to the stored value it started from; a change made elsewhere wins.
  const shown = pending?.from === value ? pending.to : value;
  const flush = () => {
    if (pending && pending.from === value && pending.to !== value) commit(pending.to);
    setPending(null);
    keyed.current = false;
  };
  return {
    value: shown,
    'data-state': shown === value ? 'saved' : 'pending',
    onChange: (e) => {
      const next = e.target.value as T;
      if (keyed.current) setPending({ from: value, to: next });
      else {
        setPending(null);
        if (next !== value) commit(next);
      }
    },
    onKeyDown: (e) => {
      if (e.key === CONFIRM) {
        e.preventDefault();
        flush();
      } else if (e.key === CANCEL) {
        setPending(null);
        keyed.current = false;
      } else if (e.key !== 'Tab' && e.key !== 'Shift') keyed.current = true;
    },
    onPointerDown: () => {
      keyed.current = false;
    },
    onBlur: flush,
  };
}
