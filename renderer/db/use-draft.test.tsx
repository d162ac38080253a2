import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { subscribeChanges } from './commit';
import { DbProvider } from './db-context';
import type { WarroomDb } from './schema';
import { failWritesTo, freshDb } from './test-db';
import { onStorageFailure, type StorageFailure } from './repo/errors';
import { draftProblemMessage, useAutosave, useDraft } from './use-draft';

let db: WarroomDb;
let undo: (() => void) | null = null;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  undo?.();
  undo = null;
  vi.restoreAllMocks();
  db.close();
});

const wrapper = ({ children }: { children: ReactNode }) => (
  <DbProvider db={db}>{children}</DbProvider>
);

/** Makes draft writes fail as a full disk does, until {@link diskFreed}. */
function diskFull(): void {
  undo = failWritesTo('drafts', fullError());
}
function diskFreed(): void {
  undo?.();
  undo = null;
}

/** The draft texts each failed save tried to write, in order. */
function failedSaves(): { texts: (string | undefined)[]; stop: () => void } {
  const texts: (string | undefined)[] = [];
  const stop = subscribeChanges(db, (e) => {
    if (e.status === 'failed') texts.push(e.changeSet.changes.drafts?.updated?.[0]?.text);
  });
  return { texts, stop };
}

const fullError = () => new DOMException('Internal error: FILE_ERROR_NO_SPACE', 'UnknownError');
const noRestore = () => undefined;

describe('useDraft when saving fails', () => {
  it('says the draft is not safe yet, keeps retrying, and saves once the disk has room', async () => {
    diskFull();
    const put = failedSaves();
    const seen: StorageFailure[] = [];
    const stop = onStorageFailure((f) => seen.push(f));
    const { result } = renderHook(() => useDraft(db, 'timeline:i1', noRestore), { wrapper });
    expect(result.current.problem).toBeNull();

    act(() => result.current.changed('Rolled back deploy 4812'));
    await waitFor(() =>
      expect(result.current.problem).toBe(
        'Draft not safe yet: the disk is full. It is kept in this window and Warroom keeps trying; do not close or reload the window.',
      ),
    );
    expect(seen).toContain('disk-full');
    // Retried by itself, with the same text, while the disk is still full.
    await waitFor(() => expect(put.texts.length).toBeGreaterThanOrEqual(2), {
      timeout: 3_000,
    });
    expect(put.texts.every((text) => text === 'Rolled back deploy 4812')).toBe(true);
    expect(await db.drafts.get('timeline:i1')).toBeUndefined();
    put.stop();

    diskFreed();
    await waitFor(() => expect(result.current.problem).toBeNull(), { timeout: 5_000 });
    expect((await db.drafts.get('timeline:i1'))?.text).toBe('Rolled back deploy 4812');
    stop();
  });

  it('retries the newest text, never an older one', async () => {
    diskFull();
    const { result } = renderHook(() => useDraft(db, 'k', noRestore), { wrapper });
    act(() => result.current.changed('old'));
    await waitFor(() => expect(result.current.problem).not.toBeNull());
    act(() => result.current.changed('newer'));
    diskFreed();
    await waitFor(() => expect(result.current.problem).toBeNull(), { timeout: 5_000 });
    expect((await db.drafts.get('k'))?.text).toBe('newer');
  });

  it('stops retrying once the text is committed (settle), so no stale draft comes back', async () => {
    diskFull();
    const { result } = renderHook(() => useDraft(db, 'k', noRestore), { wrapper });
    act(() => result.current.changed('logged already'));
    await waitFor(() => expect(result.current.problem).not.toBeNull());
    await act(() => result.current.settle());
    expect(result.current.problem).toBeNull();
    diskFreed();
    const writes: string[] = [];
    const stop = subscribeChanges(db, (e) => writes.push(e.status));
    // Longer than the first retry's wait (DRAFT_RETRY_MS[0]): no retry may come.
    await new Promise((r) => setTimeout(r, 1_500));
    stop();
    expect(writes).toEqual([]);
    expect(await db.drafts.get('k')).toBeUndefined();
  });

  it('names a refusal of the draft itself in its own words', () => {
    expect(draftProblemMessage(new Error('strange'))).toMatch(
      /^Draft not safe yet: it could not be saved\. It is kept in this window/,
    );
  });
});

describe('useAutosave (the one save-as-you-type hook)', () => {
  type Patch = Record<string, string>;
  const merge = (a: Patch, b: Patch) => ({ ...a, ...b });

  it('merges what is typed in one pause, and a failed value under what is typed next', async () => {
    const saved: Patch[] = [];
    let fail = true;
    const save = vi.fn((p: Patch) => {
      if (fail) return Promise.reject(new Error('nope'));
      saved.push(p);
      return Promise.resolve();
    });
    const { result } = renderHook(() =>
      useAutosave<Patch>({ save, merge, delay: 10, describe: () => 'Not saved.' }),
    );
    act(() => {
      result.current.changed({ a: '1' });
      result.current.changed({ b: '1' });
    });
    await waitFor(() => expect(result.current.problem).toBe('Not saved.'));
    expect(save).toHaveBeenCalledTimes(1);
    expect(result.current.unsaved).toBe(true);
    fail = false;
    act(() => result.current.changed({ b: '2' }));
    await waitFor(() => expect(result.current.unsaved).toBe(false));
    expect(saved).toEqual([{ a: '1', b: '2' }]);
    expect(result.current.problem).toBeNull();
  });

  it('a value unsaved at start is shown as such and written by flush', async () => {
    const save = vi.fn(() => Promise.resolve());
    const { result } = renderHook(() =>
      useAutosave<Patch>({ save, merge, unsavedAtStart: { value: { a: '1' }, problem: 'Full.' } }),
    );
    expect(result.current.problem).toBe('Full.');
    await act(async () => expect(await result.current.flush()).toBe(true));
    expect(save).toHaveBeenCalledWith({ a: '1' });
    expect(result.current.problem).toBeNull();
  });

  it('text typed for one key is written under that key when the key changes', async () => {
    const writes: string[] = [];
    const { result, rerender } = renderHook(
      ({ key }: { key: string }) =>
        useAutosave<string>({
          save: (t) => (writes.push(`${key}:${t}`), Promise.resolve()),
          delay: 50,
        }),
      { initialProps: { key: 'a' } },
    );
    act(() => result.current.changed('for a'));
    rerender({ key: 'b' });
    act(() => result.current.changed('for b'));
    await waitFor(() => expect(writes).toEqual(['a:for a', 'b:for b']));
  });
});
