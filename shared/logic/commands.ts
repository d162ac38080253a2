import { formatCount, isBlankText, nameKey } from '../domain/text';
import { LIMITS } from '../domain/limits';
import { AUDIENCES, AUDIENCE_LABELS, type Audience } from '../domain/audience';
import { findDefaultRole, type RoleDefinition } from '../domain/roles';
import { parseSeverity, type Severity } from '../domain/severity';
import { STATUSES, parseStatus, type Status } from '../domain/status';
import { ENTRY_TEXT_MAX, type EntryKind } from '../domain/timeline';
import { ENTRY_USAGE, helpLines, usageFor } from './command-help';
import { takeBackdate, type BackdateChoices, type BackdateResult } from './backdate';
import { ownValue } from './own-value';

export { COMMAND_HELP, type CommandHelp } from './command-help';
export { MAX_BACKDATE_MS } from './backdate';

/** What the parser needs to know besides the text. */
export interface ParseContext {
  /** The shared clock, epoch ms. */
  now: number;
  /** Zone in which "@14:05" is read. */
  timeZone: 'utc' | 'local';
  /** Names of the user's own roles, accepted by /role alongside the defaults. */
  customRoles?: readonly string[];
  /**
   * The instant (epoch ms) the user chose from the `choices` of an earlier parse of the same
   * line: one of the two 01:30s of a fall-back night, or yesterday's instant of a time still to
   * come today. Ignored when it is not one the line's time can mean.
   */
  chosenAt?: number;
}

/** When the thing being logged happened: now, or earlier when backdated. */
interface When {
  occurredAt: number;
  backdated: boolean;
}

/** A timeline entry to write. */
export interface EntryCommand extends When {
  type: 'entry';
  kind: Extract<EntryKind, 'note' | 'action' | 'decision' | 'finding' | 'hypothesis'>;
  text: string;
  /** `todo:` — the caller also creates a tracked action item. */
  createActionItem: boolean;
  /** `h:` — the caller also opens a timeboxed hypothesis. */
  openHypothesis: boolean;
  /** `!` prefix: marked as a highlight, a key event of the post-mortem (absent when not). */
  highlight?: true;
}
export interface StatusCommand extends When {
  type: 'status';
  status: Status;
  /** Optional words after the status name ('' when none). */
  note: string;
}
export interface SeverityCommand extends When {
  type: 'severity';
  severity: Severity;
  reason: string;
}
export interface RoleCommand extends When {
  type: 'role';
  /** Default role key ('ic', 'tech', …), or for a custom role its name as given in ctx. */
  roleKey: string;
  roleName: string;
  custom: boolean;
  person: string;
}
export interface CommsCommand extends When {
  type: 'comms';
  audience: Audience;
  /** Optional summary of what was sent ('' when none). */
  text: string;
}
export interface PinCommand {
  type: 'pin';
}
export interface HelpResult {
  type: 'help';
  /** "usage — description" lines. */
  commands: string[];
}
export interface ParseError {
  type: 'error';
  message: string;
  usage: string;
  /**
   * A backdate time that does not name one sensible instant (it happened twice on a fall-back
   * night, or it is still to come today and yesterday's is far back): the instants to offer
   * next to the field, earliest first, each with its button's words; parse again with
   * `chosenAt` once the user picks one.
   */
  choices?: BackdateChoices;
}
export type ParseResult =
  | EntryCommand
  | StatusCommand
  | SeverityCommand
  | RoleCommand
  | CommsCommand
  | PinCommand
  | HelpResult
  | ParseError;

/** Longest person name a role command accepts. */
export const PERSON_NAME_MAX = LIMITS.name.max;

const PREFIXES: Readonly<Record<string, { kind: EntryCommand['kind']; todo?: true }>> = {
  a: { kind: 'action' },
  action: { kind: 'action' },
  d: { kind: 'decision' },
  decision: { kind: 'decision' },
  f: { kind: 'finding' },
  finding: { kind: 'finding' },
  h: { kind: 'hypothesis' },
  hypothesis: { kind: 'hypothesis' },
  n: { kind: 'note' },
  note: { kind: 'note' },
  todo: { kind: 'action', todo: true },
};
const PREFIX_RE = /^(todo|action|decision|finding|hypothesis|note|a|d|f|h|n):[ \t]*/i;
/** One leading "!" marks a highlight ("! d: fail over"); "!!" or "!=" stay text. */
const HIGHLIGHT_RE = /^!(?![!=])[ \t]*/;

/** Extra spellings of audiences accepted by /comms. */
const AUDIENCE_ALIASES: Readonly<Record<string, Audience>> = {
  eng: 'engineering',
  exec: 'executives',
  execs: 'executives',
  executive: 'executives',
  customer: 'customers',
  status: 'customers',
};

