import { useCallback, useEffect, useRef, useState } from 'react';
import type { Postmortem } from '../../../shared/domain/records';
import { useDb } from '../../db/db-context';
import { describeWriteError } from '../../db/repo/errors';
import { savePostmortem, type PostmortemPatch } from '../../db/repo/postmortems';
import { useCommandContext } from '../settings/use-settings';

/** How long typing pauses before the text is saved. */
export const SAVE_DELAY_MS = 400;

/** The 5 Whys start as five empty links, so the chain's shape is visible. */
const WHY_SLOTS = 5;

function mergePatch(a: PostmortemPatch, b: PostmortemPatch): PostmortemPatch {
  return {
    ...a,
    ...b,
    ...(a.sections || b.sections ? { sections: { ...a.sections, ...b.sections } } : {}),
  };
}

/**
 * The editor's text, held locally so typing never waits on the database, and saved as it is
 * typed: debounced, flushed on blur, on `pagehide`, when the tab is hidden and on unmount. A
 * failed save keeps the text (and the unsaved patch, retried with the next save) and says so.
 * The stored record is read once, at mount: later writes (ours) never reset what is on screen.
 * `notSaved` (the failure's message) says `initial` is not in the database yet (its first write
 * failed): it is shown as not saved and written whole with the next save.
 */
export function usePostmortemDraft(initial: Postmortem, notSaved?: string) {
  const db = useDb();
  const ctx = useCommandContext();
  const ctxRef = useRef(ctx);
  useEffect(() => {
    ctxRef.current = ctx;
  }, [ctx]);
  const incidentId = initial.incidentId;
  const [sections, setSections] = useState<Record<string, string>>(() => ({ ...initial.sections }));
  const [fiveWhys, setFiveWhysState] = useState<string[]>(() =>
    initial.fiveWhys.length ? [...initial.fiveWhys] : Array<string>(WHY_SLOTS).fill(''),
  );
  const [author, setAuthorState] = useState(initial.author);
  const [saveError, setSaveError] = useState<string | null>(notSaved ?? null);
  const [unsaved, setUnsaved] = useState(notSaved !== undefined);
  const pending = useRef<PostmortemPatch | null>(
    notSaved !== undefined
      ? {
          sections: { ...initial.sections },
          fiveWhys: [...initial.fiveWhys],
          author: initial.author,
        }
      : null,
  );
  const timer = useRef<number | null>(null);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const patch = pending.current;
    if (!patch) return true;
    pending.current = null;
    try {
      await savePostmortem(db, incidentId, patch, ctxRef.current());
      setSaveError(null);
      if (!pending.current) setUnsaved(false);
      return true;
    } catch (e) {
      pending.current = mergePatch(patch, pending.current ?? {});
      setSaveError(describeWriteError(e));
      return false;
    }
  }, [db, incidentId]);

  const schedule = useCallback(
    (patch: PostmortemPatch) => {
      pending.current = mergePatch(pending.current ?? {}, patch);
      setUnsaved(true);
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush]);

  return {
    sections,
    fiveWhys,
    author,
    saveError,
    /** True while typed text is waiting for its debounced save. */
    unsaved,
    flush,
    setSection: (id: string, text: string) => {
      setSections((s) => ({ ...s, [id]: text }));
      schedule({ sections: { [id]: text } });
    },
    setFiveWhys: (whys: string[]) => {
      setFiveWhysState(whys);
      schedule({ fiveWhys: whys });
    },
    setAuthor: (name: string) => {
      setAuthorState(name);
      schedule({ author: name });
    },
  };
}

/** What `usePostmortemDraft` returns. */
export type PostmortemDraft = ReturnType<typeof usePostmortemDraft>;
