// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changes } from '../commands/change-set';
import type { Person, Postmortem, Service } from '../domain/records';
import { TABLE_SCHEMAS } from '../domain/tables';
import { incidentRow } from '../domain/testing/incident';
import { timelineEntry } from '../domain/testing/timeline';
import {
  applyChanges,
  changedKeys,
  diffIntoText,
  directoryKey,
  entryField,
  packEntry,
  readAllRows,
  readRows,
  sectionTextName,
  type ChangedKeys,
} from './record-doc';
import { syncBoth } from './testing/store';

const pm = (over: Partial<Postmortem> = {}): Postmortem => ({
  incidentId: 'inc-1',
  status: 'draft',
  author: 'Sam',
  sections: { summary: 'Checkout failed.', impact: '' },
  fiveWhys: ['why 1'],
  allEntries: false,
  updatedAt: 5,
  timelineChoices: { e1: true },
  ...over,
});

const person = (over: Partial<Person> = {}): Person => ({
  id: 'p1',
  name: 'Bob',
  handle: '',
  team: '',
  lastUsedAt: 1,
  ...over,
});

const service = (over: Partial<Service> = {}): Service => ({
  id: 's1',
  name: 'checkout',
  ownerTeam: '',
  sloTarget: null,
  sloWindowDays: 30,
  runbookId: null,
  lastUsedAt: 1,
  ...over,
});

/** Records the changed keys of every transaction on `doc`. */
function watch(doc: Y.Doc): ChangedKeys[] {
  const seen: ChangedKeys[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(changedKeys(tr)));
  return seen;
}

const plain = (k: ChangedKeys) => Object.fromEntries([...k].map(([t, s]) => [t, [...s].sort()]));

describe('applyChanges / readRows', () => {
  it('round-trips every kind of row, nested objects and sections included', () => {
    const doc = new Y.Doc();
    const incident = incidentRow({
      milestones: { started: 1, declared: 2 },
      dismissedSuggestions: { sev: 'x' },
      impact: { ...incidentRow().impact, usersAffected: { value: 12, unit: 'users' } },
      understanding: 'a cache',
    });
    const entry = timelineEntry({
      incidentId: 'inc-1',
      revisions: [{ text: 'a', editedAt: 1, author: 'S' }],
    });
    applyChanges(
      doc,
      changes()
        .add('incidents', incident)
        .add('timelineEntries', entry)
        .add('postmortems', pm())
        .build(),
    );
    expect(readRows(doc, 'incidents')).toEqual([incident]);
    expect(readRows(doc, 'timelineEntries', ['e1', 'nope'])).toEqual([entry, undefined]);
    expect(readRows(doc, 'postmortems')).toEqual([pm()]);
    const all = readAllRows(doc);
    expect(Object.keys(all).sort()).toEqual(['incidents', 'postmortems', 'timelineEntries']);
    for (const [t, rows] of Object.entries(all))
      for (const r of rows) expect(TABLE_SCHEMAS[t as 'incidents'].safeParse(r).success).toBe(true);
  });

  it('stores nested incident objects as Y.Maps and sections as top-level texts', () => {
    const doc = new Y.Doc();
    applyChanges(doc, changes().add('incidents', incidentRow()).add('postmortems', pm()).build());
    const row = doc.getMap('incidents').get('inc-1') as Y.Map<unknown>;
    expect(row.get('impact')).toBeInstanceOf(Y.Map);
    expect((row.get('cadence') as Y.Map<unknown>).get('customers')).toBeInstanceOf(Y.Map);
    expect(doc.getText(sectionTextName('summary')).toJSON()).toBe('Checkout failed.');
  });

  it('rewrites only the fields that changed, and deletes fields gone from the row', () => {
    const doc = new Y.Doc();
    const incident = incidentRow({ understanding: 'x' });
    applyChanges(doc, changes().add('incidents', incident).build());
    const seen = watch(doc);
    let writes = 0;
    doc.on('update', () => writes++);
    applyChanges(
      doc,
      changes()
        .update('incidents', { ...incident })
        .build(),
    );
    expect(writes).toBe(0);
    const { understanding: _, ...without } = incident;
    applyChanges(
      doc,
      changes()
        .update('incidents', { ...without, title: 'DB up' })
        .build(),
    );
    expect(readRows(doc, 'incidents')).toEqual([{ ...without, title: 'DB up' }]);
    expect(plain(seen.at(-1)!)).toEqual({ incidents: ['inc-1'] });
  });

  it('removes rows by key, post-mortem texts included', () => {
    const doc = new Y.Doc();
    applyChanges(
      doc,
      changes().add('timelineEntries', timelineEntry()).add('postmortems', pm()).build(),
    );
    applyChanges(
      doc,
      changes().remove('timelineEntries', 'e1').remove('postmortems', 'inc-1').build(),
    );
    expect(readAllRows(doc)).toEqual({});
  });

  it('skips local tables', () => {
    const doc = new Y.Doc();
    applyChanges(
      doc,
      changes()
        .update('settings', { key: 'theme', value: 'dark' })
        .update('drafts', { key: 'k', text: 't', updatedAt: 1 })
        .build(),
    );
    expect([...doc.share.keys()]).toEqual([]);
  });

  it('passes the origin to the transaction', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    applyChanges(doc, changes().add('timelineEntries', timelineEntry()).build(), 'me');
    expect(origins).toEqual(['me']);
  });
});

