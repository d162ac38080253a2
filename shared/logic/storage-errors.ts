import { RepoError } from '../commands/refusal';

/**
 * Storage failures in the user's words: what the browser's IndexedDB errors mean, and the
 * message shown where a write failed (issue 12: never a raw `FILE_ERROR_NO_SPACE` or
 * `ConstraintError`). Pure: it reads an error's name and message, nothing else.
 */

/**
 * Why the storage refused a write, as far as the user is concerned:
 * - `disk-full`: the disk has no space (Chromium's `FILE_ERROR_NO_SPACE`, ENOSPC);
 * - `quota`: the browser's storage quota for the app is used up (`QuotaExceededError`);
 * - `closed`: the connection is gone (Dexie's `DatabaseClosedError`, IndexedDB's
 *   `InvalidStateError` "The database connection is closing", a connection the browser closed
 *   after an I/O error);
 * - `blocked`: another window holds the database while it is being upgraded;
 * - `version`: a newer Warroom upgraded the database under this window;
 * - `io`: the disk refused the write for another reason (`UnknownError`, backing store errors);
 * - `constraint`: a unique key (a name, an incident reference) is already used.
 */
export type StorageFailure =
  'disk-full' | 'quota' | 'closed' | 'blocked' | 'version' | 'io' | 'constraint';

/** Failures that go away by themselves or once space is freed: worth reopening and retrying. */
export const RECOVERABLE: ReadonlySet<StorageFailure> = new Set([
  'disk-full',
  'quota',
  'closed',
  'blocked',
  'io',
]);

/** The error and the errors it wraps (Dexie's `inner`, `cause`), outermost first. */
function chain(error: unknown): { name: string; message: string }[] {
  const out: { name: string; message: string }[] = [];
  let e: unknown = error;
  for (let i = 0; i < 5 && e; i++) {
    if (typeof e === 'string') {
      out.push({ name: '', message: e });
      break;
    }
    if (typeof e !== 'object') {
      break;
    }
    const o = e as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown };
    out.push({
      name: typeof o.name === 'string' ? o.name : '',
      message: typeof o.message === 'string' ? o.message : '',
    });
    e = o.inner ?? o.cause;
  }
  return out;
}

/**
 * Classifies a failed write (see {@link StorageFailure}); null for anything that is not the
 * storage's doing (a bug, a refusal of the command itself). Reads the error's name and message
 * and those of the errors it wraps. Pure.
 */
export function classifyStorageError(error: unknown): StorageFailure | null {
  if (error instanceof RepoError) return null;
  const links = chain(error);
  const any = (test: (l: { name: string; message: string }) => boolean) => links.some(test);
  if (any((l) => /FILE_ERROR_NO_SPACE|ENOSPC|no space left|disk (is )?full/i.test(l.message)))
    return 'disk-full';
  if (any((l) => l.name === 'QuotaExceededError' || /quota/i.test(l.message))) return 'quota';
  if (any((l) => l.name === 'VersionError')) return 'version';
  if (any((l) => /blocked/i.test(l.name) || /upgrade.*blocked|blocked.*upgrad/i.test(l.message)))
    return 'blocked';
  if (
    any(
      (l) =>
        l.name === 'DatabaseClosedError' ||
        l.name === 'InvalidStateError' ||
        /connection (is )?clos|database (has been |is )?closed/i.test(l.message),
    )
  )
    return 'closed';
  if (any((l) => l.name === 'ConstraintError')) return 'constraint';
  if (
    any((l) => l.name === 'UnknownError' || /I\/O error|backing store|FILE_ERROR/i.test(l.message))
  )
    return 'io';
  return null;
}

const REASONS: Readonly<Record<StorageFailure, string>> = {
  'disk-full': 'the disk is full. Free some space: Warroom keeps trying and saves again by itself.',
  quota:
    "the browser's storage for Warroom is full. Free some disk space: Warroom keeps trying and saves again by itself.",
  closed: 'the connection to the database was lost. Warroom is reopening it.',
  blocked:
    'another Warroom window is upgrading the database. Close the other Warroom windows: Warroom keeps trying.',
  version:
    'a newer Warroom has upgraded the database. Copy what you typed, then reload this window.',
  io: 'the disk refused the write. Warroom keeps trying and saves again by itself.',
  constraint: 'it clashes with a record already there (the same name or reference).',
};

/**
 * Where a write failed, which decides what the message promises:
 * - `typed`: a form or field; what the user typed stays in it ("Your text is kept here.");
 * - `action`: a button or a choice (status, a timer, a role): nothing changed;
 * - `import`: a backup import: nothing was imported, the database is as it was;
 * - `export`: an export or a backup file: nothing was written.
 */
export type WriteContext = 'typed' | 'action' | 'import' | 'export';

const LEADS: Readonly<Record<WriteContext, string>> = {
  typed: 'Not saved',
  action: 'Not saved',
  import: 'Import failed',
  export: 'Export failed',
};
const TAILS: Readonly<Record<WriteContext, string>> = {
  typed: 'Your text is kept here.',
  action: 'Nothing was changed.',
  import: 'Nothing was imported; the database is as it was.',
  export: 'Nothing was written.',
};

/**
 * The message for a failed write, for showing where it happened: a RepoError's own message as
 * it is; a storage failure's plain reason with what to do; anything else "something unexpected
 * went wrong". The ending depends on `context` (an import never says "Your text is kept here").
 */
export function writeFailureMessage(error: unknown, context: WriteContext = 'typed'): string {
  if (error instanceof RepoError) return error.message;
  const failure = classifyStorageError(error);
  const reason = failure ? REASONS[failure] : 'something unexpected went wrong.';
  return `${LEADS[context]}: ${reason} ${TAILS[context]}`;
}

/**
 * Why the database could not be opened at start-up, in plain words with what to do (never the
 * browser's raw text, which goes to the console). Pure.
 */
export function describeOpenError(error: unknown): string {
  switch (classifyStorageError(error)) {
    case 'disk-full':
    case 'quota':
      return 'Warroom could not open its database: the disk is full. Free some space, then press Try again.';
    case 'version':
      return 'Warroom could not open its database: a newer Warroom has upgraded it. Use the newer version of Warroom.';
    case 'blocked':
      return 'Warroom could not open its database: another Warroom window is upgrading it. Close the other Warroom windows, then press Try again.';
    default:
      return 'Warroom could not open its database. Close other Warroom windows, then press Try again.';
  }
}
