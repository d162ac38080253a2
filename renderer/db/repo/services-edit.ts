import type { Service } from '../../../shared/domain/records';
import { parseSloTargetPercent, parseSloWindowDays } from '../../../shared/logic/slo';
import type { WarroomDb } from '../schema';
import { RepoError } from './errors';

/** What the service editor submits, as typed: the target as a percentage text ("99.95"). */
export interface ServiceEditInput {
  ownerTeam: string;
  /** Empty for "no SLO". */
  sloTargetPercent: string;
  sloWindowDays: string;
  runbookId: string | null;
}

/**
 * Saves a service's owner, SLO and runbook. Input is validated first and a RepoError names the
 * field at fault ('sloTarget', 'sloWindowDays', 'runbookId'), so the form keeps the user's text.
 * Not an incident command, so no timeline entry; `lastUsedAt` (suggestion order) is untouched.
 */
export async function updateService(
  db: WarroomDb,
  id: string,
  input: ServiceEditInput,
): Promise<Service> {
  let sloTarget: number | null = null;
  if (input.sloTargetPercent.trim()) {
    const parsed = parseSloTargetPercent(input.sloTargetPercent);
    if (!parsed.ok) throw new RepoError(parsed.error, 'sloTarget');
    sloTarget = parsed.value;
  }
  const window = parseSloWindowDays(input.sloWindowDays);
  if (!window.ok) throw new RepoError(window.error, 'sloWindowDays');
  return db.transaction('rw', db.services, db.runbooks, async () => {
    const before = await db.services.get(id);
    if (!before) throw new RepoError('This service no longer exists.');
    if (input.runbookId !== null && !(await db.runbooks.get(input.runbookId)))
      throw new RepoError('That runbook no longer exists.', 'runbookId');
    const after: Service = {
      ...before,
      ownerTeam: input.ownerTeam.trim(),
      sloTarget,
      sloWindowDays: window.value,
      runbookId: input.runbookId,
    };
    await db.services.put(after);
    return after;
  });
}
