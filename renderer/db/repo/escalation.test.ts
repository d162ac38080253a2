import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escalationSuggestions } from '../../../shared/logic/escalation';
import type { WarroomDb } from '../schema';
import { freshDb } from '../test-db';
import { ctx, MIN, NOW } from '../testing';
import { acceptSuggestion, dismissSuggestion } from './escalation';
import { updateImpact } from './impact';
import { declareIncident } from './incidents';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  db.close();
});

async function suggestionsAt(id: string, now: number) {
  const incident = await db.incidents.get(id);
  if (!incident) throw new Error('missing');
  const entries = await db.timelineEntries.where('incidentId').equals(id).toArray();
  return escalationSuggestions({ incident, now, entries });
}

describe('escalation suggestions through the repo', () => {
  it('SEV1 without a cause at 30 min: Accept records the escalation and stops the nagging', async () => {
    const inc = await declareIncident(
      db,
      { title: 'Down', severity: 'SEV1', startedAt: NOW },
      ctx(),
    );
    expect(await suggestionsAt(inc.id, NOW + 30 * MIN - 1)).toEqual([]);
    const [s] = await suggestionsAt(inc.id, NOW + 30 * MIN);
    expect(s?.key).toBe('no-root-cause');
    await acceptSuggestion(db, inc.id, s!, ctx(NOW + 31 * MIN));
    const entry = await db.timelineEntries.filter((e) => e.kind === 'decision').first();
    expect(entry?.text).toBe(
      'Escalated to VP Eng + CTO: No root cause identified 30 min after start (SEV1)',
    );
    expect(entry?.pinned).toBe(true);
    expect(entry?.change).toMatchObject({ type: 'escalation', field: 'no-root-cause' });
    expect(await suggestionsAt(inc.id, NOW + 40 * MIN)).toEqual([]);
  });

  it('Accept on a severity suggestion changes severity with the auto-filled reason', async () => {
    const inc = await declareIncident(
      db,
      { title: 'Slow', severity: 'SEV3', startedAt: NOW },
      ctx(),
    );
    await updateImpact(db, inc.id, { dataIntegrity: true }, ctx(NOW + MIN));
    const [s] = await suggestionsAt(inc.id, NOW + MIN);
    expect(s?.key).toBe('data-integrity');
    await acceptSuggestion(db, inc.id, s!, ctx(NOW + 2 * MIN));
    expect((await db.incidents.get(inc.id))?.severity).toBe('SEV1');
    const sev = await db.timelineEntries.filter((e) => e.change?.type === 'severity').first();
    expect(sev?.text).toBe('Severity: SEV3 → SEV1. Reason: Data-integrity concern');
    // The severity change re-plans the cadence in the same command.
    expect(await db.timelineEntries.filter((e) => e.change?.type === 'cadence').count()).toBe(1);
  });

  it('Dismiss needs a reason, records it, and holds until the situation changes', async () => {
    const inc = await declareIncident(
      db,
      { title: 'Slow', severity: 'SEV3', startedAt: NOW },
      ctx(),
    );
    await updateImpact(db, inc.id, { usersAffected: { value: 100, unit: 'users' } }, ctx());
    await updateImpact(
      db,
      inc.id,
      { usersAffected: { value: 200, unit: 'users' } },
      ctx(NOW + MIN),
    );
    const [s] = await suggestionsAt(inc.id, NOW + MIN);
    expect(s?.key).toBe('impact-doubled');
    await expect(dismissSuggestion(db, inc.id, s!, ' ', ctx())).rejects.toMatchObject({
      field: 'reason',
    });
    await dismissSuggestion(db, inc.id, s!, 'Same users retrying', ctx(NOW + 2 * MIN));
    expect((await db.incidents.get(inc.id))?.dismissedSuggestions).toEqual({
      'impact-doubled': s!.fingerprint,
    });
    const entry = await db.timelineEntries.filter((e) => e.change?.type === 'escalation').first();
    expect(entry?.text).toBe(
      'Escalation suggestion dismissed: Impact has doubled: upgrade to SEV2. Reason: Same users retrying',
    );
    expect(await suggestionsAt(inc.id, NOW + 3 * MIN)).toEqual([]);
    // Doubled again (x4): the situation changed, so the suggestion returns.
    await updateImpact(
      db,
      inc.id,
      { usersAffected: { value: 400, unit: 'users' } },
      ctx(NOW + 4 * MIN),
    );
    expect((await suggestionsAt(inc.id, NOW + 4 * MIN)).map((x) => x.key)).toEqual([
      'impact-doubled',
    ]);
  });

  it('customer-reported with paying accounts suggests at least SEV2', async () => {
    const inc = await declareIncident(
      db,
      { title: 'Billing', severity: 'SEV3', startedAt: NOW },
      ctx(),
    );
    await updateImpact(db, inc.id, { payingAccounts: true }, ctx());
    expect(await suggestionsAt(inc.id, NOW)).toEqual([]);
    await updateImpact(db, inc.id, { detectionSource: 'customer-report' }, ctx());
    const [s] = await suggestionsAt(inc.id, NOW);
    expect(s?.action).toMatchObject({ type: 'severity', to: 'SEV2' });
  });
});

describe('updateImpact', () => {
  it('writes one entry per changed field, with usersAffected history as JSON', async () => {
    const inc = await declareIncident(
      db,
      { title: 'Down', severity: 'SEV2', startedAt: NOW },
      ctx(),
    );
    const written = await updateImpact(
      db,
      inc.id,
      {
        usersAffected: { value: 1200, unit: 'users' },
        customerFacing: true,
        payingAccounts: false,
      },
      ctx(),
    );
    expect(written.map((e) => e.text)).toEqual([
      'Users affected: not set → 1,200 users',
      'Customer-facing: yes',
    ]);
    expect(written[0]?.change).toMatchObject({
      type: 'impact',
      field: 'usersAffected',
      from: null,
      to: JSON.stringify({ value: 1200, unit: 'users' }),
    });
    const after = await db.incidents.get(inc.id);
    expect(after?.impact).toMatchObject({
      customerFacing: true,
      usersAffected: { value: 1200, unit: 'users' },
    });
    expect(await updateImpact(db, inc.id, { customerFacing: true }, ctx())).toEqual([]);
  });

  it('rejects a share over 100% and writes nothing', async () => {
    const inc = await declareIncident(
      db,
      { title: 'Down', severity: 'SEV2', startedAt: NOW },
      ctx(),
    );
    await expect(
      updateImpact(db, inc.id, { usersAffected: { value: 140, unit: 'percent' } }, ctx()),
    ).rejects.toMatchObject({ field: 'usersAffected' });
    expect(await db.timelineEntries.count()).toBe(1);
  });
});