/** Extra role spellings on top of findDefaultRole's. */
const ROLE_ALIASES: Readonly<Record<string, string>> = {
  'comms lead': 'comms',
  communications: 'comms',
  technical: 'tech',
  expert: 'sme',
  'customer liaison': 'liaison',
};

function lookupRole(lower: string): RoleDefinition | undefined {
  return findDefaultRole(ownValue(ROLE_ALIASES, lower) ?? lower);
}

function fail(message: string, usage: string): ParseError {
  return { type: 'error', message, usage };
}

/** A backdate that cannot be used as it stands: its message, and the choices when ambiguous. */
function backdateFail(r: Extract<BackdateResult, { type: 'error' | 'ask' }>): ParseError {
  return r.type === 'ask'
    ? { ...fail(r.message, ENTRY_USAGE), choices: r.choices }
    : fail(r.message, ENTRY_USAGE);
}

function tooLong(what: string, text: string, usage: string): ParseError | null {
  if (text.length <= ENTRY_TEXT_MAX) return null;
  return fail(
    `${what} is ${formatCount(text.length)} characters; the limit is ${formatCount(ENTRY_TEXT_MAX)}. Shorten it, or log the excerpt that matters.`,
    usage,
  );
}

/**
 * Parses one line typed into the timeline's log field: plain text, a kind prefix (`a:`, `d:`,
 * `f:`, `h:`, `todo:`, `n:`), an optional `!` that marks the entry as a highlight (a key event
 * of the post-mortem, e.g. `! d: fail over to the replica`), an optional backdate (`@14:05`, `-3m`) before or after the prefix,
 * or a slash command. Never throws: anything it cannot use comes back as `{ type: 'error' }`
 * with the usage to show, so the field can keep the user's text.
 */
export function parseLogLine(input: string, ctx: ParseContext): ParseResult {
  let rest = input.trim();
  if (isBlankText(rest)) return fail('Nothing to log: type an entry or a command.', ENTRY_USAGE);

  let when: When = { occurredAt: ctx.now, backdated: false };
  let timed = false;
  let highlight = false;
  const takeBang = (): void => {
    const bang = HIGHLIGHT_RE.exec(rest);
    if (!bang || highlight) return;
    highlight = true;
    rest = rest.slice(bang[0].length);
  };
  takeBang();
  const lead = takeBackdate(rest, ctx.now, ctx.timeZone, ctx.chosenAt);
  if (lead.type === 'error' || lead.type === 'ask') return backdateFail(lead);
  if (lead.type === 'ok') {
    when = { occurredAt: lead.at, backdated: lead.at < ctx.now };
    timed = true;
    rest = lead.rest;
  }
  takeBang();

  if (rest.startsWith('/')) {
    if (highlight)
      return fail(
        '"!" marks an entry as a highlight; commands are key events already. Remove the "!".',
        ENTRY_USAGE,
      );
    return parseCommand(rest, when, timed, ctx);
  }

  let kind: EntryCommand['kind'] = 'note';
  let todo = false;
  const prefix = PREFIX_RE.exec(rest);
  if (prefix) {
    const spec = ownValue(PREFIXES, (prefix[1] ?? '').toLowerCase());
    kind = spec?.kind ?? 'note';
    todo = spec?.todo === true;
    rest = rest.slice(prefix[0].length);
    const after = takeBackdate(rest, ctx.now, ctx.timeZone, ctx.chosenAt);
    if (after.type === 'error' || after.type === 'ask') return backdateFail(after);
    if (after.type === 'ok') {
      if (timed) return fail('Give the time once, before or after the prefix.', ENTRY_USAGE);
      when = { occurredAt: after.at, backdated: after.at < ctx.now };
      rest = after.rest;
    }
  }

  const text = rest.trim();
  if (isBlankText(text)) {
    const label = prefix ? `"${prefix[1] ?? ''}:"` : 'the time';
    return fail(`Add the text to log after ${label}.`, ENTRY_USAGE);
  }
  const long = tooLong('The entry', text, ENTRY_USAGE);
  if (long) return long;
  return {
    type: 'entry',
    kind,
    text,
    ...when,
    createActionItem: todo,
    openHypothesis: kind === 'hypothesis',
    ...(highlight ? { highlight: true as const } : {}),
  };
}

