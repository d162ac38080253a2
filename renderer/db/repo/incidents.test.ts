import { thisOrigin } from '../change-events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WarroomDb } from '../schema';
import { failWritesTo, freshDb } from '../test-db';
import { subscribeChanges, type ChangeEvent } from '../commit';
import { saveDraft } from './drafts';
import {
  changeSeverity,
  changeStatus,
  correctMilestone,
  declareIncident,
  renameIncident,
} from './incidents';
import { RepoError } from './errors';
import { referenceCounter, seatTag } from '../../../shared/logic/reference';

const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
const ctx = (now = NOW) => ({ now, author: 'Alice' });
const base = {
  title: 'Checkout API errors',
  severity: 'SEV2' as const,
  startedAt: NOW - 10 * 60_000,
};

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  db.close();
});

describe('declareIncident', () => {
  it('creates the incident, its reference, slug and declared entry atomically', async () => {
    const inc = await declareIncident(
      db,
      { ...base, services: ['checkout-api', ' checkout-api ', ''] },
      ctx(),
    );
    expect(inc.ref).toBe(`INC-2026-11-22-001-${seatTag(thisOrigin().seat)}`);
    expect(inc.slug).toBe('#inc-2026-11-22-checkout-api-errors');
    expect(inc.status).toBe('investigating');
    expect(inc.services).toEqual(['checkout-api']);
    expect(inc.milestones).toEqual({ started: NOW - 600_000, detected: NOW, declared: NOW });
    const entries = await db.timelineEntries.where('incidentId').equals(inc.id).toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.change?.type).toBe('declared');
    expect(await db.services.count()).toBe(1);
  });

  it('gives every incident of a day its own channel slug, also for one title twice and for Chinese', async () => {
    const results = await Promise.all([
      declareIncident(db, base, ctx()),
      declareIncident(db, base, ctx()),
      declareIncident(db, { ...base, title: '支付服务故障' }, ctx()),
      declareIncident(db, { ...base, title: '🔥🔥' }, ctx()),
    ]);
    const byRef = new Map(results.map((r) => [r.ref, r.slug]));
    const first = [...byRef.entries()].find(([, s]) => s === '#inc-2026-11-22-checkout-api-errors');
    expect(first).toBeDefined();
    const slugs = results.map((r) => r.slug);
    expect(new Set(slugs).size).toBe(4);
    for (const r of results) {
      const n = String(referenceCounter(r.ref)).padStart(3, '0');
      if (r.title === base.title && r.slug !== first?.[1])
        expect(r.slug).toBe(`#inc-2026-11-22-checkout-api-errors-${n}`);
      if (r.title !== base.title) expect(r.slug).toBe(`#inc-2026-11-22-${n}`);
    }
    const stored = await db.incidents.toArray();
    expect(stored.map((i) => i.slug).sort()).toEqual([...slugs].sort());
  });

  it('counts references per UTC day and never repeats one, even when declared concurrently', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => declareIncident(db, { ...base, title: `T${i}` }, ctx())),
    );
    const refs = results.map((r) => r.ref).sort();
    expect(refs).toEqual(
      [1, 2, 3, 4, 5].map((n) => `INC-2026-11-22-00${n}-${seatTag(thisOrigin().seat)}`),
    );
    const nextDay = await declareIncident(db, base, ctx(NOW + 24 * 3600_000));
    expect(nextDay.ref).toBe(`INC-2026-11-23-001-${seatTag(thisOrigin().seat)}`);
  });

  it('rejects an empty title, a missing severity and a future start, writing nothing', async () => {
    await expect(declareIncident(db, { ...base, title: '   ' }, ctx())).rejects.toMatchObject({
      field: 'title',
    });
    await expect(
      declareIncident(db, { ...base, severity: '' as unknown as 'SEV1' }, ctx()),
    ).rejects.toMatchObject({ field: 'severity' });
    await expect(
      declareIncident(db, { ...base, startedAt: NOW + 3600_000 }, ctx()),
    ).rejects.toMatchObject({ field: 'startedAt' });
    await expect(
      declareIncident(db, { ...base, title: 'x'.repeat(201) }, ctx()),
    ).rejects.toBeInstanceOf(RepoError);
    expect(await db.incidents.count()).toBe(0);
    expect(await db.timelineEntries.count()).toBe(0);
  });
});

