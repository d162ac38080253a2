import * as Y from 'yjs';
import { changes, type Changes } from '../commands/change-set';
import type { Incident } from '../domain/incident';
import type { Person } from '../domain/records';
import { DEFAULT_ROLES, type RoleAssignment } from '../domain/roles';
import { severitySchema, type Severity } from '../domain/severity';
import { statusSchema, type Status } from '../domain/status';
import { compareEntries, type SystemChange, type TimelineEntry } from '../domain/timeline';
import { deterministicId } from './hash';
import { directoryKey, entryField, readRows } from './record-doc';

/**
 * The conflict rules of a shared record, as pure functions every seat computes alike (ARCHITECTURE
 * "Many seats"): current severity, status and role holder come from the latest change by
 * (occurred time, logged time, id), and a conflicting handoff is shown on the timeline, not
 * hidden. Every change stays on the timeline: entries are keyed by id, so none is lost.
 */

/**
 * Timeline order, the same on every seat: by occurredAt, then loggedAt, then id (all ms UTC /
 * strings stored in the row). This is shared/domain `compareEntries`, reused as it is.
 */
export const timelineOrder = compareEntries;

type Entry = Pick<
  TimelineEntry,
  'id' | 'incidentId' | 'kind' | 'occurredAt' | 'loggedAt' | 'change'
>;

/** The latest (timeline order) system entry of `incidentId` whose change type is in `types` and whose `to` passes `valid`. */
function latest(
  entries: readonly Entry[],
  incidentId: string,
  types: readonly SystemChange['type'][],
  valid: (to: unknown) => boolean,
): Entry | undefined {
  let best: Entry | undefined;
  for (const e of entries) {
    if (e.incidentId !== incidentId || e.kind !== 'system' || !e.change) continue;
    if (!types.includes(e.change.type) || !valid(e.change.to)) continue;
    if (!best || timelineOrder(best, e) < 0) best = e;
  }
  return best;
}

const isSeverity = (v: unknown) => severitySchema.safeParse(v).success;
const isStatus = (v: unknown) => statusSchema.safeParse(v).success;

/**
 * The incident's current severity: the `to` of its latest `severity` or `declared` system entry
 * (timeline order), or undefined when it has none.
 */
export function currentSeverity(
  incidentId: string,
  entries: readonly Entry[],
): Severity | undefined {
  return latest(entries, incidentId, ['severity', 'declared'], isSeverity)?.change?.to as
    Severity | undefined;
}

/** The incident's current status: the `to` of its latest `status` system entry, or undefined. */
export function currentStatus(incidentId: string, entries: readonly Entry[]): Status | undefined {
  return latest(entries, incidentId, ['status'], isStatus)?.change?.to as Status | undefined;
}

const isTitle = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const isUnderstanding = (v: unknown) => v === null || typeof v === 'string';

/**
 * The incident's current title: the `to` of its latest `title` system entry (a rename), or
 * undefined when it was never renamed (the declared title stands).
 */
export function currentTitle(incidentId: string, entries: readonly Entry[]): string | undefined {
  return latest(entries, incidentId, ['title'], isTitle)?.change?.to ?? undefined;
}

/**
 * The incident's current understanding: the `to` of its latest `understanding` system entry
 * ('' when that entry cleared it), or undefined when none was ever recorded.
 */
export function currentUnderstanding(
  incidentId: string,
  entries: readonly Entry[],
): string | undefined {
  const e = latest(entries, incidentId, ['understanding'], isUnderstanding);
  return e ? (e.change?.to ?? '') : undefined;
}

/**
 * The incident row with its current severity, status, title and understanding as the timeline
 * says ({@link currentSeverity}, {@link currentStatus}, {@link currentTitle},
 * {@link currentUnderstanding}): the same object when all already agree or when there is no
 * such entry, else a copy with the differing field(s) replaced (nothing else, `updatedAt`
 * included, changes, so every seat computes the same row). Two seats renaming at once thus agree
 * on the later rename, as the timeline shows it last (a new user saw the header keep the earlier
 * title under a later "→ title" entry). `entries` may hold other incidents' entries and
 * non-system ones; they are ignored.
 */
export function resolveIncident(incident: Incident, entries: readonly Entry[]): Incident {
  const severity = currentSeverity(incident.id, entries) ?? incident.severity;
  const status = currentStatus(incident.id, entries) ?? incident.status;
  const title = currentTitle(incident.id, entries) ?? incident.title;
  const understood = currentUnderstanding(incident.id, entries);
  const understanding =
    understood === undefined || understood === (incident.understanding ?? '')
      ? incident.understanding
      : understood;
  if (
    severity === incident.severity &&
    status === incident.status &&
    title === incident.title &&
    understanding === incident.understanding
  )
    return incident;
  return { ...incident, severity, status, title, understanding };
}

/** Author of the entries the conflict rules write. */
export const CONFLICT_AUTHOR = 'Warroom';

/** The `reason` of a conflicting-handoff entry's change. */
export const CONFLICT_REASON = 'conflicting handoff';

const byStart = (a: RoleAssignment, b: RoleAssignment) =>
  a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The id of the conflict entry between two tenures: same on every seat, sorted at `at`. */
export function conflictEntryId(loserId: string, winnerId: string, at: number): string {
  return deterministicId(at, `conflicting-handoff\u0000${loserId}\u0000${winnerId}`);
}

