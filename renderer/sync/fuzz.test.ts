import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RepoError } from '../../shared/commands/refusal';
import { DIRECTORY_DOC, incidentDocName, INCIDENT_TABLES } from '../../shared/sync/doc-names';
import { readRows } from '../../shared/sync/record-doc';
import { compareEntries, type TimelineEntry } from '../../shared/domain/timeline';
import { SEVERITIES, type Severity } from '../../shared/domain/severity';
import { STATUSES, type Status } from '../../shared/domain/status';
import { DEFAULT_ROLES } from '../../shared/domain/roles';
import { changeSeverity, changeStatus, declareIncident } from '../db/repo/incidents';
import { addEntry, deleteEntry, editEntry, restoreEntry, setPinned } from '../db/repo/timeline';
import { assignRole } from '../db/repo/roles';
import { savePostmortem } from '../db/repo/postmortems';
import { freshDb } from '../db/test-db';
import { LoopbackRelay, LoopbackSeat, quietSeat } from './testing/loopback';

/**
 * Model-based fuzz test of the multi-seat engine (issue 15): three seats (three fake-indexeddb
 * databases, each with its SyncEngine) share one incident through an in-memory relay, and run
 * random commands through the renderer's repo functions while the test partitions seats, reloads
 * them and restarts the relay (with its state or wiped). After healing everything and letting it
 * settle, every seat's projection must be identical, agree with its documents, and hold every
 * acknowledged change (see `checkInvariants`).
 *
 * Runs: FUZZ_RUNS (default 100 in `npm test`; `npm run fuzz:sync` runs 5,000), FUZZ_STEPS (the
 * longest sequence, default 24). A failure names its seed and shrink path: replay it with
 * `FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run renderer/sync/fuzz.test.ts`.
 * FUZZ_CRASH=1 adds crash reloads (the window goes away with its queued engine work); FUZZ_STRICT=1
 * the invariants that no acknowledged change is lost (see STRICT).
 */

const env = (k: string): string | undefined => {
  const v = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env?.[k];
  return v === undefined || v === '' ? undefined : v;
};
/** `npm run fuzz:sync` is the long run; `npm test` the short one. */
const LONG = env('npm_lifecycle_event') === 'fuzz:sync';
const NUM_RUNS = Number(env('FUZZ_RUNS') ?? (LONG ? 5_000 : 100));
const MAX_STEPS = Number(env('FUZZ_STEPS') ?? 24);
const SEED = env('FUZZ_SEED') === undefined ? undefined : Number(env('FUZZ_SEED'));
const PATH = env('FUZZ_PATH');
const CRASH = env('FUZZ_CRASH') === '1';
/**
 * FUZZ_STRICT=1 also asserts that no acknowledged change is lost to a concurrent command on a
 * seat that had not projected it yet (pins, deletions, post-mortem text): known to fail today,
 * see fuzz-regressions.test.ts.
 */
const STRICT = env('FUZZ_STRICT') === '1';
const VERBOSE = env('FUZZ_VERBOSE') === '1';

const BASE = Date.UTC(2026, 11, 1, 3, 0, 0);
const SEATS = 3;
const SINGLE_ROLES = DEFAULT_ROLES.filter((r) => !r.multiple).map((r) => r.key);
const ROLES = ['ic', 'comms', 'tech'] as const;
const PEOPLE = ['Alice', 'Bob', 'Carol', 'Dana'] as const;
const SECTIONS = ['summary', 'rootCause'] as const;
const KINDS = ['note', 'action', 'decision', 'finding'] as const;

// ---------------------------------------------------------------------------------------------
// Commands

