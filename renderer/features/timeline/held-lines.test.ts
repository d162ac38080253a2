import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/domain/incident';
import { parseLogLine } from '../../../shared/logic/commands';
import {
  HELD_DONE_KEPT,
  heldDoneText,
  heldDraftText,
  readHeldDone,
  readHeldDraft,
  reaskHeldLines,
  type HeldLine,
} from './held-lines';

const MIN = 60_000;
const TYPED = Date.UTC(2026, 11, 2, 14, 20);
const LATER = TYPED + 3 * 60 * MIN;

const incident = (started: number) =>
  ({ id: 'inc-1', milestones: { started }, createdAt: started }) as unknown as Incident;
const opts = { timeZone: 'utc' as const, customRoles: [] };

describe('heldDraftText / readHeldDraft', () => {
  it('round-trips the lines in order with when each was read and the time chosen', () => {
    const held = [
      { id: 'a', line: '-5m f: first alert', parsedAt: TYPED },
      {
        id: 'b',
        line: '@14:30 restarted pods',
        parsedAt: TYPED + MIN,
        chosenAt: TYPED - 23 * 60 * MIN,
      },
    ];
    expect(readHeldDraft(heldDraftText(held), LATER)).toEqual(held);
  });

  it('is empty (the row removed) when nothing is held', () => {
    expect(heldDraftText([])).toBe('');
    expect(readHeldDraft('', LATER)).toEqual([]);
    expect(readHeldDraft('  \n', LATER)).toEqual([]);
  });

  it.each([
    ['not JSON', 'f: typed by hand'],
    ['JSON without lines', '{"v":1}'],
    ['cut short', '{"v":1,"lines":[{"line":"f: a'],
  ])('keeps text that is not a held draft (%s) as one line read now', (_, text) => {
    expect(readHeldDraft(text, LATER)).toEqual([
      { id: expect.any(String) as string, line: text, parsedAt: LATER },
    ]);
  });

  it('drops entries without a line and reads a bad time as now', () => {
    const text = JSON.stringify({
      v: 1,
      lines: [null, { line: '' }, { line: 'f: kept', parsedAt: 'soon' }, { parsedAt: TYPED }],
    });
    expect(readHeldDraft(text, LATER)).toEqual([
      { id: expect.any(String) as string, line: 'f: kept', parsedAt: LATER },
    ]);
  });

  it('keeps two identical lines as two, each with its own id, also from a row stored without ids', () => {
    const typed = [
      { id: 'first', line: 'n: still failing', parsedAt: TYPED },
      { id: 'second', line: 'n: still failing', parsedAt: TYPED },
    ];
    expect(readHeldDraft(heldDraftText(typed), LATER).map((l) => l.id)).toEqual([
      'first',
      'second',
    ]);
    // A row written before held lines had ids: each line gets one, different from the other's
    // and the same on every read of that row (so reading it twice does not hold it twice).
    const legacy = JSON.stringify({
      v: 1,
      lines: [
        { line: 'n: still failing', parsedAt: TYPED },
        { line: 'n: still failing', parsedAt: TYPED },
      ],
    });
    const once = readHeldDraft(legacy, LATER);
    expect(once.map((l) => l.line)).toEqual(['n: still failing', 'n: still failing']);
    expect(new Set(once.map((l) => l.id)).size).toBe(2);
    expect(readHeldDraft(legacy, LATER + MIN).map((l) => l.id)).toEqual(once.map((l) => l.id));
    // A repeated id (written by hand) does not make two lines one.
    const repeated = JSON.stringify({
      v: 1,
      lines: [
        { id: 'x', line: 'n: a', parsedAt: TYPED },
        { id: 'x', line: 'n: b', parsedAt: TYPED },
      ],
    });
    expect(new Set(readHeldDraft(repeated, LATER).map((l) => l.id)).size).toBe(2);
  });

  it("keeps a failed line's problem and its answer (whether to move the start, its now)", () => {
    const cmd = parseLogLine('-5m f: first alert', { now: TYPED, timeZone: 'utc' });
    if (cmd.type === 'error' || cmd.type === 'help') throw new Error('expected a command');
    const held = [
      {
        id: 'a',
        line: '-5m f: first alert',
        parsedAt: TYPED,
        cmd,
        problem: {
          message: 'Not saved: the disk is full.',
          usage: '',
          answered: { moveStart: true, now: TYPED + MIN },
        },
      },
      {
        id: 'b',
        line: '/role sme Dana',
        parsedAt: TYPED,
        problem: { message: 'Unknown role "sme".', usage: '/role <role> <person>' },
      },
    ];
    expect(readHeldDraft(heldDraftText(held), LATER)).toEqual(held);
  });

  it('drops an answer stored without its command, and a problem without words', () => {
    const text = JSON.stringify({
      v: 1,
      lines: [
        {
          id: 'a',
          line: '@14:30 restarted pods',
          parsedAt: TYPED,
          problem: { message: 'Not saved.', answered: { moveStart: false, now: TYPED } },
        },
        { id: 'b', line: 'f: b', parsedAt: TYPED, problem: { message: '' } },
      ],
    });
    expect(readHeldDraft(text, LATER)).toEqual([
      {
        id: 'a',
        line: '@14:30 restarted pods',
        parsedAt: TYPED,
        problem: { message: 'Not saved.', usage: '' },
      },
      { id: 'b', line: 'f: b', parsedAt: TYPED },
    ]);
  });
});

