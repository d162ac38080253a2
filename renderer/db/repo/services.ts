import type { WarroomDb } from '../schema';
import { newId } from '../../../shared/domain/ids';

/** Records services as used (creating catalog rows for new names); call inside a transaction. */
export async function touchServices(
  db: WarroomDb,
  names: readonly string[],
  now: number,
): Promise<void> {
  for (const name of names) {
    const existing = await db.services.where('name').equalsIgnoreCase(name).first();
    if (existing) await db.services.update(existing.id, { lastUsedAt: now });
    else
      await db.services.add({
        id: newId(),
        name,
        ownerTeam: '',
        sloTarget: null,
        sloWindowDays: 30,
        runbookId: null,
        lastUsedAt: now,
      });
  }
}
