import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTRY_TEXT_MAX } from '../domain/timeline';
import { COMMAND_HELP, MAX_BACKDATE_MS, parseLogLine, type ParseContext } from './commands';

const NOW = Date.UTC(2026, 10, 22, 15, 0, 0); // 2026-11-22 15:00:00 UTC
const ctx: ParseContext = { now: NOW, timeZone: 'utc' };
const at = (h: number, m: number, s = 0, day = 22) => Date.UTC(2026, 10, day, h, m, s);
const MIN = 60_000;

describe('parseLogLine: entries', () => {
  it.each(['\u200B', '\u200B\u200C  \u2060', 'f: \u200D', '@14:05 \u3164', '\u2800'])(
    'a line that shows nothing is not logged: %j',
    (line) => {
      const r = parseLogLine(line, ctx);
      expect(r.type).toBe('error');
    },
  );

  it.each([
    ['db connections at 100%', 'note', 'db connections at 100%'],
    ['  padded text  ', 'note', 'padded text'],
    ['a: rolled back deploy 4812', 'action', 'rolled back deploy 4812'],
    ['A:rolled back', 'action', 'rolled back'],
    ['d: fail over to eu-west', 'decision', 'fail over to eu-west'],
    ['D:  fail over', 'decision', 'fail over'],
    ['f: error rate 12%', 'finding', 'error rate 12%'],
    ['h: bad config push', 'hypothesis', 'bad config push'],
    ['n: just a note', 'note', 'just a note'],
    ['Decision: roll back', 'decision', 'roll back'],
    ['todo: add alert on pool size', 'action', 'add alert on pool size'],
    ['TODO:add alert', 'action', 'add alert'],
    ['http://example.com is down', 'note', 'http://example.com is down'],
    ['@here paging the db team', 'note', '@here paging the db team'],
    ['-rf was run on the wrong host', 'note', '-rf was run on the wrong host'],
    ['x: not a prefix', 'note', 'x: not a prefix'],
  ])('%j → %s', (input, kind, text) => {
    const r = parseLogLine(input, ctx);
    expect(r).toMatchObject({ type: 'entry', kind, text, occurredAt: NOW, backdated: false });
  });

  it('flags todo: for an action item and h: for a hypothesis, and nothing else', () => {
    expect(parseLogLine('todo: fix it', ctx)).toMatchObject({
      createActionItem: true,
      openHypothesis: false,
    });
    expect(parseLogLine('h: cache', ctx)).toMatchObject({
      createActionItem: false,
      openHypothesis: true,
    });
    expect(parseLogLine('a: restart', ctx)).toMatchObject({
      createActionItem: false,
      openHypothesis: false,
    });
  });

  it.each(['', '   ', 'a:', 'todo:   ', 'h: ', '@14:05', '-3m', 'a: -3m', '@14:05 d:'])(
    'rejects %j: nothing to log',
    (input) => {
      const r = parseLogLine(input, ctx);
      expect(r.type).toBe('error');
      if (r.type === 'error') expect(r.usage).toMatch(/a: action/);
    },
  );

  it('enforces the entry length limit with the figures in the message', () => {
    expect(parseLogLine('x'.repeat(ENTRY_TEXT_MAX), ctx).type).toBe('entry');
    const r = parseLogLine(`f: ${'x'.repeat(ENTRY_TEXT_MAX + 1)}`, ctx);
    expect(r).toMatchObject({ type: 'error' });
    if (r.type === 'error') expect(r.message).toMatch(/is 20,001 characters; the limit is 20,000/);
  });
});