function parseCommand(line: string, when: When, timed: boolean, ctx: ParseContext): ParseResult {
  const m = /^\/(\S*)\s*([\s\S]*)$/.exec(line);
  const name = (m?.[1] ?? '').toLowerCase();
  const args = (m?.[2] ?? '').trim();
  switch (name) {
    case 'status':
      return parseStatusCommand(args, when);
    case 'sev':
    case 'severity':
      return parseSeverityCommand(args, when);
    case 'ic':
      return roleResult('ic', 'Incident Commander', false, args, when, usageFor('/ic'));
    case 'role':
      return parseRoleCommand(args, when, ctx.customRoles ?? []);
    case 'comms':
      return parseCommsCommand(args, when);
    case 'pin':
      if (timed)
        return fail('/pin cannot be backdated: it pins the latest entry.', usageFor('/pin'));
      if (args) return fail('/pin takes no arguments: it pins the latest entry.', usageFor('/pin'));
      return { type: 'pin' };
    case 'help':
    case '?':
      return { type: 'help', commands: helpLines(args) };
    default: {
      const shown = `/${name}`.slice(0, 40);
      return fail(
        `Unknown command "${shown}". To log text that starts with "/", begin the line with "n:".`,
        helpLines('').join('\n'),
      );
    }
  }
}

function parseStatusCommand(args: string, when: When): ParseResult {
  const usage = usageFor('/status');
  const valid = STATUSES.join(', ');
  if (!args) return fail(`Which status? Choose one of: ${valid}.`, usage);
  const word = args.split(/\s+/)[0] ?? '';
  const status = parseStatus(word);
  if (!status)
    return fail(`"${word.slice(0, 40)}" is not a status. Choose one of: ${valid}.`, usage);
  const note = args.slice(word.length).trim();
  return tooLong('The note', note, usage) ?? { type: 'status', status, note, ...when };
}

function parseSeverityCommand(args: string, when: When): ParseResult {
  const usage = usageFor('/sev');
  const m = /^((?:sev\s*-?\s*)?[1-4])(?:\s+|$)([\s\S]*)$/i.exec(args);
  const severity = m ? parseSeverity(m[1] ?? '') : null;
  if (!m || !severity) return fail('Give the new severity as 1–4 (or SEV1–SEV4).', usage);
  const reason = (m[2] ?? '').trim();
  if (!reason) return fail(`Say why: a severity change is recorded with its reason.`, usage);
  return tooLong('The reason', reason, usage) ?? { type: 'severity', severity, reason, ...when };
}

function parseRoleCommand(args: string, when: When, customRoles: readonly string[]): ParseResult {
  const usage = usageFor('/role');
  const words = args.split(/\s+/).filter(Boolean);
  // Longest role-name prefix wins, so "technical lead Dana" is the Technical Lead, not "technical".
  // Only as many words as the longest role name are tried, which keeps a pasted essay linear.
  const longest = Math.max(3, ...customRoles.map((r) => r.trim().split(/\s+/).length));
  for (let n = Math.min(words.length - 1, longest); n >= 1; n -= 1) {
    const candidate = words.slice(0, n).join(' ');
    const lower = candidate.toLowerCase();
    const found = lookupRole(lower);
    const person = words.slice(n).join(' ');
    if (found) return roleResult(found.key, found.name, false, person, when, usage);
    const custom = customRoles.find((r) => nameKey(r) === nameKey(candidate));
    if (custom) return roleResult(custom, custom.trim(), true, person, when, usage);
  }
  if (words.length === 0)
    return fail('Give the role and the person, e.g. /role scribe Sam.', usage);
  const only = words.length === 1 ? lookupRole((words[0] ?? '').toLowerCase()) : undefined;
  if (only) return fail(`Who is the ${only.name}? Add their name.`, usage);
  const names = ['ic', 'comms', 'tech', 'scribe', 'deputy', 'sme', 'liaison', ...customRoles];
  return fail(`Unknown role. Roles: ${names.join(', ')}.`, usage);
}

function roleResult(
  roleKey: string,
  roleName: string,
  custom: boolean,
  person: string,
  when: When,
  usage: string,
): ParseResult {
  const name = person.trim().replace(/\s+/g, ' ');
  if (!name) return fail(`Who is the ${roleName}? Add their name.`, usage);
  if (name.length > PERSON_NAME_MAX)
    return fail(`A name is at most ${PERSON_NAME_MAX} characters.`, usage);
  return { type: 'role', roleKey, roleName, custom, person: name, ...when };
}

function parseCommsCommand(args: string, when: When): ParseResult {
  const usage = usageFor('/comms');
  const word = args.split(/\s+/)[0] ?? '';
  const lower = word.toLowerCase();
  const audience =
    AUDIENCES.find((a) => a === lower || AUDIENCE_LABELS[a].toLowerCase() === lower) ??
    ownValue(AUDIENCE_ALIASES, lower);
  if (!audience) return fail(`Which audience? Choose one of: ${AUDIENCES.join(', ')}.`, usage);
  const text = args.slice(word.length).trim();
  return tooLong('The summary', text, usage) ?? { type: 'comms', audience, text, ...when };
}
