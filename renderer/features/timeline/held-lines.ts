import { newId } from '../../../shared/domain/ids';
import type { Incident } from '../../../shared/domain/incident';
import { parseLogLine, type ParseError } from '../../../shared/logic/commands';
import type { TimeZoneMode } from '../../../shared/logic/time';
import { isBeforeStart, type WritableCommand } from '../../db/repo/log-line';

/**
 * A line taken out of the Log entry field while a question about it waits for the scribe's
 * answer: it is before the incident's start (move the start?), or its "@hh:mm" names no one
 * sensible instant (it happened twice, or it is still to come today and yesterday's is far
 * back: which time?). Held lines wait in the order they were entered; the field is free for the
 * next line meanwhile, so a scribe typing without looking never glues the next entry onto the
 * one asked about. `parsedAt` (ms, UTC) is the "now" the line was read against, so "-5m" keeps
 * meaning five minutes before it was typed, also after a reload.
 *
 * Each held line has its own `id` (two identical lines typed on purpose are two lines) and its
 * own `problem`: why its last try was not logged. That stays with the line, in its draft row,
 * whatever happens in the field meanwhile, until the line is answered again, retried, edited
 * or logged.
 */
export type HeldLine =
  | {
      /** Stable for the line's life, also across a reload (not its text: lines may repeat). */
      id: string;
      line: string;
      parsedAt: number;
      /** The display zone it was typed in (an "@14:30" means 14:30 there). */
      zone?: TimeZoneMode;
      /** The instant chosen for its "which time?" question, when it was asked one first. */
      chosenAt?: number;
      /**
       * before-start: asked whether to move the start. ready: restored after a reload, its
       * question no longer applies (the start was moved before it meanwhile): logged on a click.
       */
      kind: 'before-start' | 'ready';
      cmd: WritableCommand;
      problem?: HeldProblem;
    }
  | {
      id: string;
      line: string;
      parsedAt: number;
      zone?: TimeZoneMode;
      chosenAt?: undefined;
      kind: 'which-time';
      message: string;
      choices: NonNullable<ParseError['choices']>;
      /** A refusal only: a line still asking which time has no answer to retry. */
      problem?: HeldRefusal;
    };

/** Why a held line was refused (its answer no longer fits, the command was refused). */
export interface HeldRefusal {
  message: string;
  /** The command's usage, or '' (a storage failure). */
  usage: string;
}

/** Why a held line's last try was not logged. */
export interface HeldProblem extends HeldRefusal {
  /**
   * Its question was answered and only the save failed: Retry logs its `cmd` as answered (the
   * time chosen is in `cmd`; whether to move the start and the "now" it was logged at are
   * here), so the question is not asked again, neither meanwhile nor after a reload.
   */
  answered?: { moveStart: boolean; now: number };
}

/** How many ids of logged held lines the done list keeps (the newest). */
export const HELD_DONE_KEPT = 50;

/**
 * The done list's text (its own draft row, `timelineHeldDoneKey`): the ids of the held lines
 * logged lately, oldest first, at most {@link HELD_DONE_KEPT}, as JSON; '' for none.
 */
export function heldDoneText(ids: readonly string[]): string {
  return ids.length === 0 ? '' : JSON.stringify(ids.slice(-HELD_DONE_KEPT));
}