describe('merging two seats', () => {
  function twoSeats(build: (doc: Y.Doc) => void): [Y.Doc, Y.Doc] {
    const a = new Y.Doc();
    const b = new Y.Doc();
    build(a);
    syncBoth(a, b);
    return [a, b];
  }

  it('keeps edits of different fields of one row, nested ones too', () => {
    const base = incidentRow();
    const [a, b] = twoSeats((d) => applyChanges(d, changes().add('incidents', base).build()));
    applyChanges(
      a,
      changes()
        .update('incidents', { ...base, title: 'A title', milestones: { started: 1 } })
        .build(),
    );
    applyChanges(
      b,
      changes()
        .update('incidents', {
          ...base,
          impact: { ...base.impact, summary: 'B summary' },
          milestones: { detected: 2 },
        })
        .build(),
    );
    syncBoth(a, b);
    const [ra] = readRows(a, 'incidents');
    expect(readRows(b, 'incidents')).toEqual([ra]);
    expect(ra).toMatchObject({
      title: 'A title',
      impact: { summary: 'B summary' },
      milestones: { started: 1, detected: 2 },
    });
  });

  it('keeps contributing causes added on two seats at once, in order, one per normalised tag', () => {
    const w = { tag: 'Missing canary', category: 'process' } as const;
    const x = { tag: 'Pool exhaustion', category: 'technology' } as const;
    const y = { tag: 'Alert too late', category: 'process' } as const;
    const write = (doc: Y.Doc, causes?: Postmortem['causes']) =>
      applyChanges(doc, changes().update('postmortems', pm({ causes })).build());
    const [a, b] = twoSeats((d) => write(d, [w]));
    write(a, [w, x]);
    write(b, [w, y]);
    syncBoth(a, b);
    const merged = readRows(a, 'postmortems')[0]!.causes ?? [];
    expect(merged.map((c) => c.tag).sort()).toEqual([
      'Alert too late',
      'Missing canary',
      'Pool exhaustion',
    ]);
    expect(merged[0]).toEqual(w);
    expect(readRows(b, 'postmortems')).toEqual(readRows(a, 'postmortems'));
    // The same cause typed on both seats at once stays one cause (one key).
    write(a, [...merged, { tag: 'DNS TTL', category: 'environment' }]);
    write(b, [...merged, { tag: 'dns-ttl', category: 'other' }]);
    syncBoth(a, b);
    expect(readRows(a, 'postmortems')[0]!.causes).toHaveLength(4);
    expect(readRows(b, 'postmortems')).toEqual(readRows(a, 'postmortems'));
    // Two seats removing different causes at once: both removals stay.
    const [c1, c2, c3] = readRows(a, 'postmortems')[0]!.causes ?? [];
    write(a, [c2!, c3!, ...(readRows(a, 'postmortems')[0]!.causes ?? []).slice(3)]);
    write(b, [c1!, c3!, ...(readRows(b, 'postmortems')[0]!.causes ?? []).slice(3)]);
    syncBoth(a, b);
    expect(readRows(a, 'postmortems')[0]!.causes).toEqual([
      c3,
      ...(readRows(b, 'postmortems')[0]!.causes ?? []).slice(1),
    ]);
    expect(readRows(a, 'postmortems')[0]!.causes).toHaveLength(2);
    expect(readRows(b, 'postmortems')).toEqual(readRows(a, 'postmortems'));
    // Removing on one seat removes everywhere; an empty list and no list round-trip.
    write(a, []);
    syncBoth(a, b);
    expect(readRows(b, 'postmortems')[0]!.causes).toEqual([]);
    write(b);
    syncBoth(a, b);
    expect(readRows(a, 'postmortems')[0]!.causes).toBeUndefined();
  });

  it('merges two people editing one section by character', () => {
    const [a, b] = twoSeats((d) => applyChanges(d, changes().add('postmortems', pm()).build()));
    applyChanges(
      a,
      changes()
        .update('postmortems', pm({ sections: { summary: '[A] Checkout failed.', impact: '' } }))
        .build(),
    );
    applyChanges(
      b,
      changes()
        .update('postmortems', pm({ sections: { summary: 'Checkout failed. [B]', impact: '' } }))
        .build(),
    );
    syncBoth(a, b);
    expect(readRows(a, 'postmortems')[0]!.sections.summary).toBe('[A] Checkout failed. [B]');
    expect(readRows(b, 'postmortems')).toEqual(readRows(a, 'postmortems'));
  });

  it('keeps the sections of a post-mortem both seats created at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    applyChanges(
      a,
      changes()
        .add('postmortems', pm({ sections: { summary: 'from A' } }))
        .build(),
    );
    applyChanges(
      b,
      changes()
        .add('postmortems', pm({ sections: { impact: 'from B' } }))
        .build(),
    );
    syncBoth(a, b);
    expect(readRows(a, 'postmortems')[0]!.sections).toEqual({
      impact: 'from B',
      summary: 'from A',
    });
    expect(readRows(b, 'postmortems')).toEqual(readRows(a, 'postmortems'));
  });

  it('makes the same name on two seats one directory entry, reporting the id that lost', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    applyChanges(
      a,
      changes()
        .add('people', person({ id: 'pa', name: 'Bob Smith' }))
        .build(),
    );
    applyChanges(
      b,
      changes()
        .add('people', person({ id: 'pb', name: ' bob  smith', team: 'db' }))
        .build(),
    );
    const seenA = watch(a);
    const seenB = watch(b);
    syncBoth(a, b);
    const rows = readRows(a, 'people');
    expect(rows).toHaveLength(1);
    expect(readRows(b, 'people')).toEqual(rows);
    const winner = rows[0]!.id;
    const loser = winner === 'pa' ? 'pb' : 'pa';
    expect(readRows(a, 'people', [winner, loser])).toEqual([rows[0], undefined]);
    // The seat whose row lost hears of both ids, so its projection drops its own row.
    const heard = [...seenA, ...seenB].flatMap((k) => [...(k.get('people') ?? [])]);
    expect(new Set(heard)).toEqual(new Set(['pa', 'pb']));
  });

  it('moves a renamed person to the new name key and removes people by id', () => {
    const doc = new Y.Doc();
    applyChanges(doc, changes().add('people', person()).add('services', service()).build());
    applyChanges(
      doc,
      changes()
        .update('people', person({ name: 'Robert' }))
        .build(),
    );
    expect([...doc.getMap('people').keys()]).toEqual(['robert']);
    expect(readRows(doc, 'people', ['p1'])).toEqual([person({ name: 'Robert' })]);
    applyChanges(doc, changes().remove('people', 'p1').remove('services', 's1').build());
    expect(readAllRows(doc)).toEqual({});
  });
});

