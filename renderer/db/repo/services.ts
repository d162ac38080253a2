import * as cmd from '../../../shared/commands/directory';
import type { Service } from '../../../shared/domain/records';
import { nameKey } from '../../../shared/domain/text';
import type { ReadonlyDb } from '../read-view';
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
    changes: cmd.touchServices(await servicesNamed(read, names), names, now),
    result: undefined,
  }));
}

/**
 * The catalog rows named by any of `names`, compared by `nameKey` (NFKC, trimmed, inner white
 * space collapsed, any case), which the name index cannot answer ("Ｃheckout API" and
 * "checkout  api" are one service): the catalog (one row per service, a few hundred at most) is
 * read whole and filtered. [] for no names.
 */
export async function servicesNamed(
  read: ReadonlyDb,
  names: readonly string[],
): Promise<Service[]> {
  const keys = new Set(names.map(nameKey).filter(Boolean));
  if (!keys.size) return [];
  return (await read.services.toArray()).filter((s) => keys.has(nameKey(s.name)));
}
