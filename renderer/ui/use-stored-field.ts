import { useCallback, useState } from 'react';

/** One editable field over a stored value (see {@link useStoredField}). */
export interface StoredField {
  /** What the field shows: the user's text while they have changed it, else the stored value. */
  value: string;
  /** True once the user typed into the field, until their text is saved or dropped. */
  edited: boolean;
  /** The user typed: from now on the field shows their text. */
  set: (text: string) => void;
  /**
   * Their text was saved as `stored` (the stored value's text form): the field follows the store
   * again once the store holds it, so it never flashes the old value while the write lands.
   */
  saved: (stored: string) => void;
  /** Drops the user's text: the field shows the stored value again. */
  revert: () => void;
}

/**
 * A form field over a stored value. Until the user types, it shows what is stored, also when the
 * store changes under it (a restored backup, another window); once they type, it shows their
 * text. Forms save a field only when `edited` is true, so a value the user did not change is
 * never written back over a newer stored one.
 */
export function useStoredField(stored: string): StoredField {
  // `before`: what was stored when the save was marked; any change after it means a write landed.
  const [edit, setEdit] = useState<{
    text: string;
    savedAs: string | null;
    before: string;
  } | null>(null);
  // Adjusting state while rendering (React's pattern for state derived from a changed prop).
  if (edit && edit.savedAs !== null && (edit.savedAs === stored || edit.before !== stored))
    setEdit(null);
  const set = useCallback((text: string) => setEdit({ text, savedAs: null, before: '' }), []);
  // The text as of this render: `saved` (called after an await) marks only that text as saved,
  // so what the user typed since (they came back to the field) stays theirs.
  const typed = edit?.text;
  const saved = useCallback(
    (as: string) =>
      setEdit((e) => (e === null || e.text !== typed ? e : { ...e, savedAs: as, before: stored })),
    [stored, typed],
  );
  const revert = useCallback(() => setEdit(null), []);
  return {
    value: edit?.text ?? stored,
    edited: edit !== null && edit.savedAs === null,
    set,
    saved,
    revert,
  };
}
