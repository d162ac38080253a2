import { describe, expect, it, vi } from 'vitest';
import {
  classifyStorageError,
  describeOpenError,
  describeWriteError,
  onStorageFailure,
  RepoError,
  type StorageFailure,
} from './errors';

const dom = (name: string, message = '') => new DOMException(message, name);
/** Dexie wraps the native error as `inner`. */
const dexie = (name: string, inner: unknown) =>
  Object.assign(new Error(`${name} wrapping`), { name, inner });

describe('classifyStorageError', () => {
  it.each<[string, unknown, StorageFailure | null]>([
    [
      "Chromium's raw disk-full text (issue 12, entry 32)",
      dom('UnknownError', 'Internal error: FILE_ERROR_NO_SPACE'),
      'disk-full',
    ],
    ['ENOSPC from a file write', new Error('ENOSPC: no space left on device'), 'disk-full'],
    ['quota', dom('QuotaExceededError', 'The quota has been exceeded.'), 'quota'],
    ['quota wrapped by Dexie', dexie('AbortError', dom('QuotaExceededError')), 'quota'],
    ['Dexie closed', dexie('DatabaseClosedError', null), 'closed'],
    [
      'native connection closing',
      dom(
        'InvalidStateError',
        "Failed to execute 'transaction': The database connection is closing.",
      ),
      'closed',
    ],
    ['newer version', dom('VersionError', 'The requested version is less'), 'version'],
    [
      'blocked upgrade',
      Object.assign(new Error('Upgrade blocked'), { name: 'BlockedError' }),
      'blocked',
    ],
    ['other I/O', dom('UnknownError', 'Internal error opening backing store'), 'io'],
    ['unique index', dom('ConstraintError', 'Unable to add key to index'), 'constraint'],
    ['a bug is not the storage', new TypeError('x is undefined'), null],
    ['a refusal is not the storage', new RepoError('Give the incident a title.', 'title'), null],
  ])('%s', (_name, error, expected) => {
    expect(classifyStorageError(error)).toBe(expected);
  });
});

describe('describeWriteError', () => {
  it('never shows the raw FILE_ERROR_NO_SPACE text, and keeps the text', () => {
    const m = describeWriteError(dom('UnknownError', 'Internal error: FILE_ERROR_NO_SPACE'));
    expect(m).toBe(
      'Not saved: the disk is full. Free some space: Warroom keeps trying and saves again by itself. Your text is kept here.',
    );
  });

  it('a closed database no longer blames another window', () => {
    const m = describeWriteError(dexie('DatabaseClosedError', null));
    expect(m).toBe(
      'Not saved: the connection to the database was lost. Warroom is reopening it. Your text is kept here.',
    );
  });

  it.each([
    ['typed', 'Your text is kept here.'],
    ['action', 'Nothing was changed.'],
    ['import', 'Nothing was imported; the database is as it was.'],
    ['export', 'Nothing was written.'],
  ] as const)('in context %s it ends "%s"', (context, tail) => {
    expect(describeWriteError(dom('QuotaExceededError'), context).endsWith(tail)).toBe(true);
  });

  it('a RepoError is shown as it is; an unexpected error shows no internals', () => {
    expect(describeWriteError(new RepoError('Give the incident a title.'))).toBe(
      'Give the incident a title.',
    );
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(describeWriteError(new RangeError('Maximum call stack size exceeded'), 'import')).toBe(
      'Import failed: something unexpected went wrong. Nothing was imported; the database is as it was.',
    );
  });

  it('announces storage failures to listeners (which reopen the database), not refusals', () => {
    const seen: StorageFailure[] = [];
    const stop = onStorageFailure((f) => seen.push(f));
    describeWriteError(dexie('DatabaseClosedError', null));
    describeWriteError(new RepoError('no'));
    stop();
    describeWriteError(dom('QuotaExceededError'));
    expect(seen).toEqual(['closed']);
  });
});

describe('describeOpenError', () => {
  it.each([
    [dom('UnknownError', 'Internal error: FILE_ERROR_NO_SPACE'), 'the disk is full'],
    [
      dom('VersionError', 'The requested version (2) is less than the existing version (3).'),
      'a newer Warroom',
    ],
    [new Error('weird'), 'Close other Warroom windows'],
  ])('%s', (error, words) => {
    const m = describeOpenError(error);
    expect(m).toContain(words);
    expect(m).not.toMatch(/FILE_ERROR|requested version|weird/);
  });
});
