/** A command refused for a reason the user can act on; `field` names the input at fault. */
export class RepoError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RepoError';
  }
}

/** A message for any failure of a write, for showing next to the field that caused it. */
export function describeWriteError(error: unknown): string {
  if (error instanceof RepoError) return error.message;
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError' || /quota/i.test(String(error)))
    return 'Not saved: the disk or the browser storage quota is full. Your text is kept here.';
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError')
    return 'Not saved: the database is closed (another window may be upgrading it). Your text is kept here; try again.';
  return `Not saved: ${error instanceof Error ? error.message : String(error)}. Your text is kept here.`;
}
