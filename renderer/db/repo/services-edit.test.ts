import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WarroomDb } from '../schema';
import { freshDb } from '../test-db';
import { createRunbook } from './runbooks';
import { touchServices } from './services';
import { updateService } from './services-edit';

const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
  await touchServices(db, ['checkout-api'], NOW);
});
afterEach(() => {
  db.close();
});

const input = {
  ownerTeam: ' Payments ',
  sloTargetPercent: '99.95',
  sloWindowDays: '30',
  runbookId: null,
};

describe('updateService', () => {
  it('stores the owner, the target as a fraction, the window and the runbook', async () => {
    const svc = (await db.services.toArray())[0]!;
    const rb = await createRunbook(
      db,
      { title: 'Failover', service: 'search', body: '' },
      { now: NOW, author: 'A' },
    );
    const saved = await updateService(db, svc.id, { ...input, runbookId: rb.id });
    expect(saved).toMatchObject({
      ownerTeam: 'Payments',
      sloTarget: 0.9995,
      sloWindowDays: 30,
      runbookId: rb.id,
    });
    expect(await db.services.get(svc.id)).toEqual(saved);
    const cleared = await updateService(db, svc.id, { ...input, sloTargetPercent: ' ' });
    expect(cleared.sloTarget).toBeNull();
  });

  it('refuses a bad target, window or runbook naming the field, and writes nothing', async () => {
    const svc = (await db.services.toArray())[0]!;
    for (const bad of ['100', '0', 'abc', '-5'])
      await expect(
        updateService(db, svc.id, { ...input, sloTargetPercent: bad }),
      ).rejects.toMatchObject({
        field: 'sloTarget',
      });
    await expect(updateService(db, svc.id, { ...input, sloWindowDays: '0' })).rejects.toMatchObject(
      {
        field: 'sloWindowDays',
      },
    );
    await expect(updateService(db, svc.id, { ...input, runbookId: 'gone' })).rejects.toMatchObject({
      field: 'runbookId',
    });
    expect((await db.services.get(svc.id))?.sloTarget).toBeNull();
  });
});

describe('updateService with only the changed fields', () => {
  it('keeps a field changed elsewhere since the form opened', async () => {
    const [svc] = await db.services.toArray();
    await updateService(db, svc!.id, { ownerTeam: 'payments-sre' });
    // The form, opened before that save, changes only the window.
    await updateService(db, svc!.id, { sloWindowDays: '7' });
    const stored = await db.services.get(svc!.id);
    expect(stored).toMatchObject({ ownerTeam: 'payments-sre', sloWindowDays: 7 });
  });
});
