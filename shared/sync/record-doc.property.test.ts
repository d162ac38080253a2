// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changes, type Changes } from '../commands/change-set';
import type { Postmortem } from '../domain/records';
import { SEVERITIES } from '../domain/severity';
import { incidentRow } from '../domain/testing/incident';
import { timelineEntry } from '../domain/testing/timeline';
import { INCIDENT_TABLES } from './doc-names';
import { applyChanges, readAllRows, readRows } from './record-doc';
import { sorted, Store } from './testing/store';

/**
 * Property tests of the record documents: random edits on two seats, delivered to each other in
 * random orders, end in identical rows; and one seat reads back exactly what it wrote.
 */

const SECTIONS = ['summary', 'impact', 'cause'] as const;
const WORDS = ['a', 'bc', ' ', 'é', '😀', 'Checkout', '\n', 'ß'];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }).map((w) => w.join(''));

type Op =
  | { kind: 'add'; text: string }
  | { kind: 'edit'; pick: number; text: string; pinned: boolean }
  | { kind: 'remove'; pick: number }
  | {
      kind: 'incident';
      field: 'title' | 'severity' | 'summary' | 'milestone' | 'understanding';
      pick: number;
      text: string;
    }
  | { kind: 'section'; name: (typeof SECTIONS)[number]; at: number; cut: number; insert: string }
  | { kind: 'dropSection'; name: (typeof SECTIONS)[number] };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), text }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), text, pinned: fc.boolean() }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('incident' as const),
    field: fc.constantFrom('title', 'severity', 'summary', 'milestone', 'understanding'),
    pick: fc.nat(),
    text,
  }),
  fc.record({
    kind: fc.constant('section' as const),
    name: fc.constantFrom(...SECTIONS),
    at: fc.nat(),
    cut: fc.nat({ max: 4 }),
    insert: text,
  }),
  fc.record({ kind: fc.constant('dropSection' as const), name: fc.constantFrom(...SECTIONS) }),
);

const basePostmortem: Postmortem = {
  incidentId: 'inc-1',
  status: 'draft',
  author: 'Sam',
  sections: { summary: 'Checkout failed.' },
  fiveWhys: [],
  allEntries: false,
  updatedAt: 0,
};

const seed = (): Changes =>
  changes()
    .add('incidents', incidentRow())
    .add('postmortems', basePostmortem)
    .add('timelineEntries', timelineEntry({ id: 'e0', incidentId: 'inc-1' }))
    .build();

interface Reader {
  incident: () => ReturnType<typeof incidentRow> | undefined;
  entries: () => ReturnType<typeof timelineEntry>[];
  postmortem: () => Postmortem | undefined;
}
const readRowsOf = (doc: Y.Doc): Reader => ({
  incident: () => readRows(doc, 'incidents')[0],
  entries: () => readRows(doc, 'timelineEntries').sort((a, b) => (a.id < b.id ? -1 : 1)),
  postmortem: () => readRows(doc, 'postmortems')[0],
});

