import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENTRY_TEXT_MAX } from '../../../shared/domain/timeline';
import { hypothesisState } from '../../../shared/logic/hypotheses';
import type { WarroomDb } from '../schema';
import { subscribeChanges, type ChangeEvent } from '../commit';
import { failWritesTo } from '../test-db';
import { ctx, dbWithIncident, MIN, NOW } from '../testing';
import { closeHypothesis, extendHypothesisTimebox, openHypothesis } from './hypotheses';

let db: WarroomDb;
let incidentId: string;
beforeEach(async () => {
  ({ db, incidentId } = await dbWithIncident({ title: 'Down', severity: 'SEV1', startedAt: NOW }));
});
afterEach(() => {
  db.close();
});

const hypothesisEntries = async () =>
  (await db.timelineEntries.filter((e) => e.change?.type === 'hypothesis').toArray()).sort(
    (a, b) => a.occurredAt - b.occurredAt,
  );

describe('hypothesis lifecycle', () => {
  it('expires after its timebox, and each close writes an entry', async () => {
    const a = await openHypothesis(db, incidentId, 'Bad deploy', ctx(), { owner: 'Bob' });
    expect(hypothesisState(a, NOW + 15 * MIN - 1000).expired).toBe(false);
    expect(hypothesisState(a, NOW + 15 * MIN).expired).toBe(true);
    const b = await openHypothesis(db, incidentId, 'DNS', ctx(), { owner: 'Bob' });
    const c = await openHypothesis(db, incidentId, 'Disk full', ctx(), { owner: 'Bob' });
    await closeHypothesis(db, a.id, 'confirmed', ctx(NOW + 5 * MIN));
    await closeHypothesis(db, b.id, 'ruled-out', ctx(NOW + 6 * MIN));
    await closeHypothesis(db, c.id, 'abandoned', ctx(NOW + 7 * MIN));
    expect(await db.hypotheses.get(a.id)).toMatchObject({
      status: 'confirmed',
      closedAt: NOW + 5 * MIN,
    });
    const texts = (await hypothesisEntries()).filter((e) => e.kind === 'system').map((e) => e.text);
    expect(texts).toEqual([
      'Hypothesis confirmed: Bad deploy',
      'Hypothesis ruled out: DNS',
      'Hypothesis abandoned: Disk full',
    ]);
    const confirmed = (await hypothesisEntries()).find((e) => e.change?.to === 'confirmed');
    expect(confirmed?.pinned).toBe(true);
    expect(confirmed?.change).toMatchObject({ field: a.id, from: 'open' });
  });

  it('refuses to close a closed hypothesis, writing nothing', async () => {
    const a = await openHypothesis(db, incidentId, 'Bad deploy', ctx());
    await closeHypothesis(db, a.id, 'ruled-out', ctx());
    const before = await db.timelineEntries.count();
    await expect(closeHypothesis(db, a.id, 'confirmed', ctx())).rejects.toMatchObject({
      field: 'status',
    });
    expect(await db.timelineEntries.count()).toBe(before);
    expect((await db.hypotheses.get(a.id))?.status).toBe('ruled-out');
  });

  it('extends with a reason, from now once expired, and records it', async () => {
    const a = await openHypothesis(db, incidentId, 'Bad deploy', ctx());
    const extended = await extendHypothesisTimebox(
      db,
      a.id,
      10,
      'Rollback still running',
      ctx(NOW + 20 * MIN),
    );
    expect(extended.dueAt).toBe(NOW + 30 * MIN);
    expect(extended.extensions).toEqual([
      { at: NOW + 20 * MIN, addedMs: 10 * MIN, reason: 'Rollback still running' },
    ]);
    expect(hypothesisState(extended, NOW + 21 * MIN).text).toBe('9:00');
    const entry = (await hypothesisEntries()).find((e) => e.change?.reason);
    expect(entry?.text).toBe(
      'Hypothesis timebox extended by 10 min: Bad deploy. Reason: Rollback still running',
    );
    expect(entry?.change).toMatchObject({
      from: String(NOW + 15 * MIN),
      to: String(NOW + 30 * MIN),
    });
  });

  it('rejects an extension without a reason or minutes, writing nothing', async () => {
    const a = await openHypothesis(db, incidentId, 'Bad deploy', ctx());
    await expect(extendHypothesisTimebox(db, a.id, 10, ' ', ctx())).rejects.toMatchObject({
      field: 'reason',
    });
    await expect(extendHypothesisTimebox(db, a.id, 0, 'x', ctx())).rejects.toMatchObject({
      field: 'minutes',
    });
    expect((await db.hypotheses.get(a.id))?.dueAt).toBe(NOW + 15 * MIN);
  });

  it('refuses hypothesis text longer than a timeline entry allows, writing nothing', async () => {
    await expect(
      openHypothesis(db, incidentId, 'x'.repeat(ENTRY_TEXT_MAX + 1), ctx()),
    ).rejects.toMatchObject({ name: 'RepoError', field: 'text' });
    expect(await db.hypotheses.count()).toBe(0);
    expect(await hypothesisEntries()).toEqual([]);
    const ok = await openHypothesis(db, incidentId, 'y'.repeat(ENTRY_TEXT_MAX), ctx());
    expect(ok.text).toHaveLength(ENTRY_TEXT_MAX);
  });
});

describe('through the one commit', () => {
  it('a confirmation is one change set: the hypothesis, its entry and the Current understanding', async () => {
    const h = await openHypothesis(db, incidentId, 'Bad deploy', ctx(), { owner: 'Bob' });
    const events: ChangeEvent[] = [];
    const stop = subscribeChanges(db, (e) => events.push(e));
    try {
      await closeHypothesis(db, h.id, 'confirmed', ctx(NOW + MIN));
    } finally {
      stop();
    }
    const committed = events.filter((e) => e.status === 'committed');
    expect(committed).toHaveLength(1);
    const cs = committed[0]!.changeSet.changes;
    expect(cs.hypotheses?.updated?.map((r) => r.status)).toEqual(['confirmed']);
    expect(cs.timelineEntries?.added?.[0]?.text).toBe('Hypothesis confirmed: Bad deploy');
    // Both rows are on disk, the understanding's entry a millisecond after the confirmation.
    expect((await db.incidents.get(incidentId))?.understanding).toBe('Bad deploy');
    const understanding = await db.timelineEntries
      .filter((e) => e.change?.type === 'understanding')
      .toArray();
    expect(understanding).toMatchObject([
      {
        text: 'Current understanding (from the confirmed hypothesis): Bad deploy',
        loggedAt: NOW + MIN + 1,
      },
    ]);
  });

  it('a failed understanding write leaves the hypothesis open', async () => {
    const h = await openHypothesis(db, incidentId, 'Bad deploy', ctx(), { owner: 'Bob' });
    const undo = failWritesTo('incidents', new DOMException('full', 'QuotaExceededError'));
    try {
      await expect(closeHypothesis(db, h.id, 'confirmed', ctx(NOW + MIN))).rejects.toThrow();
    } finally {
      undo();
    }
    expect((await db.hypotheses.get(h.id))?.status).toBe('open');
    expect(await hypothesisEntries()).toHaveLength(1);
  });
});
