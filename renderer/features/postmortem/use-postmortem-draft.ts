import { useCallback, useEffect, useRef, useState } from 'react';
import type { Postmortem } from '../../../shared/domain/records';
import { mergePatches } from '../../../shared/commands/postmortem';
import { mergeText } from '../../../shared/logic/text-merge';
import { useCommand } from '../../db/db-context';
import { describeWriteError } from '../../db/repo/errors';
import { savePostmortem, type PostmortemPatch } from '../../db/repo/postmortems';
import { useAutosave } from '../../db/use-draft';
import { useCommandContext } from '../settings/use-settings';
import type { EditorStructure } from './postmortem-data';

/** The structural fields as stored (older rows lack them: left undefined). */
function structureOf(pm: Postmortem): EditorStructure {
  return {
    whysQuestion: pm.whysQuestion,
    whysChains: pm.whysChains,
    customSections: pm.customSections,
    impactWindows: pm.impactWindows,
    timelineChoices: pm.timelineChoices,
    affectedUsers: pm.affectedUsers,
    affectedRecords: pm.affectedRecords,
  };
}

/** How long typing pauses before the text is saved. */
export const SAVE_DELAY_MS = 400;

/** The 5 Whys start as five empty links, so the chain's shape is visible. */
const WHY_SLOTS = 5;

/** The key a field is tracked under: "section:<id>", "fiveWhys" or "author". */
type FieldKey = string;

function whysOf(pm: Postmortem): string[] {
  return pm.fiveWhys.length ? [...pm.fiveWhys] : Array<string>(WHY_SLOTS).fill('');
}

/** A field's stored value as text (the 5 Whys as JSON), undefined when it has none. */
function storedText(pm: Postmortem, key: FieldKey): string | undefined {
  if (key === 'author') return pm.author;
  if (key === 'fiveWhys') return JSON.stringify(whysOf(pm));
  return pm.sections[key.slice('section:'.length)];
}

/** The fields a patch writes, as text, by key. */
function patchTexts(patch: PostmortemPatch): Record<FieldKey, string> {
  const out: Record<FieldKey, string> = {};
  for (const [id, text] of Object.entries(patch.sections ?? {}))
    if (text !== undefined) out[`section:${id}`] = text;
  if (patch.fiveWhys) out.fiveWhys = JSON.stringify(patch.fiveWhys);
  if (patch.author !== undefined) out.author = patch.author;
  return out;
}

/**
 * The editor's text, held locally so typing never waits on the database, and saved as it is
 * typed through the one save-as-you-type hook (db/use-draft.ts `useAutosave`): debounced,
 * flushed on blur, on `pagehide`, when the tab is hidden and on unmount; a failed save keeps
 * the text (merged with what is typed next), is retried with back-off, and says so. A field
 * shows the stored post-mortem (`stored`, live: a restore or another window may change it)
 * until the user types into it; then their text, until it is saved and the store has moved on
 * (to their text, or past it). Only the fields the user changed are written.
 * `notSaved` (the failure's message) says `stored` is not in the database yet (its first write
 * failed): it is shown as not saved and written whole with the next save (or retry).
 * The structure (whys chains, custom sections, impact windows, curation, counts) and the
 * timeline default are edited as whole lists: held locally from mount and saved like text.
 */
