import { useCallback, useEffect, useRef } from 'react';
import { loadDraft, saveDraft } from './repo/drafts';
import type { WarroomDb } from './schema';

/** How long typing must pause before the draft is written. */
export const DRAFT_DEBOUNCE_MS = 300;

export interface DraftControl {
  /** Call on every change of the text; writes it after a pause. */
  changed: (text: string) => void;
  /** Drops a pending write (the text is being committed) and waits for writes under way. */
  settle: () => Promise<void>;
  /** True while a draft write is under way (settle() must then be awaited before committing). */
  writing: () => boolean;
  /**
   * Non-zero when this field's draft row may exist (it saved one, or restored one on mount), so
   * a commit must remove it: a version that forget() takes, which a commit that removed the row
   * calls. A save issued in between changes the version, and forget() then leaves it be.
   */
  stored: () => number;
  forget: (version: number) => void;
}

/**
 * Keeps the text of a field in the drafts table: restores it once on mount (unless the user has
 * already typed), saves it debounced, and flushes at once when the page is hidden or closed,
 * so a crash, reload or closed window never loses what was typed.
 */
export function useDraft(
  db: WarroomDb,
  key: string,
  restore: (saved: string) => void,
): DraftControl {
  const timer = useRef<number | null>(null);
  const pending = useRef<string | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const inFlight = useRef(0);
  const rowVersion = useRef(0);
  const versions = useRef(0);

  const flush = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const text = pending.current;
    if (text === null) return;
    pending.current = null;
    // Writes are chained so an older text can never land after a newer one.
    inFlight.current += 1;
    rowVersion.current = ++versions.current;
    chain.current = chain.current
      .then(() => saveDraft(db, key, text, Date.now()))
      .catch(() => undefined)
      .finally(() => {
        inFlight.current -= 1;
      });
  }, [db, key]);

  useEffect(() => {
    let live = true;
    void loadDraft(db, key)
      .then((saved) => {
        if (saved) rowVersion.current = ++versions.current;
        if (live && saved) restore(saved);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [db, key, restore]);

  useEffect(() => {
    const onHide = () => flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [flush]);

  const changed = useCallback(
    (text: string) => {
      pending.current = text;
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, DRAFT_DEBOUNCE_MS);
    },
    [flush],
  );

  const settle = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    return chain.current;
  }, []);

  const writing = useCallback(() => inFlight.current > 0, []);
  const stored = useCallback(() => rowVersion.current, []);
  const forget = useCallback((version: number) => {
    if (rowVersion.current === version) rowVersion.current = 0;
  }, []);

  return { changed, settle, writing, stored, forget };
}
