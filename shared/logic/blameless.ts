/**
 * Blameless-language check for post-mortems and updates. It flags sentences that put a person
 * at the centre of a failure ("Alice forgot to…", "caused by @bob", "Bob's mistake", "human
 * error") and suggests a system framing instead.
 *
 * Who counts as a person: names from the people directory (full name, or the first name when
 * written capitalised), any @handle, and generic stand-ins ("the engineer", "someone", "the
 * on-call"). Pronouns are deliberately not actors: "it" and "they" usually mean a system, and
 * flagging them would bury the real findings. A person merely doing something ("Alice restarted
 * the service") is never flagged; nor is a system failing ("The cache caused the outage").
 */
import type { DirectoryPerson } from './internal-data';

/** One sentence that reads as blaming a person. */
export interface BlamelessFinding {
  /** The whole sentence, trimmed. */
  sentence: string;
  /** The words that read as blame, from the person to the trigger (or the reverse). */
  match: string;
  /** The blame word or phrase that triggered the finding, as written. */
  trigger: string;
  /** A system-focused rewrite prompt. */
  suggestion: string;
  /** UTF-16 offset of `match` in the text. */
  index: number;
}

/** Blame words; "failed to" (not "failed": "Alice failed over the DB" is an action). */
const TRIGGERS = [
  'caused',
  'causes',
  'broke',
  'broken',
  'forgot',
  'forgotten',
  'should have',
  "should've",
  "shouldn't have",
  'failed to',
  'fault',
  'mistake',
  'mistakenly',
  "didn't",
  'did not',
  'neglected',
  'careless',
  'carelessly',
  'overlooked',
  'messed up',
  'screwed up',
  'human error',
];

const GENERIC_ACTORS = [
  'the engineer',
  'an engineer',
  'the on-call engineer',
  'the on-call',
  'the oncall',
  'the developer',
  'a developer',
  'the operator',
  'the intern',
  'someone',
  'somebody',
];

const SUGGESTIONS: readonly [RegExp, string][] = [
  [
    /forg|neglect|should|didn|did not|failed to|overlook/i,
    "Name the safeguard that was missing rather than the person: what would have made this step impossible to skip? e.g. 'Our deploy checklist did not include a config validation step.'",
  ],
  [
    /caus|broke|messed|screwed/i,
    "Describe the change and the gap that let it through: what in the system allowed this? e.g. 'A config change reached production without a canary stage.'",
  ],
  [
    /./,
    "Replace the judgement with the condition that made the slip likely: e.g. 'The runbook step was ambiguous and the command had no confirmation prompt.'",
  ],
];

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function phrase(words: string): string {
  return escapeRegExp(words).replace(/\s+/g, '\\s+').replace(/'/g, "['’]");
}

interface Actors {
  pattern: string;
  /** Lower-cased first names that count only when written with a capital. */
  firstNames: Set<string>;
}

function actorPattern(people: readonly DirectoryPerson[]): Actors {
  const firstNames = new Set<string>();
  const names = people.flatMap((p) => {
    const full = p.name.trim();
    const first = full.split(/\s+/)[0] ?? '';
    const out = full ? [phrase(full)] : [];
    if (first.length >= 2 && first !== full) {
      firstNames.add(first.toLowerCase());
      out.push(phrase(first));
    }
    return out;
  });
  const handle = '@[a-z0-9][\\w.-]*\\w|@[a-z0-9]';
  // Longest alternatives first, so "Alice Chen" wins over "Alice".
  const alternatives = [...names, ...GENERIC_ACTORS.map(phrase)].sort(
    (a, b) => b.length - a.length,
  );
  return {
    pattern: `(?<![\\p{L}\\p{N}_@])(?:${[...alternatives, handle].join('|')})(?![\\p{L}\\p{N}_])`,
    firstNames,
  };
}

const TRIGGER = `(?:${TRIGGERS.map(phrase).join('|')})`;
const WORD_GAP = "(?:[\\s,]+[\\p{L}\\p{N}'’-]+){0,3}?[\\s,]+";

/** Sentences with their offsets; a line break also ends a sentence (list items, table cells). */
function sentences(text: string): { text: string; index: number }[] {
  return [...text.matchAll(/[^.!?\n]+(?:[.!?]+|$)/gmu)]
    .map((m) => ({ text: m[0], index: m.index }))
    .filter((s) => s.text.trim().length > 0);
}

function suggestionFor(trigger: string): string {
  return SUGGESTIONS.find(([re]) => re.test(trigger))?.[1] ?? '';
}

/**
 * Checks text for blame-framed sentences. Patterns: a person followed within three words by a
 * blame word ("Alice accidentally broke"); a blame word then "by" and a person ("caused by
 * @bob"); a person's fault/mistake/error ("Bob's mistake"); and "human error" on its own.
 */
export function checkBlameless(
  text: string,
  options: { people: readonly DirectoryPerson[] },
): BlamelessFinding[] {
  const { pattern: actor, firstNames } = actorPattern(options.people);
  const patterns = [
    `(?<actor>${actor})${WORD_GAP}(?<trigger>${TRIGGER})(?!\\p{L})`,
    `(?<trigger>${TRIGGER})\\s+by\\s+(?<actor>${actor})`,
    `(?<actor>${actor})['’]s\\s+(?<trigger>fault|mistake|error|negligence|carelessness|oversight)(?!\\p{L})`,
    `(?<!\\p{L})(?<trigger>human\\s+error)(?!\\p{L})`,
  ].map((p) => new RegExp(p, 'giu'));
  // A first name alone counts only when capitalised, so "will" or "may" never match.
  const isActor = (a: string | undefined): boolean =>
    a === undefined || !firstNames.has(a.toLowerCase()) || /^\p{Lu}/u.test(a);
  const findings: BlamelessFinding[] = [];
  for (const s of sentences(text)) {
    const hit = patterns
      .flatMap((re) => [...s.text.matchAll(re)])
      .filter((m) => m.groups?.trigger && isActor(m.groups.actor))
      .sort((a, b) => a.index - b.index)[0];
    const trigger = hit?.groups?.trigger;
    if (!hit || !trigger) continue;
    findings.push({
      sentence: s.text.trim(),
      match: hit[0],
      trigger,
      suggestion: suggestionFor(trigger),
      index: s.index + hit.index,
    });
  }
  return findings;
}
