import { describe, expect, it } from 'vitest';
import { changes, type ChangeSet } from './change-set';
import { parseChangeSet } from './change-set-schema';
import { newEntryRow } from './timeline-entry';

const NOW = Date.UTC(2026, 10, 30, 3, 0, 0);
const entry = newEntryRow(
  { incidentId: 'inc-1', kind: 'finding', text: 'disk full' },
  {
    now: NOW,
    author: 'Sam',
  },
);
const wire = (over: Partial<ChangeSet> = {}): unknown => ({
  id: '019ad3a0-0000-7000-8000-000000000000',
  at: NOW,
  origin: { seat: 'seat-a', window: 'win-1' },
  changes: changes().record(entry).remove('drafts', 'timeline:inc-1').build(),
  ...over,
});

describe('parseChangeSet', () => {
  it('accepts a change set a command made, rows intact', () => {
    const r = parseChangeSet(JSON.parse(JSON.stringify(wire())));
    expect(r).toMatchObject({ ok: true });
    if (r.ok) expect(r.changeSet.changes.timelineEntries?.added?.[0]).toEqual(entry);
  });

  it.each([
    [
      'a row breaking its schema',
      { changes: { timelineEntries: { added: [{ ...entry, kind: 'gossip' }] } } },
      /changes\.timelineEntries\.added\.0\.kind/,
    ],
    ['an unknown table', { changes: { secrets: { added: [] } } }, /changes/],
    [
      'a removed key that is not a string',
      { changes: { drafts: { removed: [42] } } },
      /changes\.drafts\.removed\.0/,
    ],
    ['no origin', { origin: undefined }, /origin/],
    [
      'an extra field in a table change',
      { changes: { drafts: { removed: [], patched: [] } } },
      /changes\.drafts/,
    ],
  ])('refuses %s, naming where', (_name, over, where) => {
    const r = parseChangeSet(wire(over as Partial<ChangeSet>));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(where);
  });

  it('refuses what is not a change set at all', () => {
    expect(parseChangeSet(null)).toMatchObject({ ok: false });
    expect(parseChangeSet('{"id":1}')).toMatchObject({ ok: false });
  });
});
