/**
 * Numbers typed by a person, one reader for every numeric field (users affected, settings,
 * timebox extensions, post-mortem counts): the same text is accepted or refused the same way
 * everywhere, and a refusal says in plain words what to type instead.
 *
 * Accepted: digits with an optional decimal part ("90", "1.5", ".5"), and thousands grouped by
 * commas ("12,000", "1,234,567.5"), spaces or underscores, one separator throughout. Refused: exponents ("1e9"), "Infinity", "NaN", hex, signs
 * other than a leading minus (which is then out of range), badly grouped commas ("1,2,3"),
 * decimals where a whole number is asked for, and anything outside the field's range. The typed
 * text is never changed by the reader; forms keep it on screen beside the message.
 */
import type { UsersAffected } from '../domain/incident';
import { formatCount } from '../domain/text';

/** What a field accepts. */
export interface NumberSpec {
  /** Smallest accepted value (inclusive). */
  min: number;
  /** Largest accepted value (inclusive). */
  max: number;
  /** Only whole numbers. */
  integer: boolean;
  /** The unit in words, plural: "users", "minutes". */
  unit: string;
  /** How the range reads after "from min to max", e.g. " (24 hours)"; optional. */
  maxNote?: string;
}

/** Why a text was refused. */
export type NumberProblem = 'empty' | 'not-a-number' | 'not-whole' | 'out-of-range';

export type NumberParse =
  { ok: true; value: number } | { ok: false; error: string; problem: NumberProblem };

const PLAIN = /^(?:\d+(?:\.\d+)?|\.\d+)$/;
/** Thousands grouped by one separator throughout: comma, space, no-break spaces or underscore. */
const GROUPED = /^\d{1,3}([, \u00a0\u202f_])\d{3}(?:\1\d{3})*(?:\.\d+)?$/;
/** Longest text read as a number: longer is refused before any conversion. */
const MAX_CHARS = 40;

