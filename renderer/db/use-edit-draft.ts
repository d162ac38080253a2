import { useCallback, useEffect, useRef, useState } from 'react';
import { editDraftText, parseEditDraft } from '../../shared/logic/edit-draft';
import { useDb } from './db-context';
import { useDraft } from './use-draft';

export interface EditDraftOptions<T> {
  /** The draft's value as the form's, or null when it is not one. */
  read: (raw: unknown) => T | null;
  /** True when `value` is what the record holds (nothing of the user's to keep). */
  isStored: (value: T) => boolean;
  /** Puts a restored value in the form. */
  apply: (value: T) => void;
}

export interface EditDraftControl<T> {
  /** When the restored draft was last changed, while the form shows it; else null. */
  restoredAt: number | null;
  /** Call on every edit with the form's whole value: kept after a pause, or removed when stored. */
  changed: (value: T) => void;
  /** The edits are saved, cancelled or discarded: the draft goes. */
  clear: () => void;
  /** Why the draft is not saved yet (shown with DraftProblem), or null. */
  problem: string | null;
}

/**
 * An explicit-save form opened on a stored record keeps its edits as a draft under `key` as they
 * are typed (through {@link useDraft}: saveDraft, the one commit), so a reload or a crash does not
 * lose them: the next time the same record is opened for editing they are put back (unless
 * something was typed already) and `restoredAt` says from when. Edits back to what the record
 * holds keep nothing; {@link EditDraftControl.clear} removes the draft once saved or dropped.
 */
export function useEditDraft<T>(key: string, options: EditDraftOptions<T>): EditDraftControl<T> {
  const db = useDb();
  const opts = useRef(options);
  useEffect(() => {
    opts.current = options;
  });
  const touched = useRef(false);
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const restore = useCallback((saved: string) => {
    if (touched.current) return;
    const draft = parseEditDraft(saved, (raw) => opts.current.read(raw));
    if (!draft || opts.current.isStored(draft.value)) return;
    opts.current.apply(draft.value);
    setRestoredAt(draft.savedAt);
  }, []);
  const draft = useDraft(db, key, restore);
  const changed = (value: T) => {
    touched.current = true;
    draft.changed(opts.current.isStored(value) ? '' : editDraftText(value, Date.now()));
  };
  const clear = () => {
    touched.current = true;
    setRestoredAt(null);
    draft.changed('');
  };
  return { restoredAt, changed, clear, problem: draft.problem };
}
