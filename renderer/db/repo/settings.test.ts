import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import type { WarroomDb } from '../schema';
import { freshDb } from '../test-db';
import { readSettings, saveSetting } from './settings';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  db.close();
});

describe('readSettings', () => {
  it('ignores rows keyed like prototype members instead of throwing', async () => {
    await db.settings.bulkPut([
      { key: 'constructor', value: 'x' },
      { key: '__proto__', value: { polluted: true } },
      { key: 'toString', value: 1 },
    ]);
    await saveSetting(db, 'me', 'Dana');
    const settings = await readSettings(db);
    expect(settings.me).toBe('Dana');
    expect(settings.theme).toBe(DEFAULT_SETTINGS.theme);
    expect(Object.hasOwn(settings, 'constructor')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('falls back to the default for a malformed stored value', async () => {
    await db.settings.put({ key: 'timeZone', value: 'mars' });
    expect((await readSettings(db)).timeZone).toBe(DEFAULT_SETTINGS.timeZone);
  });
});
