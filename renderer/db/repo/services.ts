import * as cmd from '../../../shared/commands/directory';
import { commit } from '../commit';
import type { WarroomDb } from '../schema';

/**
 * Records services as used at `now` (ms, UTC), creating catalog rows for new names: see
 * {@link cmd.touchServices}. Meant to run inside the command that names them (in an
 * inOneCommit, or a write transaction over `services`), so its read and its write are one;
 * commands that gather their own change set should call the pure {@link cmd.touchServices}
 * with the rows they read instead. Storage failures as db/commit.ts.
 */
export async function touchServices(
  db: WarroomDb,
  names: readonly string[],
  now: number,
): Promise<void> {
  if (names.length === 0) return;
  const known = await db.services
    .where('name')
    .anyOfIgnoreCase([...names])
    .toArray();
  await commit(db, cmd.touchServices(known, names, now));
}
