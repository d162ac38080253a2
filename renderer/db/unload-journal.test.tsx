import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { declareIncident } from './repo/incidents';
import { DbProvider } from './db-context';
import type { WarroomDb } from './schema';
import { freshDb } from './test-db';
import { replayUnloadJournal, writeUnloadJournal } from './unload-journal';
import { useAutosave, useDraft } from './use-draft';

let db: WarroomDb;
beforeEach(async () => {
  localStorage.clear();
  db = await freshDb();
});
afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  db.close();
});

const wrapper = ({ children }: { children: ReactNode }) => (
  <DbProvider db={db}>{children}</DbProvider>
);
const journalKeys = () => Object.keys(localStorage).filter((k) => k.startsWith('warroom:unsaved:'));

describe('the unload journal', () => {
  it('keeps text typed inside the save pause when the page goes away, and writes it on the next start', async () => {
    const { result, unmount } = renderHook(() => useDraft(db, 'timeline:i1', () => undefined), {
      wrapper,
    });
    act(() => result.current.changed('half typed finding about redis'));
    // The page goes away before the pause is over: the flush it starts may never land.
    window.dispatchEvent(new Event('pagehide'));
    expect(journalKeys()).toEqual(['warroom:unsaved:draft:timeline:i1']);
    unmount();
    await db.drafts.clear();

    expect(await replayUnloadJournal(db)).toBe(1);
    expect((await db.drafts.get('timeline:i1'))?.text).toBe('half typed finding about redis');
    expect(journalKeys()).toEqual([]);
  });

  it('leaves nothing in the journal once the text is on disk, or committed another way', async () => {
    const { result } = renderHook(() => useDraft(db, 'k', () => undefined), { wrapper });
    act(() => result.current.changed('saved in time'));
    window.dispatchEvent(new Event('pagehide'));
    expect(journalKeys()).toHaveLength(1);
    await waitFor(async () => expect((await db.drafts.get('k'))?.text).toBe('saved in time'));
    await waitFor(() => expect(journalKeys()).toEqual([]));

    act(() => result.current.changed('logged with Enter'));
    window.dispatchEvent(new Event('pagehide'));
    await act(() => result.current.settle());
    expect(journalKeys()).toEqual([]);
  });

  it('journals nothing when everything typed is already saved', async () => {
    const { result } = renderHook(() => useDraft(db, 'k', () => undefined), { wrapper });
    act(() => result.current.changed('done'));
    await waitFor(async () => expect((await db.drafts.get('k'))?.text).toBe('done'));
    await waitFor(() => expect(journalKeys()).toEqual([]));
    window.dispatchEvent(new Event('pagehide'));
    expect(journalKeys()).toEqual([]);
  });

  it('journals the merge of everything unconfirmed, not only the last change', () => {
    type Patch = Record<string, string>;
    const entries: Patch[] = [];
    const { result } = renderHook(() =>
      useAutosave<Patch>({
        save: () => new Promise(() => undefined), // never lands
        merge: (a, b) => ({ ...a, ...b }),
        delay: 0,
        journal: {
          id: 'pm',
          entry: (patch) => {
            entries.push(patch);
            return { kind: 'postmortem', incidentId: 'i', patch: {}, author: 'A', at: 1 };
          },
        },
      }),
    );
    act(() => result.current.changed({ a: '1' }));
    act(() => void result.current.flush()); // issued, in flight
    act(() => result.current.changed({ b: '2' }));
    window.dispatchEvent(new Event('pagehide'));
    expect(entries.at(-1)).toEqual({ a: '1', b: '2' });
  });

  it('writes a journaled post-mortem section through its command, under the author', async () => {
    const incident = await declareIncident(
      db,
      { title: 'Cache stampede', severity: 'SEV2', startedAt: Date.UTC(2026, 11, 2, 14, 0) },
      { now: Date.UTC(2026, 11, 2, 14, 0), author: 'Alice' },
    );
    writeUnloadJournal('postmortem:x', {
      kind: 'postmortem',
      incidentId: incident.id,
      patch: { sections: { summary: 'Cache expired.' } },
      author: 'Alice',
      at: Date.UTC(2026, 11, 2, 15, 0),
    });
    expect(await replayUnloadJournal(db)).toBe(1);
    expect((await db.postmortems.get(incident.id))?.sections.summary).toBe('Cache expired.');
  });

  it('drops unreadable entries and those their command refuses, and keeps going', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    localStorage.setItem('warroom:unsaved:junk', '{not json');
    writeUnloadJournal('postmortem:gone', {
      kind: 'postmortem',
      incidentId: 'no-such-incident',
      patch: { sections: { summary: 'x' } },
      author: 'A',
      at: 1,
    });
    writeUnloadJournal('draft:k', { kind: 'draft', key: 'k', text: 'kept', at: 2 });
    expect(await replayUnloadJournal(db)).toBe(1);
    expect((await db.drafts.get('k'))?.text).toBe('kept');
    expect(journalKeys()).toEqual([]);
  });
});
