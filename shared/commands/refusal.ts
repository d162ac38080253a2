/**
 * A command refused for a reason the user can act on: `message` is shown beside the input named
 * by `field` (or in the form's error line when no field is at fault). Commands in shared/commands
 * throw it; the renderer shows it and keeps the user's text where it was. Its `name` stays
 * 'RepoError' (the name it had when commands lived in the repo), so stored error reports and
 * tests keep matching.
 */
export class RepoError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RepoError';
  }
}

/** Throws a {@link RepoError} naming `field` unless `ok`. */
export function refuseUnless(ok: boolean, message: string, field?: string): asserts ok {
  if (!ok) throw new RepoError(message, field);
}
