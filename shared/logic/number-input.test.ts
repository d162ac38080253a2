import { describe, expect, it } from 'vitest';
import { SETTINGS_NUMBER_SPECS } from '../domain/settings';
import { EXTEND_MINUTES_SPEC } from './hypotheses';
import {
  COUNT_SPECS,
  MAX_USERS_AFFECTED,
  countProblem,
  parseNumberInput,
  parseUsersAffected,
  usersAffectedProblem,
  type NumberSpec,
} from './number-input';

const MINUTES: NumberSpec = SETTINGS_NUMBER_SPECS.cadenceMinutes;

describe('parseNumberInput', () => {
  it.each([
    ['15', 15],
    [' 15 ', 15],
    ['1,440', 1440],
    ['1 440', 1440],
    ['0015', 15],
  ])('accepts %j as %d whole minutes', (text, value) => {
    expect(parseNumberInput(text, MINUTES)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['1441', 'out-of-range'],
    ['100000000', 'out-of-range'],
    ['99999999999999999999999', 'out-of-range'],
    ['0', 'out-of-range'],
    ['-5', 'out-of-range'],
    ['1.5', 'not-whole'],
    ['1e9', 'not-a-number'],
    ['1E3', 'not-a-number'],
    ['Infinity', 'not-a-number'],
    ['NaN', 'not-a-number'],
    ['0x10', 'not-a-number'],
    ['+5', 'not-a-number'],
    ['1,2,3', 'not-a-number'],
    ['12,00', 'not-a-number'],
    ['1,000 000', 'not-a-number'],
    ['15 min', 'not-a-number'],
    ['fifteen', 'not-a-number'],
    ['1'.repeat(50), 'not-a-number'],
  ])('refuses %j (%s) with a message naming the range', (text, problem) => {
    const r = parseNumberInput(text, MINUTES);
    expect(r).toMatchObject({ ok: false, problem });
    if (!r.ok) expect(r.error).toContain('Enter a whole number of minutes from 1 to 1,440');
  });

  it('quotes what was typed, cut short when long', () => {
    const r = parseNumberInput('1e9', MINUTES);
    expect(r.ok ? '' : r.error).toBe(
      '"1e9" is not a number. Enter a whole number of minutes from 1 to 1,440 (24 hours).',
    );
  });

  it.each([
    ['0.5', 0.5],
    ['.5', 0.5],
    ['24', 24],
    ['4.25', 4.25],
  ])('decimal specs accept %j', (text, value) => {
    expect(parseNumberInput(text, SETTINGS_NUMBER_SPECS.icNudgeHours)).toEqual({
      ok: true,
      value,
    });
  });

  it.each(['0.25', '24.5', '1e1', '1e-1', '1000000'])('decimal specs refuse %j', (text) => {
    expect(parseNumberInput(text, SETTINGS_NUMBER_SPECS.icNudgeHours).ok).toBe(false);
  });

  it.each([
    ['10', true],
    ['1440', true],
    ['1441', false],
    ['2.5', false],
    ['1e3', false],
  ])('Extend by (minutes) %j → %s', (text, ok) => {
    expect(parseNumberInput(text, EXTEND_MINUTES_SPEC).ok).toBe(ok);
  });
});

describe('parseUsersAffected', () => {
  it.each([
    ['', 'users', null],
    ['1200', 'users', { value: 1200, unit: 'users' }],
    ['12,000', 'users', { value: 12000, unit: 'users' }],
    ['0', 'users', { value: 0, unit: 'users' }],
    ['10,000,000,000', 'users', { value: MAX_USERS_AFFECTED, unit: 'users' }],
    // A % sign means a share, whatever the unit select says.
    ['50%', 'users', { value: 50, unit: 'percent' }],
    ['50 %', 'users', { value: 50, unit: 'percent' }],
    ['1.44%', 'users', { value: 1.44, unit: 'percent' }],
    ['50', 'percent', { value: 50, unit: 'percent' }],
    ['50%', 'percent', { value: 50, unit: 'percent' }],
    ['1.44', 'percent', { value: 1.44, unit: 'percent' }],
    ['100', 'percent', { value: 100, unit: 'percent' }],
  ] as const)('reads %j with unit %s', (text, unit, value) => {
    expect(parseUsersAffected(text, unit)).toEqual({ ok: true, value });
  });

  it.each([
    ['3.5', 'users', '"3.5" is not a whole number.'],
    ['99999999999999999999999', 'users', 'is out of range.'],
    ['10,000,000,001', 'users', 'is out of range.'],
    ['1e6', 'users', '"1e6" is not a number.'],
    ['-3', 'users', 'is out of range.'],
    ['lots', 'users', '"lots" is not a number.'],
    ['150', 'percent', '"150" is out of range.'],
    ['150%', 'users', '"150%" is out of range.'],
    ['%', 'users', 'A % sign alone is not a share.'],
    ['Infinity', 'percent', 'is not a number.'],
    ['50%%', 'users', 'is not a number.'],
  ] as const)('refuses %j with unit %s', (text, unit, words) => {
    const r = parseUsersAffected(text, unit);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(words);
  });

  it('says what to type instead', () => {
    const users = parseUsersAffected('3.5', 'users');
    expect(users.ok ? '' : users.error).toBe(
      '"3.5" is not a whole number. Enter a whole number of users from 0 to 10,000,000,000 ' +
        '(10 billion, more than the world population), or a share such as 12%, or leave it empty.',
    );
    const share = parseUsersAffected('150', 'percent');
    expect(share.ok ? '' : share.error).toBe(
      '"150" is out of range. Enter a share of users from 0 to 100 (%), or leave it empty.',
    );
  });
});

describe('usersAffectedProblem (the command’s check)', () => {
  it.each([
    [{ value: 1200, unit: 'users' }, null],
    [{ value: 0, unit: 'users' }, null],
    [{ value: 1.44, unit: 'percent' }, null],
    [{ value: 3.5, unit: 'users' }, 'whole number'],
    [{ value: 1e23, unit: 'users' }, 'at most 10,000,000,000'],
    [{ value: 150, unit: 'percent' }, 'cannot exceed 100%'],
    [{ value: -1, unit: 'percent' }, 'below 0'],
    [{ value: Number.POSITIVE_INFINITY, unit: 'users' }, 'must be a number'],
    [{ value: Number.NaN, unit: 'percent' }, 'must be a number'],
  ] as const)('%j → %s', (u, words) => {
    const problem = usersAffectedProblem(u);
    if (words === null) expect(problem).toBeNull();
    else expect(problem).toContain(words);
  });
});

describe('countProblem (post-mortem counts)', () => {
  it.each([
    ['affectedUsers', null, null],
    ['affectedUsers', 18_000, null],
    ['affectedUsers', 1.5, 'whole number of users'],
    ['affectedUsers', 1e11, 'whole number of users'],
    ['affectedRecords', 3_412, null],
    ['affectedRecords', 1e16, 'whole number of records'],
    ['affectedRecords', -1, 'whole number of records'],
  ] as const)('%s %j → %s', (field, n, words) => {
    const problem = countProblem(field, n);
    if (words === null) expect(problem).toBeNull();
    else expect(problem).toContain(words);
  });

  it('the count fields read typed text by the same rules', () => {
    expect(parseNumberInput('18,000', COUNT_SPECS.affectedUsers)).toEqual({
      ok: true,
      value: 18000,
    });
    expect(parseNumberInput('1e5', COUNT_SPECS.affectedRecords).ok).toBe(false);
  });
});
