import * as cmd from '../../../shared/commands/directory';
import { runCommand } from '../commit';
import type { WarroomDb } from '../schema';

/**
 * Records services as used at `now` (ms, UTC), creating catalog rows for new names: see
 * {@link cmd.touchServices}. Reads the catalog and writes in one transaction. Commands that
 * gather their own change set call the pure {@link cmd.touchServices} with the rows they read.
 * Storage failures as db/commit.ts.
 */
export async function touchServices(
  db: WarroomDb,
  names: readonly string[],
  now: number,
): Promise<void> {
  if (names.length === 0) return;
  await runCommand(db, ['services'], async (read) => ({
    changes: cmd.touchServices(
      await read.services
        .where('name')
        .anyOfIgnoreCase([...names])
        .toArray(),
      names,
      now,
    ),
    result: undefined,
  }));
}