export function usePostmortemDraft(stored: Postmortem, notSaved?: string) {
  const run = useCommand();
  const ctx = useCommandContext();
  const ctxRef = useRef(ctx);
  const storedRef = useRef(stored);
  useEffect(() => {
    ctxRef.current = ctx;
    storedRef.current = stored;
  }, [ctx, stored]);
  const incidentId = stored.incidentId;
  // What the user typed, by field; and, once saved, what was written and what was stored then.
  const [local, setLocal] = useState<Record<FieldKey, string>>({});
  const [landed, setLanded] = useState<
    Record<FieldKey, { text: string; before: string | undefined }>
  >({});
  const [structure, setStructureState] = useState<EditorStructure>(() => structureOf(stored));
  const [allEntries, setAllEntriesState] = useState(stored.allEntries);

  /**
   * Per section being edited, the stored text the user's text descends from: the stored text
   * when they started typing, then each text of theirs that was saved. When the stored text
   * moves on to something else (another seat's words, merged in by the sync engine), the
   * user's text is rebased onto it, so both are shown and the next save keeps both.
   */
  const baseRef = useRef<Record<FieldKey, string>>({});
  const seenRef = useRef(stored);
  useEffect(() => {
    const prev = seenRef.current;
    seenRef.current = stored;
    if (prev === stored) return;
    const rebased: Record<FieldKey, string> = {};
    for (const [key, base] of Object.entries(baseRef.current)) {
      const now = storedText(stored, key) ?? '';
      if (now === base || now === (storedText(prev, key) ?? '')) continue;
      rebased[key] = now;
    }
    if (Object.keys(rebased).length === 0) return;
    setLocal((l) => {
      const next = { ...l };
      for (const [key, now] of Object.entries(rebased)) {
        const mine = l[key];
        const base = baseRef.current[key] ?? now;
        if (mine !== undefined) next[key] = mergeText(base, mine, now);
        baseRef.current[key] = now;
      }
      return next;
    });
  }, [stored]);

  const save = useCallback(
    async (patch: PostmortemPatch) => {
      const before = storedRef.current;
      await run(savePostmortem, incidentId, patch, ctxRef.current());
      const written = patchTexts(patch);
      for (const [key, text] of Object.entries(written))
        if (key.startsWith('section:')) baseRef.current[key] = text;
      setLanded((prev) => {
        const next = { ...prev };
        for (const [key, text] of Object.entries(written))
          next[key] = { text, before: storedText(before, key) };
        return next;
      });
    },
    [run, incidentId],
  );
  const auto = useAutosave<PostmortemPatch>({
    save,
    merge: mergePatches,
    delay: SAVE_DELAY_MS,
    describe: describeWriteError,
    // Typed in the last moments before a reload: kept and written on the next start.
    journal: {
      id: `postmortem:${incidentId}`,
      entry: (patch) => ({
        kind: 'postmortem',
        incidentId,
        patch,
        author: ctxRef.current().author,
        at: Date.now(),
      }),
    },
    unsavedAtStart:
      notSaved !== undefined
        ? {
            value: {
              sections: { ...stored.sections },
              fiveWhys: [...stored.fiveWhys],
              author: stored.author,
              allEntries: stored.allEntries,
              ...structureOf(stored),
            },
            problem: notSaved,
          }
        : undefined,
  });
  const schedule = auto.changed;
  const { flush } = auto;

  /** What a field shows: the user's text, unless it was saved and the store has moved on. */
  const shown = (key: FieldKey): string | undefined => {
    const now = storedText(stored, key);
    const mine = local[key];
    if (mine === undefined) return now;
    const done = landed[key];
    if (done && done.text === mine && (now === mine || now !== done.before)) return now;
    return mine;
  };
  const sections: Record<string, string> = {};
  for (const id of new Set([
    ...Object.keys(stored.sections),
    ...Object.keys(local)
      .filter((k) => k.startsWith('section:'))
      .map((k) => k.slice('section:'.length)),
  ])) {
    const text = shown(`section:${id}`);
    if (text !== undefined) sections[id] = text;
  }
  const whysText = shown('fiveWhys');
  const fiveWhys = whysText === undefined ? whysOf(stored) : (JSON.parse(whysText) as string[]);
  const author = shown('author') ?? stored.author;
  const type = (key: FieldKey, text: string) => setLocal((l) => ({ ...l, [key]: text }));

  return {
    sections,
    fiveWhys,
    author,
    /** Whys chains after the first, custom sections, impact windows, curation, counts. */
    structure,
    allEntries,
    /** Why the last save failed (the text is kept and retried), or null. */
    saveError: auto.problem,
    /** True while typed text is waiting for its debounced save (or its retry). */
    unsaved: auto.unsaved,
    /** Writes what is waiting now: true once saved, false when it failed. */
    flush,
    setSection: (id: string, text: string) => {
      const key = `section:${id}`;
      baseRef.current[key] ??= storedText(stored, key) ?? '';
      type(key, text);
      schedule({ sections: { [id]: text } });
    },
    setFiveWhys: (whys: string[]) => {
      type('fiveWhys', JSON.stringify(whys));
      schedule({ fiveWhys: whys });
    },
    setAuthor: (name: string) => {
      type('author', name);
      schedule({ author: name });
    },
    /** Sets structural fields (lists are replaced whole) and saves them like typed text. */
    setStructure: (patch: EditorStructure) => {
      setStructureState((s) => ({ ...s, ...patch }));
      schedule(patch);
    },
    /** The timeline's default: every entry (true) or key events only; clears the curation. */
    setAllEntries: (all: boolean) => {
      setAllEntriesState(all);
      setStructureState((s) => ({ ...s, timelineChoices: {} }));
      schedule({ allEntries: all, timelineChoices: {} });
    },
  };
}

/** What `usePostmortemDraft` returns. */
export type PostmortemDraft = ReturnType<typeof usePostmortemDraft>;
