import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WarroomDb } from '../schema';
import { freshDb } from '../test-db';
import { servicesNamed, touchServices } from './services';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

describe('touchServices', () => {
  it('keeps one catalog row per service by nameKey, with its first spelling', async () => {
    await touchServices(db, ['Checkout API'], 10);
    await touchServices(db, ['Checkout  API', '\uff23heckout API', 'CHECKOUT API'], 20);
    const rows = await db.services.toArray();
    expect(rows.map((s) => [s.name, s.lastUsedAt])).toEqual([['Checkout API', 20]]);
    expect((await servicesNamed(db, ['checkout\tapi'])).map((s) => s.name)).toEqual([
      'Checkout API',
    ]);
    expect(await servicesNamed(db, ['  '])).toEqual([]);
  });
});
