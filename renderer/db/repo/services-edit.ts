import type { Service } from '../../../shared/domain/records';
import * as cmd from '../../../shared/commands/directory';
import { runCommand } from '../commit';
import type { WarroomDb } from '../schema';

export type { ServiceEditInput } from '../../../shared/commands/directory';

/**
 * Saves a service's owner, SLO and runbook: `input` holds the fields the user changed; the
 * others keep their values as stored now (not as the form opened with them). Refusals as
 * {@link cmd.updateService} (RepoError naming 'sloTarget', 'sloWindowDays' or 'runbookId', so
 * the form keeps the user's text). Not an incident command, so no timeline entry. Storage
 * failures as db/commit.ts.
 */
export function updateService(
  db: WarroomDb,
  id: string,
  input: Partial<cmd.ServiceEditInput>,
): Promise<Service> {
  return runCommand(db, ['services', 'runbooks'], async (read) => {
    const service = await read.services.get(id);
    // The fields the user did not change come from the row as stored now.
    const full = { ...(service ? cmd.serviceEditFields(service) : EMPTY_EDIT), ...input };
    const runbook = full.runbookId === null ? undefined : await read.runbooks.get(full.runbookId);
    return cmd.updateService(service, runbook, full);
  });
}

const EMPTY_EDIT: cmd.ServiceEditInput = {
  ownerTeam: '',
  sloTargetPercent: '',
  sloWindowDays: '30',
  runbookId: null,
};
