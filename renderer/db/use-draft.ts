import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCommand } from './db-context';
import type { ReadonlyDb } from './read-view';
import { loadDraft, saveDraft } from './repo/drafts';
import { RepoError, reportStorageFailure, type StorageFailure } from './repo/errors';
import { clearUnloadJournal, writeUnloadJournal, type UnloadJournalEntry } from './unload-journal';

/** How long typing must pause before the draft is written, in ms. */
export const DRAFT_DEBOUNCE_MS = 300;

/** Waits before saving again after a failed save, in ms (then every 30 s). */
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

/** How a field saves as it is typed: see {@link useAutosave}. */
export interface AutosaveOptions<P> {
  /**
   * Writes a value through a command (the one commit); rejects when it was not written. Keep it
   * stable (useCallback): a different function means a different target (another draft key),
   * and what waits for the old one is written at once, to the old one.
   */
  save: (value: P) => Promise<unknown>;
  /** Two values waiting to be written as one, `newer` winning; by default `newer` alone. */
  merge?: (older: P, newer: P) => P;
  /** The pause in typing before a save, in ms; {@link DRAFT_DEBOUNCE_MS} by default. */
  delay?: number;
  /** The words shown when a save fails; {@link draftProblemMessage} by default. */
  describe?: (error: unknown) => string;
  /**
   * A value already known not to be on disk when the field opens (its first write failed) and
   * why: it is held as unsaved, `problem` says so, and it is written with the next save (or the
   * next retry). Read on the first render only.
   */
  unsavedAtStart?: { value: P; problem: string };
  /**
   * How to keep a value that is not yet on disk when the page goes away (unload-journal.ts):
   * the journal id and the entry that writes it on the next start. Without it, text typed in
   * the last moments before a reload can be lost.
   */
  journal?: { id: string; entry: (value: P) => UnloadJournalEntry };
}

interface Waiting<P> {
  value: P;
  save: (value: P) => Promise<unknown>;
}

export interface Autosave<P> {
  /** Call on every change; the value is written after a pause (merged with any waiting one). */
  changed: (value: P) => void;
  /**
   * Writes what is waiting now (on blur, before a copy): resolves true once it is on disk (or
   * nothing was waiting), false when the write failed (kept, retried, and `problem` set).
   */
  flush: () => Promise<boolean>;
  /**
   * The value is being committed another way: drops what is waiting, stops retrying, clears
   * `problem` and resolves once writes under way have finished (so none lands after the commit).
   */
  settle: () => Promise<void>;
  /** True while a write is under way. */
  writing: () => boolean;
  /** True from a change until it is on disk (waiting, being written, or failed and retried). */
  unsaved: boolean;
  /**
   * Null while everything typed is saved (or waiting for its pause); otherwise why the last
   * save failed. Failed saves are retried with back-off ({@link DRAFT_RETRY_MS}).
   */
  problem: string | null;
}

/**
 * THE save-as-you-type hook (issue 14: one, for the drafts table and the post-mortem alike).
 * Writes the value debounced, through the caller's command (so through the one commit), and
 * flushes at once when the page is hidden or closed and on unmount, so a crash, reload or
 * closed window never loses what was typed. Writes are chained: an older value never lands
 * after a newer one. A write that fails is retried with back-off until one succeeds (newer
 * values merged over the failed one), the value stays in memory meanwhile, and `problem` says
 * it is not safe yet. After {@link Autosave.settle} nothing issued before is retried, so
 * committed text never comes back.
 */