describe('changedKeys', () => {
  it('names rows added, changed at any depth and removed, and the post-mortem of a section', () => {
    const doc = new Y.Doc();
    const seen = watch(doc);
    applyChanges(doc, changes().add('incidents', incidentRow()).add('postmortems', pm()).build());
    expect(plain(seen.at(-1)!)).toEqual({ incidents: ['inc-1'], postmortems: ['inc-1'] });
    applyChanges(
      doc,
      changes()
        .update('incidents', incidentRow({ impact: { ...incidentRow().impact, summary: 'x' } }))
        .build(),
    );
    expect(plain(seen.at(-1)!)).toEqual({ incidents: ['inc-1'] });
    diffIntoText(doc.getText(sectionTextName('summary')), 'edited');
    expect(plain(seen.at(-1)!)).toEqual({ postmortems: ['inc-1'] });
    applyChanges(doc, changes().remove('incidents', 'inc-1').build());
    expect(plain(seen.at(-1)!)).toEqual({ incidents: ['inc-1'] });
  });

  it('reads the events of observeDeep too', () => {
    const doc = new Y.Doc();
    const seen: ChangedKeys[] = [];
    doc.getMap('timelineEntries').observeDeep((events) => seen.push(changedKeys(events)));
    applyChanges(doc, changes().add('timelineEntries', timelineEntry()).build());
    applyChanges(
      doc,
      changes()
        .update('timelineEntries', timelineEntry({ pinned: true }))
        .build(),
    );
    expect(seen.map(plain)).toEqual([{ timelineEntries: ['e1'] }, { timelineEntries: ['e1'] }]);
  });

  it('reports changes arriving from another seat', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const seen = watch(b);
    applyChanges(
      a,
      changes().add('timelineEntries', timelineEntry()).add('people', person()).build(),
    );
    syncBoth(a, b);
    expect(plain(seen.at(-1)!)).toEqual({ people: ['p1'], timelineEntries: ['e1'] });
  });
});