describe('parseLogLine: backdating', () => {
  it.each([
    ['@14:05 restarted pods', at(14, 5), 'note'],
    ['@14:05:30 restarted pods', at(14, 5, 30), 'note'],
    ['@9:07 early', at(9, 7), 'note'],
    ['@00:00 midnight', at(0, 0), 'note'],
    ['@15:00 exactly now', NOW, 'note'],
    ['a: @14:05 rolled back', at(14, 5), 'action'],
    ['@14:05 a: rolled back', at(14, 5), 'action'],
    ['a:@14:05 rolled back', at(14, 5), 'action'],
    ['-3m paged db', NOW - 3 * MIN, 'note'],
    ['-90s paged db', NOW - 90_000, 'note'],
    ['-1h paged db', NOW - 60 * MIN, 'note'],
    ['-1h30m paged db', NOW - 90 * MIN, 'note'],
    ['-1H30M paged db', NOW - 90 * MIN, 'note'],
    ['-2m30s paged db', NOW - 150_000, 'note'],
    ['d: -3m fail over', NOW - 3 * MIN, 'decision'],
    ['-3m d: fail over', NOW - 3 * MIN, 'decision'],
  ])('%j', (input, occurredAt, kind) => {
    const r = parseLogLine(input, ctx);
    expect(r).toMatchObject({ type: 'entry', kind, occurredAt, backdated: occurredAt < NOW });
  });

  it('takes a time up to a minute ahead as now (clock skew), not as yesterday', () => {
    const r = parseLogLine('@15:01 typed a little early', ctx);
    expect(r).toMatchObject({ type: 'entry', occurredAt: NOW, backdated: false });
    // Beyond the minute it is still to come: yesterday's, a day back, is asked about.
    expect(parseLogLine('@15:01:01 later', ctx)).toMatchObject({
      type: 'error',
      choices: [{ at: at(15, 1, 1, 21) }],
    });
  });

  it.each([
    ['@16:00 still to come today', at(16, 0, 0, 21)],
    ['@23:59 yesterday?', at(23, 59, 0, 21)],
  ])(
    "asks before logging %j at yesterday's time, more than 12 h back, then logs the one chosen",
    (input, yesterday) => {
      expect(parseLogLine(input, ctx)).toMatchObject({
        type: 'error',
        message: expect.stringContaining('still to come today') as string,
        choices: [{ at: yesterday }],
      });
      expect(parseLogLine(input, { ...ctx, chosenAt: yesterday })).toMatchObject({
        type: 'entry',
        occurredAt: yesterday,
        backdated: true,
      });
    },
  );

  it('reads @ times in local time when asked', () => {
    const now = new Date(2026, 5, 10, 15, 0, 0).getTime();
    const local = { now, timeZone: 'local' as const };
    expect(parseLogLine('@14:05 x', local)).toMatchObject({
      occurredAt: new Date(2026, 5, 10, 14, 5, 0).getTime(),
    });
    expect(parseLogLine('@16:05 x', local)).toMatchObject({
      type: 'error',
      choices: [{ at: new Date(2026, 5, 9, 16, 5, 0).getTime() }],
    });
  });

  it('goes back to the previous UTC day across a month boundary', () => {
    const now = Date.UTC(2026, 11, 1, 0, 10);
    expect(parseLogLine('@23:50 x', { now, timeZone: 'utc' })).toMatchObject({
      occurredAt: Date.UTC(2026, 10, 30, 23, 50),
    });
  });

  it.each(['@25:00 x', '@14:60 x', '@14:05:60 x', '@24:00 x', '@14:5 x', '@14 x', '@1405 x'])(
    'rejects the invalid time %j with usage',
    (input) => {
      const r = parseLogLine(input, ctx);
      expect(r.type).toBe('error');
      if (r.type === 'error') {
        expect(r.message).toMatch(/not a time of day/);
        expect(r.message).toMatch(/@14:05/);
      }
    },
  );

  it('rejects two times and backdates beyond a week', () => {
    expect(parseLogLine('@14:05 a: -3m x', ctx)).toMatchObject({ type: 'error' });
    expect(parseLogLine('-168h x', ctx)).toMatchObject({ occurredAt: NOW - MAX_BACKDATE_MS });
    expect(parseLogLine('-169h x', ctx)).toMatchObject({ type: 'error' });
    expect(parseLogLine(`-${'9'.repeat(400)}m x`, ctx)).toMatchObject({ type: 'error' });
  });
});

