// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { changes } from '../commands/change-set';
import { incidentRow } from '../domain/testing/incident';
import { timelineEntry } from '../domain/testing/timeline';
import {
  chunkSeed,
  DIRECTORY_DOC,
  docNameOfRow,
  incidentDocName,
  incidentIdOfDoc,
  isLocalTable,
  splitChangesByDoc,
} from './doc-names';

const item = (incidentId: string | null) => ({
  id: 'a1',
  incidentId,
  title: 'Fix',
  owner: '',
  priority: 'P2' as const,
  dueDate: '2026-12-01',
  status: 'not-started' as const,
  createdAt: 0,
  updatedAt: 0,
  completedAt: null,
});

describe('document names', () => {
  it('names incident documents and reads them back', () => {
    expect(incidentDocName('x-1')).toBe('incident:x-1');
    expect(incidentIdOfDoc('incident:x-1')).toBe('x-1');
    expect(incidentIdOfDoc('incident:')).toBeNull();
    expect(incidentIdOfDoc(DIRECTORY_DOC)).toBeNull();
  });

  it.each([
    ['incidents', incidentRow({ id: 'i9' }), 'incident:i9'],
    ['timelineEntries', timelineEntry({ incidentId: 'i9' }), 'incident:i9'],
    ['actionItems', item('i9'), 'incident:i9'],
    ['actionItems', item(null), 'directory'],
    ['people', { id: 'p', name: 'Bob', handle: '', team: '', lastUsedAt: 0 }, 'directory'],
    ['settings', { key: 'theme', value: 'dark' }, null],
    ['drafts', { key: 'k', text: '', updatedAt: 0 }, null],
  ] as const)('%s row → %s', (table, row, doc) => {
    expect(docNameOfRow(table, row as never)).toBe(doc);
  });

  it('keeps drafts and settings local', () => {
    expect(isLocalTable('drafts')).toBe(true);
    expect(isLocalTable('settings')).toBe(true);
    expect(isLocalTable('people')).toBe(false);
  });
});

describe('splitChangesByDoc', () => {
  it('sends rows to their document, removed keys where the caller places them', () => {
    const cs = changes()
      .add('incidents', incidentRow({ id: 'i1' }))
      .add('timelineEntries', timelineEntry({ id: 'e1', incidentId: 'i2' }))
      .update('settings', { key: 'theme', value: 'dark' })
      .remove('timelineEntries', 'e0')
      .remove('timelineEntries', 'unknown')
      .remove('settings', 'x')
      .build();
    const split = splitChangesByDoc(cs, (t, k) => (k === 'e0' ? 'incident:i1' : undefined));
    expect([...split.keys()].sort()).toEqual(['incident:i1', 'incident:i2']);
    expect(split.get('incident:i1')).toEqual({
      incidents: { added: [incidentRow({ id: 'i1' })] },
      timelineEntries: { removed: ['e0'] },
    });
    expect(split.get('incident:i2')).toEqual({
      timelineEntries: { added: [timelineEntry({ id: 'e1', incidentId: 'i2' })] },
    });
  });

  it('removes an updated row from the document it leaves', () => {
    const split = splitChangesByDoc(
      changes().update('actionItems', item(null)).build(),
      () => 'incident:i1',
    );
    expect(split.get('directory')).toEqual({ actionItems: { updated: [item(null)] } });
    expect(split.get('incident:i1')).toEqual({ actionItems: { removed: ['a1'] } });
  });
});

describe('chunkSeed', () => {
  const entries = (n: number) =>
    Array.from({ length: n }, (_, i) => timelineEntry({ id: `e${i}`, incidentId: 'i1' }));

  it('cuts the added rows into parts of at most maxRows, in table then row order', () => {
    const seed = {
      incidents: { added: [incidentRow({ id: 'i1' })] },
      timelineEntries: { added: entries(5) },
    };
    const parts = chunkSeed(seed, 2);
    expect(
      parts.map((p) => Object.values(p).reduce((n, c) => n + (c.added?.length ?? 0), 0)),
    ).toEqual([2, 2, 2]);
    expect(parts[0]?.incidents?.added?.[0]?.id).toBe('i1');
    expect(parts.flatMap((p) => p.timelineEntries?.added ?? []).map((e) => e.id)).toEqual([
      'e0',
      'e1',
      'e2',
      'e3',
      'e4',
    ]);
  });

  it('keeps updates and removals whole in the last part, and gives one part for nothing', () => {
    const parts = chunkSeed(
      {
        timelineEntries: { added: entries(3), removed: ['x'] },
        incidents: { updated: [incidentRow()] },
      },
      2,
    );
    expect(parts).toHaveLength(2);
    expect(parts[1]?.timelineEntries?.removed).toEqual(['x']);
    expect(parts[1]?.incidents?.updated).toHaveLength(1);
    expect(parts[0]?.incidents).toBeUndefined();
    expect(chunkSeed({}, 10)).toEqual([{}]);
    expect(() => chunkSeed({}, 0)).toThrow(RangeError);
  });
});