/** The change set `o` makes on a seat whose rows read as `r` (empty when there is nothing to edit). */
function changeOf(o: Op, r: Reader, newId: () => string): Changes {
  const set = changes();
  const entries = r.entries();
  const pick = (n: number) => entries[n % Math.max(entries.length, 1)];
  switch (o.kind) {
    case 'add':
      set.add('timelineEntries', timelineEntry({ id: newId(), incidentId: 'inc-1', text: o.text }));
      break;
    case 'edit': {
      const e = pick(o.pick);
      if (e) set.update('timelineEntries', { ...e, text: o.text, pinned: o.pinned });
      break;
    }
    case 'remove': {
      const e = pick(o.pick);
      if (e) set.remove('timelineEntries', e.id);
      break;
    }
    case 'incident': {
      const i = r.incident();
      if (!i) break;
      const next = { ...i };
      if (o.field === 'title') next.title = `T${o.text}`;
      if (o.field === 'severity') next.severity = SEVERITIES[o.pick % SEVERITIES.length]!;
      if (o.field === 'summary') next.impact = { ...i.impact, summary: o.text };
      if (o.field === 'milestone') next.milestones = { ...i.milestones, started: o.pick };
      if (o.field === 'understanding') {
        if (o.text) next.understanding = o.text;
        else delete next.understanding;
      }
      set.update('incidents', next);
      break;
    }
    case 'section': {
      const pm = r.postmortem() ?? basePostmortem;
      const chars = Array.from(pm.sections[o.name] ?? '');
      const at = o.at % (chars.length + 1);
      chars.splice(at, o.cut, ...Array.from(o.insert));
      set.update('postmortems', { ...pm, sections: { ...pm.sections, [o.name]: chars.join('') } });
      break;
    }
    case 'dropSection': {
      const pm = r.postmortem();
      if (!pm) break;
      const { [o.name]: _, ...rest } = pm.sections;
      set.update('postmortems', { ...pm, sections: rest });
      break;
    }
  }
  return set.build();
}

/** A seat: its document and the updates it made that the other seat has not received yet. */
interface Seat {
  doc: Y.Doc;
  outbox: Uint8Array[];
}

function seat(): Seat {
  const s: Seat = { doc: new Y.Doc(), outbox: [] };
  s.doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') s.outbox.push(u);
  });
  return s;
}

/** Delivers `count` of `from`'s pending updates to `to`, in the order `order` shuffles them. */
function deliver(from: Seat, to: Seat, count: number, order: number[]): void {
  const batch = from.outbox.splice(0, count);
  const shuffled = batch
    .map((u, i) => ({ u, k: order[i % Math.max(order.length, 1)] ?? i }))
    .sort((a, b) => a.k - b.k);
  for (const { u } of shuffled) Y.applyUpdate(to.doc, u, 'remote');
}

const step = fc.oneof(
  { weight: 3, arbitrary: fc.record({ seat: fc.constantFrom(0, 1), op }) },
  {
    weight: 1,
    arbitrary: fc.record({
      from: fc.constantFrom(0, 1),
      count: fc.nat({ max: 6 }),
      order: fc.array(fc.nat(), { maxLength: 6 }),
    }),
  },
);

const noInvalid = (table: string, key: string, error: unknown) => {
  throw new Error(`invalid ${table} ${key}: ${String(error)}`);
};

describe('two seats converge', () => {
  it('whatever each edits and in whatever order the updates arrive', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (steps, lastOrder) => {
          const seats = [seat(), seat()] as const;
          applyChanges(seats[0].doc, seed());
          deliver(seats[0], seats[1], Infinity, []);
          let n = 0;
          for (const s of steps) {
            if ('op' in s) {
              const me = seats[s.seat];
              applyChanges(
                me.doc,
                changeOf(s.op, readRowsOf(me.doc), () => `s${s.seat}-${n++}`),
              );
            } else deliver(seats[s.from], seats[1 - s.from]!, s.count, s.order);
          }
          deliver(seats[0], seats[1], Infinity, lastOrder);
          deliver(seats[1], seats[0], Infinity, lastOrder);
          const a = sorted(readAllRows(seats[0].doc, noInvalid));
          const b = sorted(readAllRows(seats[1].doc, noInvalid));
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('one seat reads back what it wrote', () => {
  it('for any sequence of change sets', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const doc = new Y.Doc();
        const store = new Store().apply(seed());
        applyChanges(doc, seed());
        let n = 0;
        for (const o of ops) {
          const cs = changeOf(o, readRowsOf(doc), () => `e${n++}`);
          applyChanges(doc, cs);
          store.apply(cs);
        }
        expect(sorted(readAllRows(doc, noInvalid))).toEqual(store.rows(INCIDENT_TABLES));
      }),
      { numRuns: 150 },
    );
  });
});