describe('parseLogLine: slash commands', () => {
  it.each([
    ['/status mitigating', { type: 'status', status: 'mitigating', note: '' }],
    ['/STATUS Monitoring', { type: 'status', status: 'monitoring' }],
    ['/status resolved fix held for 30 min', { status: 'resolved', note: 'fix held for 30 min' }],
    [
      '/sev 1 checkout fully down',
      { type: 'severity', severity: 'SEV1', reason: 'checkout fully down' },
    ],
    ['/sev sev2 only EU affected', { severity: 'SEV2', reason: 'only EU affected' }],
    ['/sev SEV3 workaround found', { severity: 'SEV3', reason: 'workaround found' }],
    ['/severity 4 cosmetic', { severity: 'SEV4', reason: 'cosmetic' }],
    [
      '/ic Alice Smith',
      { type: 'role', roleKey: 'ic', roleName: 'Incident Commander', person: 'Alice Smith' },
    ],
    ['/role scribe Sam', { roleKey: 'scribe', roleName: 'Scribe', person: 'Sam', custom: false }],
    ['/role tech Dana', { roleKey: 'tech', person: 'Dana' }],
    [
      '/role technical lead Dana Ng',
      { roleKey: 'tech', roleName: 'Technical Lead', person: 'Dana Ng' },
    ],
    ['/role Incident Commander Bob', { roleKey: 'ic', person: 'Bob' }],
    ['/role communications lead Lee', { roleKey: 'comms', person: 'Lee' }],
    ['/role comms lead Lee', { roleKey: 'comms', person: 'Lee' }],
    ['/role subject matter expert Kim', { roleKey: 'sme', person: 'Kim' }],
    ['/role lead Dana', { type: 'error' }],
    ['/comms executives', { type: 'comms', audience: 'executives', text: '' }],
    [
      '/comms Customers status page updated',
      { audience: 'customers', text: 'status page updated' },
    ],
    ['/comms eng posted in #inc', { audience: 'engineering', text: 'posted in #inc' }],
    ['/pin', { type: 'pin' }],
    ['  /pin  ', { type: 'pin' }],
  ])('%j', (input, expected) => {
    expect(parseLogLine(input, ctx)).toMatchObject(expected);
  });

  it('backdates commands that record events', () => {
    expect(parseLogLine('@14:05 /status mitigating', ctx)).toMatchObject({
      type: 'status',
      occurredAt: at(14, 5),
      backdated: true,
    });
    expect(parseLogLine('-5m /comms customers', ctx)).toMatchObject({
      type: 'comms',
      occurredAt: NOW - 5 * MIN,
    });
    expect(parseLogLine('-5m /pin', ctx)).toMatchObject({ type: 'error' });
  });

  it('accepts custom roles, multi-word ones too, preferring the longest match', () => {
    const c = { ...ctx, customRoles: ['Security Lead', 'Security'] };
    expect(parseLogLine('/role security lead Priya', c)).toMatchObject({
      roleKey: 'Security Lead',
      roleName: 'Security Lead',
      custom: true,
      person: 'Priya',
    });
    expect(parseLogLine('/role security Priya', c)).toMatchObject({
      roleKey: 'Security',
      person: 'Priya',
    });
    expect(parseLogLine('/role security lead Priya', ctx)).toMatchObject({ type: 'error' });
  });

  it('finds a custom role whose stored name differs only in spacing or invisible characters', () => {
    for (const stored of ['Vendor  Liaison', ' vendor liaison ', 'Vendor\u200B Liaison']) {
      expect(
        parseLogLine('/role vendor liaison Priya', { ...ctx, customRoles: [stored] }),
      ).toMatchObject({ custom: true, person: 'Priya' });
    }
  });

  it('matches custom role names longer than any default one', () => {
    const c = { ...ctx, customRoles: ['Vendor Relations Point Of Contact'] };
    expect(parseLogLine('/role vendor relations point of contact Jo Lee', c)).toMatchObject({
      roleKey: 'Vendor Relations Point Of Contact',
      person: 'Jo Lee',
    });
  });

  // The default 5 s test timeout turns any quadratic path into a failure.
  it.each([
    ['entry', `a: ${'x '.repeat(500_000)}`],
    ['role', `/role ${'a '.repeat(500_000)}b`],
    ['sev', `/sev ${' '.repeat(1_000_000)}1`],
    ['relative time', `-${'9'.repeat(1_000_000)}m x`],
  ])('answers a megabyte-long %s line with an error, quickly', (_name, input) => {
    expect(parseLogLine(input, ctx).type).toBe('error');
  });

  it.each([
    ['/status', /Choose one of: investigating, identified, mitigating, monitoring, resolved/],
    ['/status fixing', /"fixing" is not a status.*investigating, identified/],
    ['/sev', /1–4/],
    ['/sev 5 worse', /1–4/],
    ['/sev 1', /reason/],
    ['/sev 1   ', /reason/],
    ['/ic', /Who is the Incident Commander/],
    ['/role', /role and the person/],
    ['/role scribe', /Who is the Scribe/],
    ['/role janitor Pat', /Unknown role/],
    ['/comms', /engineering, executives, customers/],
    ['/comms board hello', /Which audience/],
    ['/pin now', /no arguments/],
    ['/deploy now', /Unknown command "\/deploy"/],
    ['/', /Unknown command/],
    ['/var/log is full', /begin the line with "n:"/],
    // Words that are Object.prototype members are not audiences or roles.
    ['/comms constructor hello', /Which audience/],
    ['/comms toString', /Which audience/],
    ['/comms __proto__ x', /Which audience/],
    ['/role constructor Pat', /Unknown role/],
    ['/role valueOf Pat', /Unknown role/],
    ['/role __proto__ Pat', /Unknown role/],
  ])('%j → error %s', (input, message) => {
    const r = parseLogLine(input, ctx);
    expect(r.type).toBe('error');
    if (r.type === 'error') {
      expect(r.message).toMatch(message);
      expect(r.usage.length).toBeGreaterThan(0);
    }
  });

  it('gives the full command list as usage for an unknown command', () => {
    const r = parseLogLine('/frobnicate', ctx);
    if (r.type !== 'error') throw new Error('expected an error');
    for (const c of COMMAND_HELP) expect(r.usage).toContain(c.usage);
  });

  it('caps a long severity reason', () => {
    const r = parseLogLine(`/sev 1 ${'x'.repeat(ENTRY_TEXT_MAX + 5)}`, ctx);
    expect(r.type === 'error' && r.message).toMatch(/20,005 characters/);
  });

  it('/help lists every command, or the one asked about', () => {
    const all = parseLogLine('/help', ctx);
    expect(all).toMatchObject({ type: 'help' });
    if (all.type === 'help') expect(all.commands).toHaveLength(COMMAND_HELP.length);
    const one = parseLogLine('/help sev', ctx);
    if (one.type !== 'help') throw new Error('expected help');
    expect(one.commands).toHaveLength(1);
    expect(one.commands[0]).toMatch(/^\/sev <1-4> <reason> — /);
  });

  it('COMMAND_HELP covers every command and prefix the parser knows', () => {
    const listed = COMMAND_HELP.map((c) => c.command);
    for (const c of ['/status', '/sev', '/ic', '/role', '/comms', '/pin', '/help']) {
      expect(listed).toContain(c);
    }
    for (const p of ['a:', 'd:', 'f:', 'h:', 'todo:', 'n:']) expect(listed).toContain(p);
  });
});