type UserAct =
  | { t: 'add'; s: number; kind: (typeof KINDS)[number] }
  | { t: 'edit'; s: number; e: number }
  | { t: 'delete'; s: number; e: number }
  | { t: 'restore'; s: number; e: number }
  | { t: 'pin'; s: number; e: number }
  | { t: 'severity'; s: number; to: Severity }
  | { t: 'status'; s: number; to: Status }
  | { t: 'handoff'; s: number; role: (typeof ROLES)[number]; to: (typeof PEOPLE)[number] }
  | { t: 'postmortem'; s: number; section: (typeof SECTIONS)[number] };

type NetAct =
  | { t: 'partition'; s: number }
  | { t: 'heal'; s: number }
  | { t: 'reload'; s: number; crash: boolean }
  | { t: 'relayDown' }
  | { t: 'relayUp'; keepState: boolean }
  | { t: 'settle' };

type Act = UserAct | NetAct | { t: 'together'; acts: UserAct[] };

const seatArb = fc.nat({ max: SEATS - 1 });
const pick = fc.nat({ max: 1_000 });

const userAct: fc.Arbitrary<UserAct> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ t: fc.constant('add'), s: seatArb, kind: fc.constantFrom(...KINDS) }),
  },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('edit'), s: seatArb, e: pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('delete'), s: seatArb, e: pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('restore'), s: seatArb, e: pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('pin'), s: seatArb, e: pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('severity'),
      s: seatArb,
      to: fc.constantFrom(...SEVERITIES),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('status'),
      s: seatArb,
      to: fc.constantFrom(...STATUSES),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('handoff'),
      s: seatArb,
      role: fc.constantFrom(...ROLES),
      to: fc.constantFrom(...PEOPLE),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('postmortem'),
      s: seatArb,
      section: fc.constantFrom(...SECTIONS),
    }),
  },
);

const netAct: fc.Arbitrary<NetAct> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('partition'), s: seatArb }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('heal'), s: seatArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('reload'),
      s: seatArb,
      crash: CRASH ? fc.boolean() : fc.constant(false),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('relayDown') }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('relayUp'), keepState: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('settle') }) },
);

const actArb: fc.Arbitrary<Act> = fc.oneof(
  { weight: 6, arbitrary: userAct },
  { weight: 3, arbitrary: netAct },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('together' as const),
      acts: fc.array(userAct, { minLength: 2, maxLength: 3 }),
    }),
  },
);

const scenarioArb = fc.record({
  /** Each seat's clock offset (ms): seats' clocks disagree, as laptops' do. */
  skews: fc.array(fc.integer({ min: -90_000, max: 90_000 }), {
    minLength: SEATS,
    maxLength: SEATS,
  }),
  acts: fc.array(actArb, { maxLength: MAX_STEPS }),
});
type Scenario = { skews: number[]; acts: Act[] };

// ---------------------------------------------------------------------------------------------
// The model: what was acknowledged

interface EntryFacts {
  texts: Set<string>;
  deleted: boolean;
  restored: boolean;
  pinned: boolean;
}

interface World {
  relay: LoopbackRelay;
  seats: LoopbackSeat[];
  incidentId: string;
  docName: string;
  skews: number[];
  step: number;
  /** Entries added, in the order their adds were acknowledged. */
  entryIds: string[];
  entries: Map<string, EntryFacts>;
  /** Single-holder roles someone was acknowledged to hold. */
  rolesHeld: Set<string>;
  /** Per post-mortem section, the tokens acknowledged as appended to it. */
  tokens: Map<string, string[]>;
  log: string[];
}

function ctxOf(w: World, s: number) {
  w.step++;
  return { now: BASE + w.step * 1_000 + w.skews[s]!, author: `Seat${s}` };
}

function entryAt(w: World, e: number): string | undefined {
  return w.entryIds.length ? w.entryIds[e % w.entryIds.length] : undefined;
}