function plainNumber(n: number, integer: boolean): string {
  return integer ? formatCount(n) : n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** "a whole number of minutes from 1 to 1,440 (24 hours)": what a field asks for. */
export function describeRange(spec: NumberSpec): string {
  const kind = spec.integer ? 'a whole number of' : 'a number of';
  return (
    `${kind} ${spec.unit} from ${plainNumber(spec.min, spec.integer)} to ` +
    `${plainNumber(spec.max, spec.integer)}${spec.maxNote ?? ''}`
  );
}

const PROBLEM_WORDS: Readonly<Record<Exclude<NumberProblem, 'empty'>, string>> = {
  'not-a-number': 'is not a number',
  'not-whole': 'is not a whole number',
  'out-of-range': 'is out of range',
};

function quoted(text: string): string {
  return text.length > 24 ? `"${text.slice(0, 24)}…"` : `"${text}"`;
}

/**
 * Reads `text` as a number for a field described by `spec`. Empty text is refused too (a field
 * that may be left empty checks for that first). Returns the value or a message in words.
 */
export function parseNumberInput(text: string, spec: NumberSpec): NumberParse {
  const t = text.trim();
  const ask = `Enter ${describeRange(spec)}.`;
  const refuse = (problem: NumberProblem): NumberParse => ({
    ok: false,
    problem,
    error: problem === 'empty' ? ask : `${quoted(t)} ${PROBLEM_WORDS[problem]}. ${ask}`,
  });
  if (!t) return refuse('empty');
  const negative = /^[-−]/.test(t);
  const body = negative ? t.slice(1).trim() : t;
  const digits =
    body.length <= MAX_CHARS && (PLAIN.test(body) || GROUPED.test(body))
      ? body.replace(/[, \u00a0\u202f_]/g, '')
      : null;
  if (digits === null) return refuse('not-a-number');
  const value = (negative ? -1 : 1) * Number(digits);
  if (!Number.isFinite(value)) return refuse('not-a-number');
  if (spec.integer && !Number.isInteger(value)) return refuse('not-whole');
  if (value < spec.min || value > spec.max) return refuse('out-of-range');
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * The most users an incident can affect, as a head count: 10 billion. The UN's World Population
 * Prospects 2024 puts the world's population at about 8.2 billion in 2025, peaking near 10.3
 * billion in the 2080s; a head count above 10 billion is a typo (an extra digit or two), never
 * a real figure, and it would print as an absurd "100,000,000,000,000,000,000,000 users".
 */
export const MAX_USERS_AFFECTED = 10_000_000_000;

/** A head count of users: whole, 0 to {@link MAX_USERS_AFFECTED}. */
export const USERS_SPEC: NumberSpec = {
  min: 0,
  max: MAX_USERS_AFFECTED,
  integer: true,
  unit: 'users',
  maxNote: ' (10 billion, more than the world population)',
};

/** A share of users in percent: 0 to 100, decimals allowed. */
export const PERCENT_SPEC: NumberSpec = {
  min: 0,
  max: 100,
  integer: false,
  unit: 'percent',
};

/**
 * Reads the Users affected field with its unit. Empty text is "not known" (value null). A
 * trailing % sign ("50%", "50 %") always means a share of users, whatever the unit select says:
 * someone who types a percent sign under pressure means a percentage, and refusing it would cost
 * them a second try for no gain. The result's unit is then 'percent', and the form shows the
 * unit switched, so nothing changes silently. Head counts are whole numbers up to
 * {@link MAX_USERS_AFFECTED}; shares are 0–100.
 */
export function parseUsersAffected(
  text: string,
  unit: UsersAffected['unit'],
): { ok: true; value: UsersAffected | null } | { ok: false; error: string } {
  const t = text.trim();
  if (!t) return { ok: true, value: null };
  const percentSign = /%$/.test(t);
  const asUnit = percentSign ? 'percent' : unit;
  const body = percentSign ? t.slice(0, -1).trim() : t;
  const parsed = parseNumberInput(body, asUnit === 'percent' ? PERCENT_SPEC : USERS_SPEC);
  if (!parsed.ok) {
    const ask =
      asUnit === 'percent'
        ? 'Enter a share of users from 0 to 100 (%), or leave it empty.'
        : `Enter ${describeRange(USERS_SPEC)}, or a share such as 12%, or leave it empty.`;
    const why =
      parsed.problem === 'empty'
        ? 'A % sign alone is not a share.'
        : `${quoted(t)} ${PROBLEM_WORDS[parsed.problem]}.`;
    return { ok: false, error: `${why} ${ask}` };
  }
  return { ok: true, value: { value: parsed.value, unit: asUnit } };
}

/**
 * Why a stored Users affected cannot be saved, or null: the same rules as
 * {@link parseUsersAffected}, for commands that receive a value (another seat, a test).
 */
export function usersAffectedProblem(u: UsersAffected): string | null {
  const spec = u.unit === 'percent' ? PERCENT_SPEC : USERS_SPEC;
  if (!Number.isFinite(u.value)) return 'Users affected must be a number.';
  if (spec.integer && !Number.isInteger(u.value))
    return 'A number of users is a whole number (for a share, choose % of users).';
  if (u.value < spec.min) return 'Users affected cannot be below 0.';
  if (u.value > spec.max)
    return u.unit === 'percent'
      ? 'A share of users cannot exceed 100%.'
      : `Users affected can be at most ${formatCount(MAX_USERS_AFFECTED)} (more than the world population).`;
  return null;
}

/**
 * The most records a post-mortem may count as affected: 10^15, the 15 digits the field always
 * allowed, and below 2^53 so every count is stored exactly.
 */
export const MAX_RECORDS_AFFECTED = 1e15;

/** The post-mortem's counts: Affected users (count) and Affected records. */
export const COUNT_SPECS = {
  affectedUsers: USERS_SPEC,
  affectedRecords: {
    min: 0,
    max: MAX_RECORDS_AFFECTED,
    integer: true,
    unit: 'records',
  },
} as const satisfies Record<string, NumberSpec>;

/** Why a post-mortem count cannot be saved, or null (null and undefined are "not known"). */
export function countProblem(
  field: keyof typeof COUNT_SPECS,
  n: number | null | undefined,
): string | null {
  if (n === null || n === undefined) return null;
  const spec = COUNT_SPECS[field];
  return Number.isInteger(n) && n >= spec.min && n <= spec.max
    ? null
    : `Give ${describeRange(spec)}.`;
}