/** Reads a done list back (absent or unreadable: none). Never throws. */
export function readHeldDone(text: string | undefined): string[] {
  if (!text) return [];
  try {
    const ids: unknown = JSON.parse(text);
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** A new held line's id. */
export function newHeldId(): string {
  return newId();
}

/** What a held line needs to be asked again: its text, when it was read, the time chosen. */
export interface StoredHeldLine {
  /** Absent in rows written before held lines had ids: {@link readHeldDraft} gives one. */
  id?: string;
  line: string;
  parsedAt: number;
  zone?: TimeZoneMode;
  chosenAt?: number;
  /**
   * The command as it was understood when typed (custom roles, zone, day), so a reload does not
   * read it differently; absent for a line still asking which time.
   */
  cmd?: WritableCommand;
  /** Why its last try was not logged (`answered` only with `cmd`). */
  problem?: HeldProblem;
}

/** Version of the held lines' draft text (a JSON object), in case its shape ever changes. */
const HELD_DRAFT_VERSION = 1;

/**
 * The text kept in the held lines' own draft row (see `timelineHeldDraftKey`): the lines, when
 * and in which zone each was read, the time chosen, the command understood and why its last
 * try failed, each with its id, in order, as JSON; '' when nothing is held (which removes the
 * row).
 */
export function heldDraftText(held: readonly (StoredHeldLine | HeldLine)[]): string {
  if (held.length === 0) return '';
  return JSON.stringify({
    v: HELD_DRAFT_VERSION,
    lines: held.map((h) => {
      const out: StoredHeldLine = { line: h.line, parsedAt: h.parsedAt };
      if (h.id !== undefined) out.id = h.id;
      if (h.zone !== undefined) out.zone = h.zone;
      if (h.chosenAt !== undefined) out.chosenAt = h.chosenAt;
      if ('cmd' in h && h.cmd) out.cmd = h.cmd;
      if (h.problem) out.problem = h.problem;
      return out;
    }),
  });
}

/**
 * Reads a held lines' draft back. Never throws: text that is not such a draft (written by hand,
 * cut short) is returned as one line read now (`parsedAt` = `now`), so nothing typed is lost;
 * entries without a line are dropped, and a missing or unusable `parsedAt` becomes `now`.
 * Every line read has an id: rows written before held lines had ids (or an id repeated) get
 * one made from the row's text and the line's place in it, the same on every read of that
 * text (so reading one row twice does not hold its lines twice). A problem that cannot be
 * read is dropped (the line is asked again), and `answered` is kept only with a command.
 */
export function readHeldDraft(text: string, now: number): (StoredHeldLine & { id: string })[] {
  if (text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [{ id: legacyId(text, 0), line: text, parsedAt: now }];
  }
  const lines =
    parsed !== null && typeof parsed === 'object' && 'lines' in parsed ? parsed.lines : undefined;
  if (!Array.isArray(lines)) return [{ id: legacyId(text, 0), line: text, parsedAt: now }];
  const out: (StoredHeldLine & { id: string })[] = [];
  const seen = new Set<string>();
  (lines as unknown[]).forEach((item, index) => {
    if (item === null || typeof item !== 'object') return;
    const { id, line, parsedAt, chosenAt, zone, cmd, problem } = item as {
      id?: unknown;
      line?: unknown;
      parsedAt?: unknown;
      chosenAt?: unknown;
      zone?: unknown;
      cmd?: unknown;
      problem?: unknown;
    };
    if (typeof line !== 'string' || line.trim() === '') return;
    const s: StoredHeldLine & { id: string } = {
      id: typeof id === 'string' && id !== '' && !seen.has(id) ? id : legacyId(text, index),
      line,
      parsedAt: typeof parsedAt === 'number' && Number.isFinite(parsedAt) ? parsedAt : now,
    };
    seen.add(s.id);
    if (typeof chosenAt === 'number' && Number.isFinite(chosenAt)) s.chosenAt = chosenAt;
    if (zone === 'utc' || zone === 'local') s.zone = zone;
    if (isStoredCommand(cmd)) s.cmd = cmd;
    const p = readProblem(problem, s.cmd !== undefined);
    if (p) s.problem = p;
    out.push(s);
  });
  return out;
}

/**
 * The id of a line stored without one: from a hash of the row's text and the line's place in
 * it, so the same row read twice gives the same ids, and two rows' lines do not share one.
 */
function legacyId(text: string, index: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `held-${(h >>> 0).toString(36)}-${index}`;
}

/** A stored problem (our own JSON, checked lightly), or undefined when unusable. */
function readProblem(v: unknown, hasCmd: boolean): HeldProblem | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const { message, usage, answered } = v as {
    message?: unknown;
    usage?: unknown;
    answered?: unknown;
  };
  if (typeof message !== 'string' || message === '') return undefined;
  const p: HeldProblem = { message, usage: typeof usage === 'string' ? usage : '' };
  if (hasCmd && answered !== null && typeof answered === 'object') {
    const { moveStart, now } = answered as { moveStart?: unknown; now?: unknown };
    if (typeof now === 'number' && Number.isFinite(now))
      p.answered = { moveStart: moveStart === true, now };
  }
  return p;
}

const COMMAND_TYPES: ReadonlySet<string> = new Set([
  'entry',
  'status',
  'severity',
  'role',
  'comms',
  'pin',
]);

/** A stored command of a known type with a usable time (our own JSON, checked lightly). */
function isStoredCommand(v: unknown): v is WritableCommand {
  if (v === null || typeof v !== 'object') return false;
  const c = v as { type?: unknown; occurredAt?: unknown };
  if (typeof c.type !== 'string' || !COMMAND_TYPES.has(c.type)) return false;
  return c.type === 'pin' || (typeof c.occurredAt === 'number' && Number.isFinite(c.occurredAt));
}

/**
 * Holds stored lines again after a reload. A line whose command was understood keeps it (same
 * time, same role names); one still asking which time is read again as when typed (same
 * `parsedAt` and zone). A line before the start is asked about again; one no longer before it
 * (another seat moved the start meanwhile) is held as `ready`, logged on a click as it was
 * understood. Only a line that no longer parses at all is returned in `unasked`, for the field.
 * Each keeps its id and why its last try failed; one answered whose save failed keeps its
 * answer (its command and `answered`), so it is not asked again. Pure, but for a line given
 * without an id (`readHeldDraft` gives every line one), which gets a new one.
 */
export function reaskHeldLines(
  stored: readonly StoredHeldLine[],
  incident: Incident,
  opts: { timeZone: TimeZoneMode; customRoles: readonly string[] },
): { held: HeldLine[]; unasked: string[] } {
  const held: HeldLine[] = [];
  const unasked: string[] = [];
  for (const s of stored) {
    const id = s.id ?? newHeldId();
    const base = {
      id,
      line: s.line,
      parsedAt: s.parsedAt,
      ...(s.zone !== undefined ? { zone: s.zone } : {}),
      ...(s.chosenAt !== undefined ? { chosenAt: s.chosenAt } : {}),
    };
    // Understood once already: kept as it was understood.
    if (s.cmd) {
      held.push({
        ...base,
        kind: isBeforeStart(s.cmd, incident) ? 'before-start' : 'ready',
        cmd: s.cmd,
        ...(s.problem ? { problem: s.problem } : {}),
      });
      continue;
    }
    const result = parseLogLine(s.line, {
      now: s.parsedAt,
      timeZone: s.zone ?? opts.timeZone,
      customRoles: opts.customRoles,
      chosenAt: s.chosenAt,
    });
    if (result.type === 'error' && result.choices)
      held.push({
        id,
        line: s.line,
        parsedAt: s.parsedAt,
        ...(s.zone !== undefined ? { zone: s.zone } : {}),
        kind: 'which-time',
        message: result.message,
        choices: result.choices,
        ...(s.problem ? { problem: { message: s.problem.message, usage: s.problem.usage } } : {}),
      });
    else if (result.type !== 'error' && result.type !== 'help')
      held.push({
        ...base,
        kind: isBeforeStart(result, incident) ? 'before-start' : 'ready',
        cmd: result,
        // Without a stored command there is no answer to retry: only why it was refused.
        ...(s.problem ? { problem: { message: s.problem.message, usage: s.problem.usage } } : {}),
      });
    else unasked.push(s.line);
  }
  return { held, unasked };
}