/** Runs one user command; a refusal (RepoError) means it did not happen. */
async function runUser(w: World, a: UserAct): Promise<void> {
  const seat = w.seats[a.s]!;
  const db = seat.db;
  const id = w.incidentId;
  try {
    switch (a.t) {
      case 'add': {
        const ctx = ctxOf(w, a.s);
        const text = `${a.kind} ${w.step} on seat ${a.s}`;
        const e = await addEntry(db, { incidentId: id, kind: a.kind, text }, ctx);
        w.entryIds.push(e.id);
        w.entries.set(e.id, {
          texts: new Set([e.text]),
          deleted: false,
          restored: false,
          pinned: false,
        });
        break;
      }
      case 'edit': {
        const eid = entryAt(w, a.e);
        if (!eid) return;
        const ctx = ctxOf(w, a.s);
        const row = await editEntry(db, eid, `edited ${w.step} on seat ${a.s}`, ctx);
        w.entries.get(eid)!.texts.add(row.text);
        break;
      }
      case 'delete': {
        const eid = entryAt(w, a.e);
        if (!eid) return;
        await deleteEntry(db, eid, ctxOf(w, a.s));
        w.entries.get(eid)!.deleted = true;
        break;
      }
      case 'restore': {
        const eid = entryAt(w, a.e);
        if (!eid) return;
        await restoreEntry(db, eid);
        w.entries.get(eid)!.restored = true;
        break;
      }
      case 'pin': {
        const eid = entryAt(w, a.e);
        if (!eid) return;
        await setPinned(db, eid, true);
        w.entries.get(eid)!.pinned = true;
        break;
      }
      case 'severity':
        await changeSeverity(db, id, a.to, `fuzz ${w.step}`, ctxOf(w, a.s));
        break;
      case 'status':
        await changeStatus(db, id, a.to, ctxOf(w, a.s), a.to === 'resolved' ? 'fixed' : undefined);
        break;
      case 'handoff':
        await assignRole(db, id, a.role, a.to, ctxOf(w, a.s));
        w.rolesHeld.add(a.role);
        break;
      case 'postmortem': {
        // As an editor would: append to the section as this seat shows it.
        const ctx = ctxOf(w, a.s);
        const token = `#${w.step}s${a.s};`;
        const pm = await db.postmortems.get(id);
        const cur = pm?.sections[a.section] ?? '';
        await savePostmortem(db, id, { sections: { [a.section]: `${cur}${token}` } }, ctx);
        const list = w.tokens.get(a.section) ?? [];
        list.push(token);
        w.tokens.set(a.section, list);
        break;
      }
    }
    if (VERBOSE) w.log.push(`ok ${JSON.stringify(a)}`);
  } catch (error) {
    if (error instanceof RepoError) {
      if (VERBOSE) w.log.push(`refused ${JSON.stringify(a)}: ${error.message}`);
      return;
    }
    throw error;
  }
}

async function run(w: World, a: Act): Promise<void> {
  switch (a.t) {
    case 'partition':
      return w.seats[a.s]!.partition();
    case 'heal':
      return w.seats[a.s]!.heal();
    case 'reload':
      return w.seats[a.s]!.reload({ crash: a.crash });
    case 'relayDown':
      return w.relay.stop();
    case 'relayUp':
      return w.relay.start(a.keepState);
    case 'settle':
      await Promise.all(w.seats.map(quietSeat));
      return;
    case 'together':
      await Promise.all(a.acts.map((x) => runUser(w, x)));
      return;
    default:
      return runUser(w, a);
  }
}

// ---------------------------------------------------------------------------------------------
// Settling and the invariants

type Snapshot = Record<string, unknown[]>;

/** The seat's tables for the incident (and the directory's people), rows sorted by key. */
async function snapshot(w: World, s: LoopbackSeat): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const t of INCIDENT_TABLES) {
    const rows =
      t === 'incidents'
        ? [await s.db.incidents.get(w.incidentId)].filter(Boolean)
        : t === 'postmortems'
          ? [await s.db.postmortems.get(w.incidentId)].filter(Boolean)
          : await s.db.table(t).where('incidentId').equals(w.incidentId).toArray();
    out[t] = sortRows(rows as Record<string, unknown>[]);
  }
  out.people = sortRows(await s.db.people.toArray());
  return out;
}

