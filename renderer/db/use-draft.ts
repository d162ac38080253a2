import { useCallback, useEffect, useRef, useState } from 'react';
import { loadDraft, saveDraft } from './repo/drafts';
import { RepoError, reportStorageFailure, type StorageFailure } from './repo/errors';
import type { WarroomDb } from './schema';

/** How long typing must pause before the draft is written. */
export const DRAFT_DEBOUNCE_MS = 300;

/** Waits before saving a draft again after a failed save, in ms (then every 30 s). */
export const DRAFT_RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

const DRAFT_REASONS: Readonly<Record<StorageFailure, string>> = {
  'disk-full': 'the disk is full',
  quota: "the browser's storage for Warroom is full",
  closed: 'the database connection was lost',
  blocked: 'another Warroom window is upgrading the database',
  version: 'a newer Warroom upgraded the database',
  io: 'the disk refused the write',
  constraint: 'the database refused it',
};

/**
 * The words shown next to a field whose draft could not be saved: the text is only in this
 * window until a save succeeds.
 */
export function draftProblemMessage(error: unknown): string {
  const failure = reportStorageFailure(error);
  const reason =
    error instanceof RepoError
      ? error.message
      : failure
        ? `${DRAFT_REASONS[failure]}.`
        : 'it could not be saved.';
  return `Draft not safe yet: ${reason} It is kept in this window and Warroom keeps trying; do not close or reload the window.`;
}

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
  /**
   * Null while the draft is saved (or nothing needs saving); otherwise why the last save failed,
   * for showing next to the field. Saves are retried with back-off ({@link DRAFT_RETRY_MS}).
   */
  problem: string | null;
}

/**
 * Keeps the text of a field in the drafts table: restores it once on mount (unless the user has
 * already typed), saves it debounced, and flushes at once when the page is hidden or closed,
 * so a crash, reload or closed window never loses what was typed. A save that fails is tried
 * again with back-off until one succeeds (newer text replaces the retried one), the text stays
 * in memory meanwhile, and `problem` says the draft is not safe yet (issue 12: failed saves were
 * silently dropped and the text was gone after a reload).
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
  const [problem, setProblem] = useState<string | null>(null);
  const failures = useRef(0);
  /** Bumped by settle(): a failure of a write issued before then is not retried. */
  const generation = useRef(0);
  const live = useRef(true);
  const flushRef = useRef<() => void>(() => undefined);

  const flush = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const text = pending.current;
    if (text === null) return;
    pending.current = null;
    // Writes are chained so an older text can never land after a newer one.
    inFlight.current += 1;
    rowVersion.current = ++versions.current;
    const issued = generation.current;
    chain.current = chain.current
      .then(() => saveDraft(db, key, text, Date.now()))
      .then(
        () => {
          failures.current = 0;
          if (live.current && pending.current === null) setProblem(null);
        },
        (error: unknown) => {
          if (!live.current) return;
          setProblem(draftProblemMessage(error));
          if (issued !== generation.current) return;
          // Keep the text and try again later, unless newer text is already waiting.
          pending.current ??= text;
          if (timer.current !== null) return;
          const delay =
            DRAFT_RETRY_MS[Math.min(failures.current, DRAFT_RETRY_MS.length - 1)] ?? 30_000;
          failures.current += 1;
          timer.current = window.setTimeout(() => flushRef.current(), delay);
        },
      )
      .finally(() => {
        inFlight.current -= 1;
      });
  }, [db, key]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

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
    generation.current += 1;
    failures.current = 0;
    setProblem(null);
    return chain.current;
  }, []);

  const writing = useCallback(() => inFlight.current > 0, []);
  const stored = useCallback(() => rowVersion.current, []);
  const forget = useCallback((version: number) => {
    if (rowVersion.current === version) rowVersion.current = 0;
  }, []);

  return { changed, settle, writing, stored, forget, problem };
}
