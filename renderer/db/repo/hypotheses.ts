import type { Hypothesis } from '../../../shared/domain/records';
import {
  DEFAULT_TIMEBOX_MS,
  extendHypothesis,
  hypothesisDueAt,
} from '../../../shared/logic/hypotheses';
import { formatDuration } from '../../../shared/logic/time';
import { newId } from '../../../shared/domain/ids';
import type { WarroomDb } from '../schema';
import type { CommandContext } from '../../../shared/commands/context';
import { makeEntry } from '../../../shared/commands/entries';
import { RepoError } from './errors';
import { checkText } from './timeline';
import { setUnderstanding } from './impact';

/** Options for opening a hypothesis. */
export interface OpenHypothesisOptions {
  /** Who tests it; defaults to the current Technical Lead, or '' when nobody holds that role. */
  owner?: string;
  /** Length of the timebox; defaults to 15 minutes. */
  timeboxMs?: number;
  /** When the timeline entry says it was raised (a backdated `h:`); defaults to now. */
  occurredAt?: number;
  /** Marked as a highlight while logging (`! h: …`). */
  highlight?: boolean;
}

/**
 * Opens a tracked hypothesis and writes its timeline entry (kind "hypothesis") in one
 * transaction. The timebox runs from now (when tracking starts), even for a backdated entry, so
 * the team always gets the full timebox. The entry's `change` links to the row:
 * `{ type: 'hypothesis', to: 'open', field: id }`.
 */
export async function openHypothesis(
  db: WarroomDb,
  incidentId: string,
  text: string,
  ctx: CommandContext,
  opts: OpenHypothesisOptions = {},
): Promise<Hypothesis> {
  const what = text.trim();
  if (!what) throw new RepoError('Say what the hypothesis is.', 'text');
  // The text becomes a timeline entry, so it is held to the same length limit.
  checkText(what);
  const timeboxMs = opts.timeboxMs ?? DEFAULT_TIMEBOX_MS;
  if (!Number.isFinite(timeboxMs) || timeboxMs <= 0)
    throw new RepoError('The timebox must be a positive length of time.', 'timebox');
  return db.transaction('rw', [db.hypotheses, db.timelineEntries, db.roleAssignments], async () => {
    const owner = opts.owner ?? (await currentHolder(db, incidentId, 'tech'));
    const hypothesis: Hypothesis = {
      id: newId(),
      incidentId,
      text: what,
      owner: owner.trim(),
      status: 'open',
      openedAt: ctx.now,
      dueAt: hypothesisDueAt(ctx.now, timeboxMs),
      closedAt: null,
      extensions: [],
    };
    await db.hypotheses.add(hypothesis);
    await db.timelineEntries.add(
      makeEntry(incidentId, 'hypothesis', what, ctx, {
        occurredAt: opts.occurredAt ?? ctx.now,
        change: { type: 'hypothesis', to: 'open', field: hypothesis.id },
        highlight: opts.highlight === true,
      }),
    );
    return hypothesis;
  });
}

/** The person holding `role` now (open tenure, latest start), or ''. */
async function currentHolder(db: WarroomDb, incidentId: string, role: string): Promise<string> {
  const tenures = await db.roleAssignments
    .where('[incidentId+role]')
    .equals([incidentId, role])
    .filter((a) => a.endedAt === null)
    .toArray();
  tenures.sort((a, b) => b.startedAt - a.startedAt);
  return tenures[0]?.person ?? '';
}

// --- Hypothesis lifecycle (timers feature): close and extend. Appended; openHypothesis above is
// the timeline feature's.

const CLOSE_VERBS = {
  confirmed: 'confirmed',
  'ruled-out': 'ruled out',
  abandoned: 'abandoned',
} as const;

/** The statuses an open hypothesis can move to. */
export type HypothesisOutcome = keyof typeof CLOSE_VERBS;

async function mustGetHypothesis(db: WarroomDb, id: string): Promise<Hypothesis> {
  const h = await db.hypotheses.get(id);
  if (!h) throw new RepoError('This hypothesis no longer exists.');
  return h;
}

/**
 * Confirms, rules out or abandons an open hypothesis, writing the row and its timeline entry
 * (system, `{ type: 'hypothesis', field: id, from: 'open', to: outcome }`) in one transaction.
 * A confirmation is pinned: the cause found belongs in the post-mortem's timeline, and it
 * becomes the incident's Current understanding (with its own entry, same transaction), so
 * messages state the cause the record holds. Moving the incident to Identified is left to the
 * caller (the UI offers it), since the IC decides.
 */
export async function closeHypothesis(
  db: WarroomDb,
  id: string,
  outcome: HypothesisOutcome,
  ctx: CommandContext,
): Promise<Hypothesis> {
  return db.transaction('rw', [db.hypotheses, db.timelineEntries, db.incidents], async () => {
    const h = await mustGetHypothesis(db, id);
    if (h.status !== 'open')
      throw new RepoError(`This hypothesis is already ${CLOSE_VERBS[h.status]}.`, 'status');
    const next: Hypothesis = { ...h, status: outcome, closedAt: ctx.now };
    await db.hypotheses.put(next);
    await db.timelineEntries.add(
      makeEntry(h.incidentId, 'system', `Hypothesis ${CLOSE_VERBS[outcome]}: ${h.text}`, ctx, {
        pinned: outcome === 'confirmed',
        change: { type: 'hypothesis', field: h.id, from: 'open', to: outcome },
      }),
    );
    if (outcome === 'confirmed')
      await setUnderstanding(db, h.incidentId, h.text, { ...ctx, now: ctx.now + 1 }, 'hypothesis');
    return next;
  });
}

/**
 * Extends an open hypothesis's timebox by `minutes` with a required reason (shared
 * `extendHypothesis`: counted from the later of the due time and now), writing the row and a
 * timeline entry `{ type: 'hypothesis', field: id, from: oldDueAt, to: newDueAt, reason }`.
 */
export async function extendHypothesisTimebox(
  db: WarroomDb,
  id: string,
  minutes: number,
  reason: string,
  ctx: CommandContext,
): Promise<Hypothesis> {
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 24 * 60)
    throw new RepoError('Extend by a number of minutes between 1 and 1440.', 'minutes');
  return db.transaction('rw', [db.hypotheses, db.timelineEntries], async () => {
    const h = await mustGetHypothesis(db, id);
    const result = extendHypothesis(h, minutes * 60_000, reason, ctx.now);
    if (!result.ok) throw new RepoError(result.error, h.status === 'open' ? 'reason' : 'status');
    const next: Hypothesis = { ...h, dueAt: result.dueAt, extensions: result.extensions };
    await db.hypotheses.put(next);
    const why = reason.trim();
    await db.timelineEntries.add(
      makeEntry(
        h.incidentId,
        'system',
        `Hypothesis timebox extended by ${formatDuration(minutes * 60_000)}: ${h.text}. Reason: ${why}`,
        ctx,
        {
          change: {
            type: 'hypothesis',
            field: h.id,
            from: String(h.dueAt),
            to: String(result.dueAt),
            reason: why,
          },
        },
      ),
    );
    return next;
  });
}
