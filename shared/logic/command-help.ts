/** One line of the log field's help, for /help and the UI's command hint list. */
export interface CommandHelp {
  /** What the user types first: "/status", "a:", "@14:05". */
  command: string;
  usage: string;
  description: string;
}

/** Every command, prefix and time form the log field understands, in the order help shows them. */
export const COMMAND_HELP: readonly CommandHelp[] = [
  {
    command: '/status',
    usage: '/status <investigating|identified|mitigating|monitoring|resolved> [note]',
    description:
      'Set the incident status. With identified, the note is the cause found (the Current understanding); resolved needs a one-line resolution.',
  },
  {
    command: '/sev',
    usage: '/sev <1-4> <reason>',
    description: 'Change the severity (1, sev1 or SEV1); the reason is required and recorded.',
  },
  {
    command: '/ic',
    usage: '/ic <name>',
    description: 'Hand the Incident Commander role to <name>.',
  },
  {
    command: '/role',
    usage: '/role <role> <name>',
    description: 'Assign a role, e.g. /role scribe Sam or /role technical lead Dana.',
  },
  {
    command: '/comms',
    usage: '/comms <engineering|executives|customers> [summary]',
    description: "Log that an update was sent; restarts that audience's countdown.",
  },
  {
    command: '/pin',
    usage: '/pin',
    description: 'Pin the latest entry to the post-mortem timeline.',
  },
  { command: '/help', usage: '/help [command]', description: 'Show these commands.' },
  { command: 'a:', usage: 'a: <text>', description: 'Log an action.' },
  { command: 'd:', usage: 'd: <text>', description: 'Log a decision.' },
  { command: 'f:', usage: 'f: <text>', description: 'Log a finding.' },
  {
    command: 'h:',
    usage: 'h: <text>',
    description: 'Log a hypothesis and start its timebox (15 minutes by default).',
  },
  {
    command: 'todo:',
    usage: 'todo: <text>',
    description: 'Log an action and track it as an action item.',
  },
  { command: 'n:', usage: 'n: <text>', description: 'Log a note (the default for plain text).' },
  {
    command: '!',
    usage: '! <entry>, e.g. ! d: fail over to the replica',
    description: "Mark the entry as a highlight: it goes into the post-mortem's timeline.",
  },
  {
    command: '@14:05',
    usage: '@14:05 <text> or @14:05:30 <text>',
    description:
      'Backdate to that time today; yesterday if it is still to come (asked first when that is over 12 hours back).',
  },
  {
    command: '-3m',
    usage: '-3m <text> (also -90s, -1h, -1h30m)',
    description: 'Backdate by that long.',
  },
];

/** Usage shown with errors about plain entries, prefixes and times. */
export const ENTRY_USAGE =
  'Type text to log a note. Prefixes: a: action, d: decision, f: finding, h: hypothesis, todo: action item. ' +
  'Start with ! to mark a highlight. Backdate with @14:05 or -3m. Type /help for commands.';

function line(c: CommandHelp): string {
  return `${c.usage} — ${c.description}`;
}

/** The usage line of one command (e.g. "/sev"), for its error messages. */
export function usageFor(command: string): string {
  const found = COMMAND_HELP.find((c) => c.command === command);
  return found ? line(found) : ENTRY_USAGE;
}

/**
 * Help lines: all of them, or just the one asked about ("/help sev", "/help /sev", "/help h:").
 * An unknown topic shows everything rather than nothing.
 */
export function helpLines(topic: string): string[] {
  const t = topic.trim().toLowerCase();
  if (t) {
    const one = COMMAND_HELP.filter(
      (c) => c.command === t || c.command === `/${t}` || c.command === `${t}:`,
    );
    if (one.length > 0) return one.map(line);
  }
  return COMMAND_HELP.map(line);
}