describe('changeStatus', () => {
  it('sets the milestone and writes the entry in one go; moving back is allowed', async () => {
    const inc = await declareIncident(db, base, ctx());
    await changeStatus(db, inc.id, 'identified', ctx(NOW + 60_000));
    await changeStatus(db, inc.id, 'investigating', ctx(NOW + 120_000));
    await changeStatus(db, inc.id, 'identified', ctx(NOW + 180_000));
    const after = await db.incidents.get(inc.id);
    expect(after?.status).toBe('identified');
    // The first time it was identified stays the milestone.
    expect(after?.milestones.identified).toBe(NOW + 60_000);
    const changes = (
      await db.timelineEntries.where('incidentId').equals(inc.id).sortBy('occurredAt')
    )
      .filter((e) => e.change?.type === 'status')
      .map((e) => e.text);
    expect(changes).toEqual([
      'Status: Investigating → Identified',
      'Status: Identified → Investigating',
      'Status: Investigating → Identified',
    ]);
  });

  it('requires a resolution summary and clears "resolved" on reopening', async () => {
    const inc = await declareIncident(db, base, ctx());
    await expect(changeStatus(db, inc.id, 'resolved', ctx())).rejects.toMatchObject({
      field: 'resolutionSummary',
    });
    await changeStatus(db, inc.id, 'resolved', ctx(NOW + 5000), 'Rolled back deploy 42');
    expect((await db.incidents.get(inc.id))?.milestones.resolved).toBe(NOW + 5000);
    await changeStatus(db, inc.id, 'monitoring', ctx(NOW + 9000));
    const reopened = await db.incidents.get(inc.id);
    expect(reopened?.milestones.resolved).toBeUndefined();
    expect(reopened?.milestones.mitigated).toBe(NOW + 9000);
  });

  it('leaves nothing half-written when the timeline write fails', async () => {
    const inc = await declareIncident(db, base, ctx());
    const undo = failWritesTo('timelineEntries', new Error('disk full'));
    try {
      await expect(changeStatus(db, inc.id, 'mitigating', ctx())).rejects.toThrow('disk full');
    } finally {
      undo();
    }
    expect((await db.incidents.get(inc.id))?.status).toBe('investigating');
  });
});

describe('changeSeverity', () => {
  it('rejects a change without a reason and records old → new with the reason', async () => {
    const inc = await declareIncident(db, base, ctx());
    await expect(changeSeverity(db, inc.id, 'SEV1', '  ', ctx())).rejects.toMatchObject({
      field: 'reason',
    });
    expect((await db.incidents.get(inc.id))?.severity).toBe('SEV2');
    await changeSeverity(db, inc.id, 'SEV1', 'Data loss risk confirmed', ctx());
    expect((await db.incidents.get(inc.id))?.severity).toBe('SEV1');
    const entry = (await db.timelineEntries.toArray()).find((e) => e.change?.type === 'severity');
    expect(entry?.text).toBe('Severity: SEV2 → SEV1. Reason: Data loss risk confirmed');
    expect(entry?.change).toMatchObject({
      from: 'SEV2',
      to: 'SEV1',
      reason: 'Data loss risk confirmed',
    });
  });

  it('re-plans the update cadence from the last update and says so on the timeline', async () => {
    const inc = await declareIncident(db, base, ctx());
    await db.settings.put({
      key: 'cadenceMinutes',
      value: { SEV1: 10, SEV2: 30, SEV3: 120, SEV4: 1440 },
    });
    await changeSeverity(db, inc.id, 'SEV1', 'Spreading', ctx(NOW + 4 * 60_000));
    const replan = (await db.timelineEntries.toArray()).find((e) => e.change?.type === 'cadence');
    // SEV1 from the settings (10 min), counted from declaration at 14:00: due 14:10.
    expect(replan?.text).toBe(
      'Update cadence is now every 10 minutes. Next updates: Engineering 14:10 UTC (in 6 minutes); Executives 14:10 UTC (in 6 minutes).',
    );
    expect(replan?.change).toMatchObject({ from: 'SEV2', to: String(10 * 60_000) });
  });

  it('writes no re-plan for a resolved incident, whose timers have stopped', async () => {
    const inc = await declareIncident(db, base, ctx());
    await changeStatus(db, inc.id, 'resolved', ctx(), 'Rolled back');
    await changeSeverity(db, inc.id, 'SEV3', 'Smaller than thought', ctx());
    const kinds = (await db.timelineEntries.toArray()).map((e) => e.change?.type);
    expect(kinds).not.toContain('cadence');
  });
});

