import { RepoError } from '../../../shared/commands/refusal';
import {
  classifyStorageError,
  writeFailureMessage,
  type StorageFailure,
  type WriteContext,
} from '../../../shared/logic/storage-errors';

export { RepoError };
export {
  classifyStorageError,
  describeOpenError,
  RECOVERABLE,
  type StorageFailure,
  type WriteContext,
} from '../../../shared/logic/storage-errors';

type FailureListener = (failure: StorageFailure, error: unknown) => void;
const listeners = new Set<FailureListener>();

/**
 * Subscribes to storage failures seen by {@link describeWriteError} (every failed write the UI
 * reports passes through it), so the database can be reopened and retried (db/recovery.ts).
 * Returns the unsubscribe function.
 */
export function onStorageFailure(listener: FailureListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Tells the {@link onStorageFailure} listeners about a failed write that is the storage's doing
 * (for failures not shown through {@link describeWriteError}, such as a draft's). Returns the
 * classification, or null when the failure is not the storage's.
 */
export function reportStorageFailure(error: unknown): StorageFailure | null {
  const failure = classifyStorageError(error);
  if (failure) for (const l of listeners) l(failure, error);
  return failure;
}

/**
 * {@link writeFailureMessage}, and storage failures announced to the {@link onStorageFailure}
 * listeners (which start reopening the database); anything that is neither a refusal nor the
 * storage's doing goes to the console with its details.
 */
export function describeWriteError(error: unknown, context: WriteContext = 'typed'): string {
  if (error instanceof RepoError) return error.message;
  const failure = reportStorageFailure(error);
  if (!failure) console.error('Warroom: write failed', error);
  return writeFailureMessage(error, context);
}