function sortRows(rows: Record<string, unknown>[]): unknown[] {
  const key = (r: Record<string, unknown>) => String(r.id ?? r.incidentId);
  return rows.map(canonical).sort((a, b) => {
    const ka = key(a as Record<string, unknown>);
    const kb = key(b as Record<string, unknown>);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/** A JSON copy with object keys sorted and undefined fields dropped (for deep comparison). */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = canonical(x);
    }
    return out;
  }
  return v;
}

/** Heals every seat, brings the relay up and waits until no seat's projection changes. */
async function settleAll(w: World): Promise<Snapshot[]> {
  if (!w.relay.up) w.relay.start(true);
  for (const s of w.seats) s.heal();
  let prev = '';
  for (let round = 0; round < 100; round++) {
    await Promise.all(w.seats.map(quietSeat));
    const snaps = await Promise.all(w.seats.map((s) => snapshot(w, s)));
    const now = JSON.stringify(snaps);
    if (now === prev) return snaps;
    prev = now;
  }
  throw new Error('The seats never settled (100 rounds)');
}

async function checkInvariants(w: World, snaps: Snapshot[]): Promise<void> {
  // 1. Every seat's tables agree with its own document (nothing stuck in either).
  for (let i = 0; i < w.seats.length; i++) {
    const doc = await w.seats[i]!.engine.docs.open(w.docName);
    for (const t of INCIDENT_TABLES) {
      const fromDoc = sortRows(readRows(doc, t));
      expect(fromDoc, `seat ${i}: ${t} in the tables differ from its document`).toEqual(
        snaps[i]![t],
      );
    }
  }
  // 2. Every seat's projection is the same (so their documents are too).
  for (let i = 1; i < snaps.length; i++)
    expect(snaps[i], `seat ${i}'s tables differ from seat 0's`).toEqual(snaps[0]);
  const snap = snaps[0]!;
  const entries = snap.timelineEntries as TimelineEntry[];
  const byId = new Map(entries.map((e) => [e.id, e]));
  // 3. Every acknowledged entry is there, with one of the texts it was acknowledged with; never
  // deleted unless some seat deleted it. STRICT: deleted iff deleted (and never restored), and
  // pinned once pinned (no acknowledged change lost to a seat that had not seen it yet).
  for (const [id, f] of w.entries) {
    const e = byId.get(id);
    expect(e, `entry ${id} is missing`).toBeDefined();
    if (!f.deleted) expect(e!.deletedAt, `entry ${id} deleted by no one`).toBeNull();
    if (STRICT && !f.restored)
      expect(e!.deletedAt !== null, `entry ${id}: deletedAt ${e!.deletedAt}`).toBe(f.deleted);
    if (STRICT && f.pinned) expect(e!.pinned, `entry ${id} lost its pin`).toBe(true);
    expect([...f.texts], `entry ${id}: text "${e!.text}"`).toContain(e!.text);
  }
  // 4. Severity and status are those of the latest entry of each (occurredAt, loggedAt, id).
  const incident = (snap.incidents as { severity: Severity; status: Status }[])[0]!;
  const latest = (types: string[]) =>
    entries
      .filter((e) => e.kind === 'system' && e.change && types.includes(e.change.type))
      .sort(compareEntries)
      .at(-1);
  expect(incident.severity).toBe(latest(['severity', 'declared'])?.change?.to);
  const st = latest(['status']);
  if (st) expect(incident.status).toBe(st.change?.to);
  // 5. One holder per single-holder role once held; never two.
  const tenures = snap.roleAssignments as { role: string; endedAt: number | null }[];
  for (const role of SINGLE_ROLES) {
    const open = tenures.filter((r) => r.role === role && r.endedAt === null).length;
    expect(open, `open tenures of ${role}`).toBe(w.rolesHeld.has(role) ? 1 : 0);
  }
  // 6. A post-mortem section holds only tokens someone appended; STRICT: every one of them
  // (two seats appending at once are merged by character, both kept).
  const pm = (snap.postmortems as { sections: Record<string, string> }[])[0];
  for (const section of SECTIONS) {
    const text = pm?.sections[section] ?? '';
    const tokens = w.tokens.get(section) ?? [];
    for (const tok of text.match(/#\d+s\d;/g) ?? [])
      expect(tokens, `post-mortem ${section}: "${text}"`).toContain(tok);
    if (STRICT) for (const tok of tokens) expect(text, `post-mortem ${section}`).toContain(tok);
  }
}

// ---------------------------------------------------------------------------------------------
// One sequence

async function runScenario(sc: Scenario): Promise<void> {
  const relay = new LoopbackRelay();
  const seats: LoopbackSeat[] = [];
  for (let i = 0; i < SEATS; i++) seats.push(new LoopbackSeat(await freshDb(), relay));
  try {
    const inc = await declareIncident(
      seats[0]!.db,
      { title: 'Checkout API errors', severity: 'SEV2', startedAt: BASE - 60_000 },
      { now: BASE, author: 'Seat0' },
    );
    const docName = incidentDocName(inc.id);
    // Shared with the room: every seat opens (links) its document, and the directory.
    await quietSeat(seats[0]!);
    await Promise.all(seats.map((s) => Promise.all([s.open(docName), s.open(DIRECTORY_DOC)])));
    const w: World = {
      relay,
      seats,
      incidentId: inc.id,
      docName,
      skews: sc.skews,
      step: 0,
      entryIds: [],
      entries: new Map(),
      rolesHeld: new Set(),
      tokens: new Map(),
      log: [],
    };
    // The declaration reaches every seat before anyone acts on it.
    await settleAll(w);
    for (const a of sc.acts) await run(w, a);
    const snaps = await settleAll(w);
    try {
      await checkInvariants(w, snaps);
    } catch (error) {
      if (VERBOSE) console.log(w.log.join('\n'));
      throw error;
    }
  } finally {
    for (const s of seats) {
      s.close();
      s.db.close();
    }
    await Promise.all(seats.map((s) => s.db.delete()));
  }
}

describe('multi-seat fuzz (model-based, three seats and a loopback relay)', () => {
  // y-dexie says "Y.Doc … was destroyed" on console.debug at every reload and teardown.
  beforeAll(() => void vi.spyOn(console, 'debug').mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  it(
    `every seat ends with the same projection holding every acknowledged change (${NUM_RUNS} runs; ` +
      'replay a failure with FUZZ_SEED=… FUZZ_PATH=…)',
    async () => {
      const started = Date.now();
      const details = await fc.check(fc.asyncProperty(scenarioArb, runScenario), {
        numRuns: SEED === undefined ? NUM_RUNS : Math.max(NUM_RUNS, 1),
        ...(SEED !== undefined ? { seed: SEED } : {}),
        ...(PATH !== undefined ? { path: PATH } : {}),
        endOnFailure: env('FUZZ_SHRINK') === '0',
      });
      const ms = Date.now() - started;
      if (details.failed) {
        const how =
          `Replay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ''} ` +
          'npx vitest run renderer/sync/fuzz.test.ts';
        throw new Error(`${how}\n${fc.defaultReportMessage(details) ?? ''}`, {
          cause: details.errorInstance,
        });
      }
      console.log(
        `sync fuzz: ${details.numRuns} runs in ${ms} ms (${(ms / details.numRuns).toFixed(0)} ms/run), seed ${details.seed}`,
      );
    },
    // About 150 ms a run on a quiet machine; generous for a loaded one.
    Math.max(5 * 60_000, NUM_RUNS * 1_500),
  );
});
