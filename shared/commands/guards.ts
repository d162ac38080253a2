import { RepoError } from './refusal';

/** The kinds of record a command can find gone (deleted in another window, or on another seat). */
export type RecordKind =
  | 'incident'
  | 'entry'
  | 'action item'
  | 'assignment'
  | 'hypothesis'
  | 'service'
  | 'runbook'
  | 'post-mortem';

/**
 * The one "does it still exist" check every command makes on the record it acts on: returns the
 * row, or throws RepoError "This <kind> no longer exists." (naming `field` when the record was
 * picked in a field, such as a runbook chosen for a service).
 */
export function existing<T>(row: T | null | undefined, kind: RecordKind, field?: string): T {
  if (row === undefined || row === null) {
    const which = field ? 'That' : 'This';
    throw new RepoError(`${which} ${kind} no longer exists.`, field);
  }
  return row;
}