export function useAutosave<P>(options: AutosaveOptions<P>): Autosave<P> {
  const opts = useRef(options);
  useEffect(() => {
    opts.current = options;
  });
  const timer = useRef<number | null>(null);
  // What waits to be written, with the save it was typed for (a field whose key changes, such
  // as the log field of another incident, writes the earlier text under the earlier key).
  const pending = useRef<Waiting<P> | null>(
    options.unsavedAtStart ? { value: options.unsavedAtStart.value, save: options.save } : null,
  );
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const inFlight = useRef(0);
  const failures = useRef(0);
  /** Bumped by settle(): a failure of a write issued before then is not retried. */
  const generation = useRef(0);
  const live = useRef(true);
  const [problem, setProblem] = useState<string | null>(options.unsavedAtStart?.problem ?? null);
  const [unsaved, setUnsaved] = useState(options.unsavedAtStart !== undefined);
  const flushRef = useRef<() => Promise<boolean>>(() => Promise.resolve(true));
  /**
   * Everything changed since the last write that left nothing waiting (merged), or null: what
   * the unload journal keeps when the page goes away before it is on disk.
   */
  const unconfirmed = useRef<{ value: P; journal: AutosaveOptions<P>['journal'] } | null>(
    options.unsavedAtStart
      ? { value: options.unsavedAtStart.value, journal: options.journal }
      : null,
  );
  const confirm = () => {
    const was = unconfirmed.current;
    unconfirmed.current = null;
    if (was?.journal) clearUnloadJournal(was.journal.id);
  };
  const journalNow = () => {
    const u = unconfirmed.current;
    if (u?.journal) writeUnloadJournal(u.journal.id, u.journal.entry(u.value));
  };

  const clearTimer = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };

  const flush = useCallback((): Promise<boolean> => {
    clearTimer();
    const waiting = pending.current;
    if (waiting === null) return chain.current.then(() => true);
    pending.current = null;
    inFlight.current += 1;
    const issued = generation.current;
    const merge = (older: P, newer: P) => opts.current.merge?.(older, newer) ?? newer;
    chain.current = chain.current
      .then(() => waiting.save(waiting.value))
      .then(
        () => {
          failures.current = 0;
          // This write was the last one issued and nothing is waiting: all is on disk.
          if (pending.current === null && inFlight.current === 1) confirm();
          if (live.current && pending.current === null) {
            setProblem(null);
            setUnsaved(false);
          }
          return true;
        },
        (error: unknown) => {
          if (!live.current || issued !== generation.current) return false;
          setProblem((opts.current.describe ?? draftProblemMessage)(error));
          // Keep the value and try again later, newer values over it.
          const newer = pending.current;
          pending.current =
            newer === null
              ? waiting
              : newer.save === waiting.save
                ? { value: merge(waiting.value, newer.value), save: waiting.save }
                : newer;
          if (timer.current === null) {
            const delay =
              DRAFT_RETRY_MS[Math.min(failures.current, DRAFT_RETRY_MS.length - 1)] ?? 30_000;
            failures.current += 1;
            timer.current = window.setTimeout(() => void flushRef.current(), delay);
          }
          return false;
        },
      )
      .finally(() => {
        inFlight.current -= 1;
      });
    return chain.current;
  }, []);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  useEffect(() => {
    live.current = true;
    // A value unsaved at start is retried like any failed save.
    if (pending.current !== null && timer.current === null)
      timer.current = window.setTimeout(() => void flushRef.current(), DRAFT_RETRY_MS[0]);
    // The flush's transaction may be aborted with the page: what it holds is journaled first,
    // synchronously, and replayed on the next start (unload-journal.ts).
    const onHide = () => {
      journalNow();
      void flushRef.current();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onHide();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flushRef.current();
      live.current = false;
      clearTimer();
    };
  }, []);

  const changed = useCallback((value: P) => {
    const { save, merge } = opts.current;
    let waiting = pending.current;
    if (waiting && waiting.save !== save) {
      // Typed for another key: written now, under that key.
      void flushRef.current();
      waiting = null;
    }
    const journal = opts.current.journal;
    const u = unconfirmed.current;
    unconfirmed.current = {
      value: u && merge && u.journal?.id === journal?.id ? merge(u.value, value) : value,
      journal,
    };
    pending.current = { value: waiting && merge ? merge(waiting.value, value) : value, save };
    setUnsaved(true);
    clearTimer();
    timer.current = window.setTimeout(
      () => void flushRef.current(),
      opts.current.delay ?? DRAFT_DEBOUNCE_MS,
    );
  }, []);

  const settle = useCallback(async () => {
    clearTimer();
    pending.current = null;
    confirm();
    generation.current += 1;
    failures.current = 0;
    setProblem(null);
    setUnsaved(false);
    await chain.current;
  }, []);

  const writing = useCallback(() => inFlight.current > 0, []);

  return { changed, flush, settle, writing, unsaved, problem };
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
 * Keeps the text of a field in the drafts table through {@link useAutosave}: restores it once
 * on mount (unless the user has already typed), saves it debounced through the commit (an
 * empty text removes the row), and retries failed saves, saying meanwhile that the draft is not
 * safe yet (issue 12: failed saves were silently dropped and the text was gone after a reload).
 * `db` is read only (to restore); writes go through `useCommand()`.
 */
export function useDraft(
  db: ReadonlyDb,
  key: string,
  restore: (saved: string) => void,
): DraftControl {
  const run = useCommand();
  const rowVersion = useRef(0);
  const versions = useRef(0);
  const save = useCallback(
    (text: string) => {
      rowVersion.current = ++versions.current;
      return run(saveDraft, key, text, Date.now());
    },
    [run, key],
  );
  const journal = useMemo(
    () => ({
      id: `draft:${key}`,
      entry: (text: string) => ({ kind: 'draft' as const, key, text, at: Date.now() }),
    }),
    [key],
  );
  const auto = useAutosave<string>({ save, journal });

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

  const stored = useCallback(() => rowVersion.current, []);
  const forget = useCallback((version: number) => {
    if (rowVersion.current === version) rowVersion.current = 0;
  }, []);

  return {
    changed: auto.changed,
    settle: auto.settle,
    writing: auto.writing,
    stored,
    forget,
    problem: auto.problem,
  };
}