describe('correctMilestone', () => {
  it('records the correction with the old value', async () => {
    const inc = await declareIncident(db, base, ctx());
    await correctMilestone(db, inc.id, 'detected', NOW - 5 * 60_000, ctx(), 'Alert fired earlier');
    const after = await db.incidents.get(inc.id);
    expect(after?.milestones.detected).toBe(NOW - 300_000);
    const entry = (await db.timelineEntries.toArray()).find((e) => e.change?.type === 'milestone');
    expect(entry?.text).toBe(
      'Milestone Detected corrected: 2026-11-22 14:00 UTC → 2026-11-22 13:55 UTC. Reason: Alert fired earlier',
    );
    await expect(correctMilestone(db, inc.id, 'started', null, ctx())).rejects.toBeInstanceOf(
      RepoError,
    );
    await expect(
      correctMilestone(db, inc.id, 'acknowledged', NOW + 3600_000, ctx()),
    ).rejects.toBeInstanceOf(RepoError);
    // Resolved follows the status, the post-mortem milestone its Final status, and nothing
    // may come before the start.
    await expect(correctMilestone(db, inc.id, 'resolved', NOW, ctx())).rejects.toMatchObject({
      field: 'milestone',
    });
    await expect(
      correctMilestone(db, inc.id, 'postmortemCompleted', NOW, ctx()),
    ).rejects.toBeInstanceOf(RepoError);
    await expect(correctMilestone(db, inc.id, 'identified', NOW - 3600_000, ctx())).rejects.toThrow(
      'Identified must be at or after Started (2026-11-22 13:50 UTC).',
    );
  });
});

describe('renameIncident', () => {
  it('changes the title, records old → new, and keeps the reference and slug', async () => {
    const inc = await declareIncident(db, base, ctx());
    const renamed = await renameIncident(
      db,
      inc.id,
      '  Checkout latency in eu-west  ',
      ctx(NOW + 60_000),
    );
    expect(renamed.title).toBe('Checkout latency in eu-west');
    const stored = await db.incidents.get(inc.id);
    expect(stored).toMatchObject({
      title: 'Checkout latency in eu-west',
      ref: inc.ref,
      slug: inc.slug,
      updatedAt: NOW + 60_000,
    });
    const entries = await db.timelineEntries.where('incidentId').equals(inc.id).toArray();
    const entry = entries.find((e) => e.change?.type === 'title');
    expect(entry).toMatchObject({
      kind: 'system',
      text: 'Title: Checkout API errors → Checkout latency in eu-west',
      change: { type: 'title', from: 'Checkout API errors', to: 'Checkout latency in eu-west' },
      author: 'Alice',
    });
  });

  it('refuses an empty or over-long title on the title field and writes nothing', async () => {
    const inc = await declareIncident(db, base, ctx());
    await expect(renameIncident(db, inc.id, '   ', ctx())).rejects.toMatchObject({
      field: 'title',
    });
    await expect(renameIncident(db, inc.id, 'x'.repeat(201), ctx())).rejects.toBeInstanceOf(
      RepoError,
    );
    expect((await db.incidents.get(inc.id))?.title).toBe('Checkout API errors');
    const count = await db.timelineEntries.where('incidentId').equals(inc.id).count();
    expect(count).toBe(1);
  });

  it('is a no-op for the same title', async () => {
    const inc = await declareIncident(db, base, ctx());
    await renameIncident(db, inc.id, 'Checkout API errors', ctx());
    expect(await db.timelineEntries.where('incidentId').equals(inc.id).count()).toBe(1);
  });
});

