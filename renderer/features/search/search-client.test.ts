import { describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../../shared/commands/change-set';
import { incidentRow } from '../../../shared/domain/testing/incident';
import { timelineEntry } from '../../../shared/domain/testing/timeline';
import { journalEntryOf, rowChangesOf } from './search-client';

const changeSet = (changes: ChangeSet['changes'], peer = false): ChangeSet => ({
  id: 'cs',
  at: 1,
  origin: { seat: 's', window: 'w' },
  changes,
  ...(peer ? { peer } : {}),
});

describe('rowChangesOf', () => {
  it('keeps the searched tables only: rows put (added and updated) and keys removed', () => {
    const e1 = timelineEntry({ id: 'e1' });
    const e2 = timelineEntry({ id: 'e2', text: 'edited' });
    const out = rowChangesOf(
      changeSet({
        timelineEntries: { added: [e1], updated: [e2], removed: ['e3'] },
        drafts: { added: [{ key: 'k', text: 't', updatedAt: 0 }] },
        incidents: { updated: [incidentRow()] },
      }),
    );
    expect(Object.keys(out).sort()).toEqual(['incidents', 'timelineEntries']);
    expect(out.timelineEntries).toEqual({ put: [e1, e2], removed: ['e3'] });
  });
});

describe('journalEntryOf', () => {
  it('notes the keys a committed change set touched, a peer one too', () => {
    const entry = journalEntryOf(
      {
        status: 'committed',
        changeSet: changeSet(
          {
            timelineEntries: { added: [timelineEntry({ id: 'e1' })], removed: ['e2'] },
            postmortems: {
              updated: [
                {
                  incidentId: 'i1',
                  status: 'draft',
                  author: '',
                  sections: {},
                  fiveWhys: [],
                  allEntries: false,
                  updatedAt: 0,
                },
              ],
            },
          },
          true,
        ),
      },
      42,
    );
    expect(entry).toEqual({ at: 42, keys: { timelineEntries: ['e1', 'e2'], postmortems: ['i1'] } });
  });

  it('notes nothing for a change set outside search, and a rebuild for one sent without rows', () => {
    expect(
      journalEntryOf(
        { status: 'committed', changeSet: changeSet({ drafts: { removed: ['k'] } }) },
        1,
      ),
    ).toBeNull();
    expect(
      journalEntryOf(
        { status: 'committed', changeSet: changeSet({}), omitted: ['timelineEntries'] },
        1,
      ),
    ).toEqual({ at: 1, keys: {}, rebuild: true });
    // A restore's worth of rows: rebuilt rather than fed row by row.
    const many = Array.from({ length: 2_001 }, (_, i) => timelineEntry({ id: `e${i}` }));
    expect(
      journalEntryOf(
        { status: 'committed', changeSet: changeSet({ timelineEntries: { added: many } }) },
        1,
      ),
    ).toEqual({ at: 1, keys: {}, rebuild: true });
  });
});