describe('parseLogLine: properties', () => {
  const arbCtx = fc.record({
    now: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
    timeZone: fc.constantFrom('utc' as const, 'local' as const),
  });
  // Bias the strings towards the grammar so the property exercises the interesting paths.
  const pieces = fc.constantFrom(
    '/status ',
    '/sev ',
    '/ic ',
    '/role ',
    '/comms ',
    '/pin',
    '/help',
    '/',
    'a:',
    'todo:',
    'h: ',
    '@14:05 ',
    '@25:00 ',
    '@9:',
    '-3m ',
    '-1h30m ',
    '-',
    '@',
    ':',
    ' ',
    '\n',
    '\t',
    'sev1 ',
    'technical lead ',
    'mitigating ',
    'customers ',
    'Dana',
    'x',
    '\u0000',
    '😀',
    '\u200b',
  );
  const arbInput = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .array(fc.oneof(pieces, fc.string({ maxLength: 5 })), { maxLength: 12 })
      .map((a) => a.join('')),
  );

  it('never throws, and every result is an entry, a command, help or an error', () => {
    fc.assert(
      fc.property(arbInput, arbCtx, (input, c) => {
        const r = parseLogLine(input, c);
        expect(['entry', 'status', 'severity', 'role', 'comms', 'pin', 'help', 'error']).toContain(
          r.type,
        );
        if (r.type === 'error') expect(r.message.length).toBeGreaterThan(0);
        if (r.type === 'entry') {
          expect(r.text.trim().length).toBeGreaterThan(0);
          expect(r.text.length).toBeLessThanOrEqual(ENTRY_TEXT_MAX);
        }
        if ('occurredAt' in r) {
          expect(r.occurredAt).toBeLessThanOrEqual(c.now);
          expect(r.occurredAt).toBeGreaterThanOrEqual(c.now - MAX_BACKDATE_MS);
          expect(r.backdated).toBe(r.occurredAt < c.now);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('plain text that starts with a letter other than a prefix logs verbatim as a note', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[g-mo-su-z][a-z0-9 .,]{0,50}[a-z0-9.]$/), (text) => {
        expect(parseLogLine(text, ctx)).toMatchObject({ type: 'entry', kind: 'note', text });
      }),
    );
  });
});

describe('the ! highlight prefix', () => {
  const ctx = { now: Date.UTC(2026, 10, 22, 14, 30), timeZone: 'utc' as const };
  const cases: [string, string, { kind: string; text: string; highlight?: true } | 'error'][] = [
    [
      'with a decision prefix',
      '! d: fail over to the replica',
      { kind: 'decision', text: 'fail over to the replica', highlight: true },
    ],
    ['without a space', '!d: fail over', { kind: 'decision', text: 'fail over', highlight: true }],
    [
      'on plain text',
      '! error rate back to normal',
      { kind: 'note', text: 'error rate back to normal', highlight: true },
    ],
    [
      'with a hypothesis',
      '! h: replica lag',
      { kind: 'hypothesis', text: 'replica lag', highlight: true },
    ],
    [
      'after a backdate',
      '@14:05 ! f: disk full',
      { kind: 'finding', text: 'disk full', highlight: true },
    ],
    [
      'before a backdate',
      '! -3m a: restarted',
      { kind: 'action', text: 'restarted', highlight: true },
    ],
    ['"!!" stays text', '!!! urgent', { kind: 'note', text: '!!! urgent' }],
    ['"!=" stays text', '!= is not equal', { kind: 'note', text: '!= is not equal' }],
    ['an ordinary line', 'd: fail over', { kind: 'decision', text: 'fail over' }],
    ['a lone "!"', '!', 'error'],
    ['a command', '! /status resolved done', 'error'],
  ];
  it.each(cases)('%s', (_name, line, expected) => {
    const r = parseLogLine(line, ctx);
    if (expected === 'error') {
      expect(r.type).toBe('error');
      return;
    }
    expect(r.type).toBe('entry');
    if (r.type !== 'entry') return;
    expect({ kind: r.kind, text: r.text, highlight: r.highlight }).toEqual({
      highlight: undefined,
      ...expected,
    });
  });
});
