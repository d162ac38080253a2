// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { changes } from '../commands/change-set';
import { incidentRow } from '../domain/testing/incident';
import { timelineEntry } from '../domain/testing/timeline';
import {
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