describe('milestone order on every path that sets one', () => {
  const MIN = 60_000;

  it('refuses Started corrected to after Resolved, naming Resolved, and writes nothing', async () => {
    // The example: resolved 14:10, Started corrected to 14:50.
    const inc = await declareIncident(db, { ...base, startedAt: NOW - 10 * MIN }, ctx());
    await changeStatus(db, inc.id, 'resolved', ctx(NOW + 10 * MIN), 'Rolled back');
    const entriesBefore = await db.timelineEntries.count();
    const refused = correctMilestone(db, inc.id, 'started', NOW + 50 * MIN, ctx(NOW + 60 * MIN));
    await expect(refused).rejects.toMatchObject({ field: 'milestone' });
    await expect(refused).rejects.toThrow(
      /Started must be at or before .*Resolved \(2026-11-22 14:10 UTC\)/,
    );
    expect((await db.incidents.get(inc.id))?.milestones.started).toBe(NOW - 10 * MIN);
    expect(await db.timelineEntries.count()).toBe(entriesBefore);
  });

  it('refuses Resolved corrected to before Mitigated, and Acknowledged before Detected', async () => {
    const inc = await declareIncident(db, base, ctx());
    await changeStatus(db, inc.id, 'monitoring', ctx(NOW + 20 * MIN));
    await changeStatus(db, inc.id, 'resolved', ctx(NOW + 30 * MIN), 'Fixed');
    await expect(
      correctMilestone(db, inc.id, 'resolved', NOW + 10 * MIN, ctx(NOW + 40 * MIN)),
    ).rejects.toThrow('Resolved must be at or after Mitigated (2026-11-22 14:20 UTC).');
    await expect(
      correctMilestone(db, inc.id, 'acknowledged', NOW - 5 * MIN, ctx(NOW + 40 * MIN)),
    ).rejects.toThrow('Acknowledged must be at or after Detected (2026-11-22 14:00 UTC).');
    // In order, it is accepted.
    await correctMilestone(db, inc.id, 'resolved', NOW + 25 * MIN, ctx(NOW + 40 * MIN));
    expect((await db.incidents.get(inc.id))?.milestones.resolved).toBe(NOW + 25 * MIN);
  });

  it('refuses a backdated status change whose milestone would come before an earlier one', async () => {
    const inc = await declareIncident(db, base, ctx());
    await changeStatus(db, inc.id, 'identified', ctx(NOW + 20 * MIN));
    // "@14:10 /status monitoring": Mitigated 14:10 would be before Identified 14:20.
    await expect(
      changeStatus(db, inc.id, 'monitoring', {
        ...ctx(NOW + 30 * MIN),
        occurredAt: NOW + 10 * MIN,
      }),
    ).rejects.toThrow('Mitigated must be at or after Identified (2026-11-22 14:20 UTC).');
    const after = await db.incidents.get(inc.id);
    expect(after?.status).toBe('identified');
    expect(after?.milestones.mitigated).toBeUndefined();
  });

  it('takes Detected and Acknowledged at declaration, in order only', async () => {
    const inc = await declareIncident(
      db,
      { ...base, detectedAt: NOW - 8 * MIN, acknowledgedAt: NOW - 6 * MIN },
      ctx(),
    );
    expect(inc.milestones).toEqual({
      started: NOW - 10 * MIN,
      detected: NOW - 8 * MIN,
      acknowledged: NOW - 6 * MIN,
      declared: NOW,
    });
    const entry = (await db.timelineEntries.toArray()).find((e) => e.change?.type === 'declared');
    expect(entry?.text).toBe(
      'Declared SEV2 (Major): Checkout API errors. Detected 2026-11-22 13:52 UTC, acknowledged 2026-11-22 13:54 UTC',
    );
    await expect(
      declareIncident(db, { ...base, detectedAt: NOW - 20 * MIN }, ctx()),
    ).rejects.toMatchObject({
      field: 'detectedAt',
      message: 'Detected must be at or after Started (2026-11-22 13:50 UTC).',
    });
    await expect(
      declareIncident(
        db,
        { ...base, detectedAt: NOW - 5 * MIN, acknowledgedAt: NOW - 7 * MIN },
        ctx(),
      ),
    ).rejects.toMatchObject({
      field: 'acknowledgedAt',
      message: 'Acknowledged must be at or after Detected (2026-11-22 13:55 UTC).',
    });
    expect(await db.incidents.count()).toBe(1);
  });
});

describe('declareIncident with its draft', () => {
  it('removes the Declare draft in the same change set as the incident', async () => {
    await saveDraft(db, 'declare', '{"title":"Checkout"}', NOW);
    const heard: ChangeEvent[] = [];
    const stop = subscribeChanges(db, (e) => heard.push(e));
    await declareIncident(
      db,
      { title: 'Checkout errors', severity: 'SEV2', startedAt: NOW },
      { now: NOW, author: 'Sam' },
      'declare',
    );
    stop();
    expect(await db.drafts.get('declare')).toBeUndefined();
    const committed = heard.filter((e) => e.status === 'committed');
    expect(committed).toHaveLength(1);
    expect(committed[0]!.changeSet.changes.drafts?.removed).toEqual(['declare']);
  });
});
