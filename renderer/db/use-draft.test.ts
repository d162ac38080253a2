import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WarroomDb } from './schema';
import { freshDb } from './test-db';
import { onStorageFailure, type StorageFailure } from './repo/errors';
import { draftProblemMessage, useDraft } from './use-draft';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const diskFull = () => new DOMException('Internal error: FILE_ERROR_NO_SPACE', 'UnknownError');
const noRestore = () => undefined;

describe('useDraft when saving fails', () => {
  it('says the draft is not safe yet, keeps retrying, and saves once the disk has room', async () => {
    const realPut = db.drafts.put.bind(db.drafts);
    let full = true;
    const put = vi.spyOn(db.drafts, 'put').mockImplementation((...args) => {
      if (full) return Promise.reject(diskFull()) as ReturnType<typeof realPut>;
      return realPut(...args);
    });
    const seen: StorageFailure[] = [];
    const stop = onStorageFailure((f) => seen.push(f));
    const { result } = renderHook(() => useDraft(db, 'timeline:i1', noRestore));
    expect(result.current.problem).toBeNull();

    act(() => result.current.changed('Rolled back deploy 4812'));
    await waitFor(() =>
      expect(result.current.problem).toBe(
        'Draft not safe yet: the disk is full. It is kept in this window and Warroom keeps trying; do not close or reload the window.',
      ),
    );
    expect(seen).toContain('disk-full');
    // Retried by itself, with the same text, while the disk is still full.
    await waitFor(() => expect(put.mock.calls.length).toBeGreaterThanOrEqual(2), {
      timeout: 3_000,
    });
    expect(put.mock.calls.every(([row]) => row.text === 'Rolled back deploy 4812')).toBe(true);
    expect(await db.drafts.get('timeline:i1')).toBeUndefined();

    full = false;
    await waitFor(() => expect(result.current.problem).toBeNull(), { timeout: 5_000 });
    expect((await db.drafts.get('timeline:i1'))?.text).toBe('Rolled back deploy 4812');
    stop();
  });

  it('retries the newest text, never an older one', async () => {
    const realPut = db.drafts.put.bind(db.drafts);
    let full = true;
    vi.spyOn(db.drafts, 'put').mockImplementation((...args) =>
      full ? (Promise.reject(diskFull()) as ReturnType<typeof realPut>) : realPut(...args),
    );
    const { result } = renderHook(() => useDraft(db, 'k', noRestore));
    act(() => result.current.changed('old'));
    await waitFor(() => expect(result.current.problem).not.toBeNull());
    act(() => result.current.changed('newer'));
    full = false;
    await waitFor(() => expect(result.current.problem).toBeNull(), { timeout: 5_000 });
    expect((await db.drafts.get('k'))?.text).toBe('newer');
  });

  it('stops retrying once the text is committed (settle), so no stale draft comes back', async () => {
    const realPut = db.drafts.put.bind(db.drafts);
    let full = true;
    const put = vi
      .spyOn(db.drafts, 'put')
      .mockImplementation((...args) =>
        full ? (Promise.reject(diskFull()) as ReturnType<typeof realPut>) : realPut(...args),
      );
    const { result } = renderHook(() => useDraft(db, 'k', noRestore));
    act(() => result.current.changed('logged already'));
    await waitFor(() => expect(result.current.problem).not.toBeNull());
    await act(() => result.current.settle());
    expect(result.current.problem).toBeNull();
    full = false;
    const calls = put.mock.calls.length;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(put.mock.calls.length).toBe(calls);
    expect(await db.drafts.get('k')).toBeUndefined();
  });

  it('names a refusal of the draft itself in its own words', () => {
    expect(draftProblemMessage(new Error('strange'))).toMatch(
      /^Draft not safe yet: it could not be saved\. It is kept in this window/,
    );
  });
});
