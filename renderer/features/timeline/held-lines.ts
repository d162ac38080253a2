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
      /** The instant chosen for its "which time?" question, when it was asked one first. */
      chosenAt?: number;
      kind: 'before-start';
      cmd: WritableCommand;
    }
  | {
      line: string;
      parsedAt: number;
      chosenAt?: undefined;
      kind: 'which-time';
      message: string;
      choices: NonNullable<ParseError['choices']>;
    };

/** What a held line needs to be asked again: its text, when it was read, the time chosen. */
export interface StoredHeldLine {
  line: string;
  parsedAt: number;
  chosenAt?: number;
}

/** Version of the held lines' draft text (a JSON object), in case its shape ever changes. */
const HELD_DRAFT_VERSION = 1;

/**
 * The text kept in the held lines' own draft row (see `timelineHeldDraftKey`): the lines and
 * when each was read, in order, as JSON; '' when nothing is held (which removes the row).
 */
export function heldDraftText(held: readonly StoredHeldLine[]): string {
  if (held.length === 0) return '';
  return JSON.stringify({
    v: HELD_DRAFT_VERSION,
    lines: held.map((h) =>
      h.chosenAt === undefined
        ? { line: h.line, parsedAt: h.parsedAt }
        : { line: h.line, parsedAt: h.parsedAt, chosenAt: h.chosenAt },
    ),
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
    const { line, parsedAt, chosenAt } = item as {
      line?: unknown;
      parsedAt?: unknown;
      chosenAt?: unknown;
    };
    if (typeof line !== 'string' || line.trim() === '') continue;
    const s: StoredHeldLine = {
      line,
      parsedAt: typeof parsedAt === 'number' && Number.isFinite(parsedAt) ? parsedAt : now,
    };
    if (typeof chosenAt === 'number' && Number.isFinite(chosenAt)) s.chosenAt = chosenAt;
    out.push(s);
  }
  return out;
}

/**
 * Reads stored held lines again as they were read when typed (same `parsedAt`), with the
 * incident and settings as they are now. A line that still raises its question is held again;
 * one that no longer does (another seat moved the start before it, a setting changed) is
 * returned in `unasked`, to go back into the field for the scribe to log or correct. Pure.
 */
export function reaskHeldLines(
  stored: readonly StoredHeldLine[],
  incident: Incident,
  opts: { timeZone: TimeZoneMode; customRoles: readonly string[] },
): { held: HeldLine[]; unasked: string[] } {
  const held: HeldLine[] = [];
  const unasked: string[] = [];
  for (const s of stored) {
    const result = parseLogLine(s.line, {
      now: s.parsedAt,
      timeZone: opts.timeZone,
      customRoles: opts.customRoles,
      chosenAt: s.chosenAt,
    });
    if (result.type === 'error' && result.choices)
      held.push({
        line: s.line,
        parsedAt: s.parsedAt,
        kind: 'which-time',
        message: result.message,
        choices: result.choices,
      });
    else if (result.type !== 'error' && result.type !== 'help' && isBeforeStart(result, incident))
      held.push(
        s.chosenAt === undefined
          ? { line: s.line, parsedAt: s.parsedAt, kind: 'before-start', cmd: result }
          : {
              line: s.line,
              parsedAt: s.parsedAt,
              chosenAt: s.chosenAt,
              kind: 'before-start',
              cmd: result,
            },
      );
    else unasked.push(s.line);
  }
  return { held, unasked };
}