describe('reaskHeldLines', () => {
  it('asks a relative time before the start again as typed, not as read hours later', () => {
    const { held, unasked } = reaskHeldLines(
      [{ line: '-5m f: first alert', parsedAt: TYPED }],
      incident(TYPED - 2 * MIN),
      opts,
    );
    expect(unasked).toEqual([]);
    expect(held).toHaveLength(1);
    const h = held[0]!;
    expect(h.kind).toBe('before-start');
    if (h.kind === 'before-start' && h.cmd.type === 'entry')
      expect(h.cmd.occurredAt).toBe(TYPED - 5 * MIN);
  });

  it('asks "which time?" again with the same choices', () => {
    const line = '@14:30 restarted pods';
    const first = parseLogLine(line, { now: TYPED, timeZone: 'utc' });
    if (first.type !== 'error' || !first.choices) throw new Error('expected a question');
    const { held } = reaskHeldLines(
      [{ line, parsedAt: TYPED }],
      incident(TYPED - 30 * 60 * MIN),
      opts,
    );
    expect(held).toEqual<HeldLine[]>([
      {
        id: expect.any(String) as string,
        line,
        parsedAt: TYPED,
        kind: 'which-time',
        message: first.message,
        choices: first.choices,
      },
    ]);
  });

  it('keeps the time chosen: an answered line before the start is asked only about the start', () => {
    const line = '@14:30 restarted pods';
    const chosenAt = Date.UTC(2026, 11, 1, 14, 30);
    const { held } = reaskHeldLines(
      [{ line, parsedAt: TYPED, chosenAt }],
      incident(TYPED - 2 * MIN),
      opts,
    );
    expect(held).toHaveLength(1);
    const h = held[0]!;
    expect(h).toMatchObject({ kind: 'before-start', chosenAt });
    if (h.kind === 'before-start' && h.cmd.type === 'entry')
      expect(h.cmd.occurredAt).toBe(chosenAt);
  });

  it('holds a line whose question no longer applies as ready, timed as typed; only an unparsable one goes to the field', () => {
    const { held, unasked } = reaskHeldLines(
      [
        { line: '-5m f: first alert', parsedAt: TYPED },
        { line: '-90m f: earlier still', parsedAt: TYPED },
        { line: '/sev 9 nonsense', parsedAt: TYPED },
      ],
      // The start was moved to an hour back meanwhile: only the 90-minute one is before it.
      incident(TYPED - 60 * MIN),
      opts,
    );
    expect(held.map((h) => [h.line, h.kind])).toEqual([
      ['-5m f: first alert', 'ready'],
      ['-90m f: earlier still', 'before-start'],
    ]);
    const ready = held[0]!;
    if (ready.kind === 'ready' && ready.cmd.type === 'entry')
      expect(ready.cmd.occurredAt).toBe(TYPED - 5 * MIN);
    expect(unasked).toEqual(['/sev 9 nonsense']);
  });

  it('keeps the command as understood when typed (custom role names, zone) rather than reading it again', () => {
    const typed = parseLogLine('-20m /role sme backup Dana', {
      now: TYPED,
      timeZone: 'utc',
      customRoles: ['SME backup'],
    });
    if (typed.type === 'error' || typed.type === 'help') throw new Error('expected a command');
    const stored = readHeldDraft(
      heldDraftText([
        { line: '-20m /role sme backup Dana', parsedAt: TYPED, zone: 'utc', cmd: typed },
      ]),
      LATER,
    );
    // Read back before the custom roles have loaded (none known yet).
    const { held } = reaskHeldLines(stored, incident(TYPED - 2 * MIN), opts);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ kind: 'before-start', zone: 'utc', cmd: typed });
  });

  it('holds a line answered whose save failed with its answer and why: not asked "which time?" again', () => {
    const line = '@14:30 restarted pods';
    const chosenAt = Date.UTC(2026, 11, 1, 14, 30);
    const cmd = parseLogLine(line, { now: TYPED, timeZone: 'utc', chosenAt });
    if (cmd.type === 'error' || cmd.type === 'help') throw new Error('expected a command');
    const problem = {
      message: 'Not saved: the disk is full.',
      usage: '',
      answered: { moveStart: false, now: TYPED + MIN },
    };
    const stored = readHeldDraft(
      heldDraftText([{ id: 'a', line, parsedAt: TYPED, zone: 'utc', chosenAt, cmd, problem }]),
      LATER,
    );
    const { held } = reaskHeldLines(stored, incident(TYPED - 30 * 60 * MIN), opts);
    expect(held).toEqual([
      { id: 'a', line, parsedAt: TYPED, zone: 'utc', chosenAt, kind: 'ready', cmd, problem },
    ]);
  });

  it('keeps a refusal with a line asked again, and its id', () => {
    const line = '@14:30 restarted pods';
    const refusal = { message: 'That time no longer fits.', usage: '' };
    const { held } = reaskHeldLines(
      [{ id: 'a', line, parsedAt: TYPED, problem: refusal }],
      incident(TYPED - 30 * 60 * MIN),
      opts,
    );
    expect(held).toMatchObject([{ id: 'a', kind: 'which-time', problem: refusal }]);
  });
});

describe('the done list of logged held lines', () => {
  it('keeps the newest ids, in order, and reads back what it wrote', () => {
    const ids = Array.from({ length: HELD_DONE_KEPT + 5 }, (_, i) => `h${i}`);
    const back = readHeldDone(heldDoneText(ids));
    expect(back).toHaveLength(HELD_DONE_KEPT);
    expect(back[0]).toBe('h5');
    expect(back.at(-1)).toBe(`h${HELD_DONE_KEPT + 4}`);
    expect(heldDoneText([])).toBe('');
  });

  it('reads nothing from an absent, blank or unreadable row, never throwing', () => {
    for (const text of [undefined, '', 'not json', '{"a":1}', '[1,"h1",null]'])
      expect(readHeldDone(text)).toEqual(text === '[1,"h1",null]' ? ['h1'] : []);
  });
});