/** What {@link settleHandoffs} returns: the tenures it closes and the entries recording why. */
export interface SettledHandoffs {
  /** The losing tenures, closed (`endedAt` = the winner's `startedAt`). */
  closed: RoleAssignment[];
  /** One pinned system entry per losing tenure ("Conflicting handoff: …"). */
  conflictEntries: TimelineEntry[];
}

/**
 * Settles roles held twice: when one single-holder role of one incident has two or more open
 * tenures (`endedAt: null`; roles with several holders, such as Subject Matter Expert, are left
 * alone), the latest by (startedAt, id) holds it and each other is closed at the winner's
 * startedAt. Each losing tenure yields one system entry, `kind: 'system'`, change
 * `{ type: 'role', field: <role key>, from: loser, to: winner, reason: 'conflicting handoff' }`
 * (the schema has no conflict type; a `role` entry with from/to is a key event of the timeline),
 * pinned, by {@link CONFLICT_AUTHOR}, occurring and logged 1 ms after the winner's start (so it
 * lists after the handoff it is about), with an id from {@link conflictEntryId}: two seats
 * settling the same conflict write identical rows. `people` (the directory) gives names their
 * directory spelling when matched by {@link directoryKey}. Pure; throws nothing.
 */
export function settleHandoffs(
  assignments: readonly RoleAssignment[],
  people: readonly Pick<Person, 'name'>[] = [],
): SettledHandoffs {
  const multiple = new Set(DEFAULT_ROLES.filter((r) => r.multiple).map((r) => r.key));
  const spelled = new Map(people.map((p) => [directoryKey(p.name), p.name]));
  const name = (person: string) => spelled.get(directoryKey(person)) ?? person;
  const open = new Map<string, RoleAssignment[]>();
  for (const a of assignments) {
    if (a.endedAt !== null || multiple.has(a.role)) continue;
    const k = `${a.incidentId}\u0000${a.role}`;
    const list = open.get(k);
    if (list) list.push(a);
    else open.set(k, [a]);
  }
  const out: SettledHandoffs = { closed: [], conflictEntries: [] };
  for (const list of open.values()) {
    if (list.length < 2) continue;
    list.sort(byStart);
    const winner = list[list.length - 1]!;
    for (const loser of list.slice(0, -1)) {
      out.closed.push({ ...loser, endedAt: winner.startedAt });
      const at = winner.startedAt + 1;
      out.conflictEntries.push({
        id: conflictEntryId(loser.id, winner.id, at),
        incidentId: winner.incidentId,
        kind: 'system',
        text:
          `Conflicting handoff: ${winner.roleName} was handed to ${name(loser.person)} and to ` +
          `${name(winner.person)} at the same time; ${name(winner.person)} holds it (latest ` +
          'change). The incident commander should confirm.',
        occurredAt: at,
        loggedAt: at,
        author: CONFLICT_AUTHOR,
        pinned: true,
        deletedAt: null,
        revisions: [],
        change: {
          type: 'role',
          field: winner.role,
          from: loser.person,
          to: winner.person,
          reason: CONFLICT_REASON,
        },
        audience: null,
      });
    }
  }
  return out;
}

/** The system entries {@link resolveIncident} reads (severity, status, declaration, rename,
 * understanding) in `doc`, read without the others. */
const RESOLVING = new Set<SystemChange['type']>([
  'severity',
  'status',
  'declared',
  'title',
  'understanding',
]);

function statusEntries(doc: Y.Doc): Entry[] {
  const out: Entry[] = [];
  const keys: string[] = [];
  for (const [key, row] of doc.getMap<unknown>('timelineEntries').entries()) {
    if (!(row instanceof Y.Map)) continue;
    const m = row as Y.Map<unknown>;
    const change = entryField(m, 'change') as SystemChange | null | undefined;
    if (entryField(m, 'kind') !== 'system' || !change) continue;
    if (RESOLVING.has(change.type)) keys.push(key);
  }
  for (const e of readRows(doc, 'timelineEntries', keys)) if (e) out.push(e);
  return out;
}

/**
 * The change set that settles an incident document's conflicts, empty when it has none:
 * losing open tenures closed and their conflict entries added ({@link settleHandoffs}; an entry
 * already in the document is not added again), and the incident row updated when its severity
 * or status disagrees with the latest entries ({@link resolveIncident}). Meant to be applied with
 * `applyChanges` by any seat that sees it: the result is the same on every seat, so two seats
 * settling at once write identical values, and settling a settled document returns an empty
 * change set. The rows are valid (TABLE_SCHEMAS). The incident-row update carries no timeline
 * entry of its own (its entries are already there): a write path checking the record rule
 * (`unrecordedChanges`) must exempt it. `_now` (ms UTC) is not read: the rules do not depend on
 * the clock.
 */
export function settleDoc(doc: Y.Doc, _now: number): Changes {
  const set = changes();
  const { closed, conflictEntries } = settleHandoffs(readRows(doc, 'roleAssignments'));
  for (const a of closed) set.update('roleAssignments', a);
  const have = doc.getMap('timelineEntries');
  for (const e of conflictEntries) if (!have.has(e.id)) set.add('timelineEntries', e);
  const entries = statusEntries(doc);
  for (const incident of readRows(doc, 'incidents')) {
    const resolved = resolveIncident(incident, entries);
    if (resolved !== incident) set.update('incidents', resolved);
  }
  return set.build();
}