describe('diffIntoText', () => {
  it.each([
    ['abc', 'abXc'],
    ['hello world', 'hello'],
    ['', 'new'],
    ['gone', ''],
    ['a😀b', 'a😁b'],
    ['😀', '😀😀'],
  ])('%j → %j', (from, to) => {
    const doc = new Y.Doc();
    const t = doc.getText('t');
    t.insert(0, from);
    diffIntoText(t, to);
    expect(t.toJSON()).toBe(to);
  });
});

describe('directoryKey', () => {
  it('folds width, case and white space', () => {
    expect(directoryKey('  Ｂob \t Smith ')).toBe('bob smith');
  });
});

describe('packed timeline entries', () => {
  const entryOn = (doc: Y.Doc, id = 'e1') =>
    doc.getMap('timelineEntries').get(id) as Y.Map<unknown>;

  it('stores a new entry as one packed field and reads it back whole', () => {
    const doc = new Y.Doc();
    const plainNote = timelineEntry({ incidentId: 'inc-1', occurredAt: 5, loggedAt: 5 });
    const backdated = timelineEntry({
      id: 'e2',
      incidentId: 'inc-1',
      kind: 'comms',
      occurredAt: 1,
      loggedAt: 90_000,
      pinned: true,
      audience: 'executives',
      commsUpdateId: 'c1',
      highlight: true,
      runbook: { runbookId: 'rb', action: 'opened' },
    });
    applyChanges(
      doc,
      changes()
        .add('incidents', incidentRow())
        .add('timelineEntries', plainNote)
        .add('timelineEntries', backdated)
        .build(),
    );
    expect([...entryOn(doc).keys()]).toEqual(['r']);
    expect(entryOn(doc).get('r')).toEqual({ k: 'note', t: 'text', o: 5, a: 'Sam' });
    expect(readRows(doc, 'timelineEntries', ['e1', 'e2'])).toEqual([plainNote, backdated]);
  });

  it('writes a later change beside the packed row, field by field, and reads the change', () => {
    const doc = new Y.Doc();
    const entry = timelineEntry({ incidentId: 'inc-1', highlight: true });
    applyChanges(
      doc,
      changes().add('incidents', incidentRow()).add('timelineEntries', entry).build(),
    );
    const edited = {
      ...entry,
      text: 'new text',
      revisions: [{ text: 'text', editedAt: 9, author: 'Sam' }],
      highlight: undefined,
    };
    applyChanges(doc, changes().update('timelineEntries', edited).build());
    expect([...entryOn(doc).keys()].sort()).toEqual(['highlight', 'r', 'revisions', 'text']);
    const [read] = readRows(doc, 'timelineEntries');
    expect(read).toEqual({
      ...entry,
      text: 'new text',
      revisions: edited.revisions,
      highlight: undefined,
    });
    expect(read && 'highlight' in read).toBe(false);
    // Writing the same row again writes nothing.
    const before = Y.encodeStateAsUpdate(doc).length;
    applyChanges(doc, changes().update('timelineEntries', edited).build());
    expect(Y.encodeStateAsUpdate(doc).length).toBe(before);
    // A field put back to its first value reads as that value.
    applyChanges(doc, changes().update('timelineEntries', entry).build());
    expect(readRows(doc, 'timelineEntries')).toEqual([entry]);
  });

  it('keeps both seats’ changes to different fields of one entry', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const entry = timelineEntry({ incidentId: 'inc-1' });
    applyChanges(
      a,
      changes().add('incidents', incidentRow()).add('timelineEntries', entry).build(),
    );
    syncBoth(a, b);
    applyChanges(
      a,
      changes()
        .update('timelineEntries', { ...entry, pinned: true })
        .build(),
    );
    applyChanges(
      b,
      changes()
        .update('timelineEntries', { ...entry, deletedAt: 7 })
        .build(),
    );
    syncBoth(a, b);
    const want = { ...entry, pinned: true, deletedAt: 7 };
    expect(readRows(a, 'timelineEntries')).toEqual([want]);
    expect(readRows(b, 'timelineEntries')).toEqual([want]);
  });

  it('a field taken away on one seat while another sets it: the set stays, as before the packing', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.clientID = 22;
    b.clientID = 11;
    const entry = timelineEntry({ incidentId: 'inc-1' });
    applyChanges(
      a,
      changes().add('incidents', incidentRow()).add('timelineEntries', entry).build(),
    );
    applyChanges(
      a,
      changes()
        .update('timelineEntries', { ...entry, highlight: true })
        .build(),
    );
    syncBoth(a, b);
    applyChanges(a, changes().update('timelineEntries', entry).build());
    applyChanges(
      b,
      changes()
        .update('timelineEntries', { ...entry, highlight: false })
        .build(),
    );
    syncBoth(a, b);
    const want = { ...entry, highlight: false };
    expect(readRows(a, 'timelineEntries')).toEqual([want]);
    expect(readRows(b, 'timelineEntries')).toEqual([want]);
  });

  it('reads and updates an entry written before the packing (every field under its name)', () => {
    const doc = new Y.Doc();
    const entry = timelineEntry({ incidentId: 'inc-1' });
    doc.transact(() => {
      const row = new Y.Map<unknown>();
      doc.getMap('timelineEntries').set(entry.id, row);
      for (const [k, v] of Object.entries(entry)) row.set(k, v);
    });
    expect(readRows(doc, 'timelineEntries')).toEqual([entry]);
    expect(entryField(entryOn(doc), 'kind')).toBe('note');
    applyChanges(
      doc,
      changes()
        .update('timelineEntries', { ...entry, pinned: true })
        .build(),
    );
    expect(entryOn(doc).has('r')).toBe(false);
    expect(readRows(doc, 'timelineEntries')).toEqual([{ ...entry, pinned: true }]);
  });

  it('finds the incident id from the document when the packed row leaves it out', () => {
    const doc = new Y.Doc();
    const entry = timelineEntry({ incidentId: 'inc-1' });
    applyChanges(doc, changes().add('timelineEntries', entry).build());
    expect(packEntry(entry, 'inc-1')).not.toHaveProperty('incidentId');
    expect(packEntry(entry, 'other')).toHaveProperty('incidentId', 'inc-1');
    const copy = new Y.Doc();
    syncBoth(doc, copy);
    expect(readRows(copy, 'timelineEntries')).toEqual([entry]);
  });

  it('answers one field of a packed entry without reading the rest', () => {
    const doc = new Y.Doc();
    const change = { type: 'severity', from: 'SEV3', to: 'SEV2' } as const;
    const entry = timelineEntry({
      incidentId: 'inc-1',
      kind: 'system',
      change,
      occurredAt: 3,
      loggedAt: 3,
    });
    applyChanges(doc, changes().add('timelineEntries', entry).build());
    const row = entryOn(doc);
    expect(entryField(row, 'kind')).toBe('system');
    expect(entryField(row, 'change')).toEqual(change);
    expect(entryField(row, 'loggedAt')).toBe(3);
    expect(entryField(row, 'pinned')).toBe(false);
    expect(entryField(row, 'highlight')).toBeUndefined();
    applyChanges(
      doc,
      changes()
        .update('timelineEntries', { ...entry, pinned: true })
        .build(),
    );
    expect(entryField(row, 'pinned')).toBe(true);
  });

  it('is less than half the size of the field-by-field layout for ordinary entries', () => {
    const entries = Array.from({ length: 500 }, (_, i) =>
      timelineEntry({
        id: `0193a0c4-7e1b-7${String(i).padStart(3, '0')}-8a3b-1c2d3e4f5a6b`,
        incidentId: '0193a0c4-0000-7000-8000-000000000001',
        text: `checkout latency rollback deploy cache error rate ${i}`,
        occurredAt: 1_764_000_000_000 + i * 1000,
        loggedAt: 1_764_000_000_000 + i * 1000,
      }),
    );
    const packed = new Y.Doc();
    const fieldByField = new Y.Doc();
    for (const e of entries) {
      applyChanges(packed, changes().add('timelineEntries', e).build());
      fieldByField.transact(() => {
        const row = new Y.Map<unknown>();
        fieldByField.getMap('timelineEntries').set(e.id, row);
        for (const [k, v] of Object.entries(e)) row.set(k, v);
      });
    }
    expect(Y.encodeStateAsUpdate(packed).length).toBeLessThan(
      Y.encodeStateAsUpdate(fieldByField).length / 2,
    );
    expect(readRows(packed, 'timelineEntries')).toEqual(entries);
  });
});
