import type { Service } from '../../../shared/domain/records';
import * as cmd from '../../../shared/commands/directory';
import { runCommand } from '../commit';
import type { WarroomDb } from '../schema';

export type { ServiceEditInput } from '../../../shared/commands/directory';

/**
 * Saves a service's owner, SLO and runbook: see {@link cmd.updateService} for the refusals
 * (RepoError naming 'sloTarget', 'sloWindowDays' or 'runbookId', so the form keeps the user's
 * text). Not an incident command, so no timeline entry. Storage failures as db/commit.ts.
 */
export function updateService(
  db: WarroomDb,
  id: string,
  input: cmd.ServiceEditInput,
): Promise<Service> {
  return runCommand(db, ['services', 'runbooks'], async (read) => {
    const [service, runbook] = await Promise.all([
      read.services.get(id),
      input.runbookId === null ? undefined : read.runbooks.get(input.runbookId),
    ]);
    return cmd.updateService(service, runbook, input);
  });
}
