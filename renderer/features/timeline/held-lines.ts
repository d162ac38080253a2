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
 */
export type HeldLine =
  | {
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
    }
  | {
      line: string;
      parsedAt: number;
      zone?: TimeZoneMode;
      chosenAt?: undefined;
      kind: 'which-time';
      message: string;
      choices: NonNullable<ParseError['choices']>;
    };

/** What a held line needs to be asked again: its text, when it was read, the time chosen. */
export interface StoredHeldLine {
  line: string;
  parsedAt: number;
  zone?: TimeZoneMode;
  chosenAt?: number;
  /**
   * The command as it was understood when typed (custom roles, zone, day), so a reload does not
   * read it differently; absent for a line still asking which time.
   */
  cmd?: WritableCommand;
}

/** Version of the held lines' draft text (a JSON object), in case its shape ever changes. */
const HELD_DRAFT_VERSION = 1;

/**
 * The text kept in the held lines' own draft row (see `timelineHeldDraftKey`): the lines, when
 * and in which zone each was read, the time chosen and the command understood, in order, as JSON; '' when nothing is held (which removes the row).
 */
export function heldDraftText(held: readonly (StoredHeldLine | HeldLine)[]): string {
  if (held.length === 0) return '';
  return JSON.stringify({
    v: HELD_DRAFT_VERSION,
    lines: held.map((h) => {
      const out: StoredHeldLine = { line: h.line, parsedAt: h.parsedAt };
      if (h.zone !== undefined) out.zone = h.zone;
      if (h.chosenAt !== undefined) out.chosenAt = h.chosenAt;
      if ('cmd' in h && h.cmd) out.cmd = h.cmd;
      return out;
    }),
  });
}

/**
 * Reads a held lines' draft back. Never throws: text that is not such a draft (written by hand,
 * cut short) is returned as one line read now (`parsedAt` = `now`), so nothing typed is lost;
 * entries without a line are dropped, and a missing or unusable `parsedAt` becomes `now`.
 */
export function readHeldDraft(text: string, now: number): StoredHeldLine[] {
  if (text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [{ line: text, parsedAt: now }];
  }
  const lines =
    parsed !== null && typeof parsed === 'object' && 'lines' in parsed ? parsed.lines : undefined;
  if (!Array.isArray(lines)) return [{ line: text, parsedAt: now }];
  const out: StoredHeldLine[] = [];
  for (const item of lines as unknown[]) {
    if (item === null || typeof item !== 'object') continue;
    const { line, parsedAt, chosenAt, zone, cmd } = item as {
      line?: unknown;
      parsedAt?: unknown;
      chosenAt?: unknown;
      zone?: unknown;
      cmd?: unknown;
    };
    if (typeof line !== 'string' || line.trim() === '') continue;
    const s: StoredHeldLine = {
      line,
      parsedAt: typeof parsedAt === 'number' && Number.isFinite(parsedAt) ? parsedAt : now,
    };
    if (typeof chosenAt === 'number' && Number.isFinite(chosenAt)) s.chosenAt = chosenAt;
    if (zone === 'utc' || zone === 'local') s.zone = zone;
    if (isStoredCommand(cmd)) s.cmd = cmd;
    out.push(s);
  }
  return out;
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
 * Pure.
 */
export function reaskHeldLines(
  stored: readonly StoredHeldLine[],
  incident: Incident,
  opts: { timeZone: TimeZoneMode; customRoles: readonly string[] },
): { held: HeldLine[]; unasked: string[] } {
  const held: HeldLine[] = [];
  const unasked: string[] = [];
  for (const s of stored) {
    const base = {
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
        line: s.line,
        parsedAt: s.parsedAt,
        ...(s.zone !== undefined ? { zone: s.zone } : {}),
        kind: 'which-time',
        message: result.message,
        choices: result.choices,
      });
    else if (result.type !== 'error' && result.type !== 'help')
      held.push({
        ...base,
        kind: isBeforeStart(result, incident) ? 'before-start' : 'ready',
        cmd: result,
      });
    else unasked.push(s.line);
  }
  return { held, unasked };
}
