import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/domain/incident';
import { parseLogLine } from '../../../shared/logic/commands';
import { loadDraft, saveDraft, timelineDraftKey, timelineHeldDraftKey } from './drafts';
import type { WarroomDb } from '../schema';
import { dbWithIncident } from '../testing';
import { isBeforeStart, runLogLine, type WritableCommand } from './log-line';

const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
const MIN = 60_000;
const ctx = (now = NOW) => ({ now, author: 'Sam' });
const opts = { timeboxMs: 15 * MIN };

let db: WarroomDb;
let incident: Incident;
beforeEach(async () => {
  ({ db, incident } = await dbWithIncident(
    { title: 'Checkout API errors', severity: 'SEV2', startedAt: NOW - 10 * MIN },
    ctx(),
  ));
});
afterEach(() => {
  db.close();
});

function parse(line: string, now = NOW): WritableCommand {
  const r = parseLogLine(line, { now, timeZone: 'utc' });
  if (r.type === 'error' || r.type === 'help') throw new Error(`unexpected ${r.type}`);
  return r;
}

async function run(line: string, now = NOW + MIN, extra = {}) {
  const inc = (await db.incidents.get(incident.id))!;
  await runLogLine(db, inc, parse(line, now), ctx(now), { ...opts, ...extra });
}

async function entries() {
  return db.timelineEntries.where('incidentId').equals(incident.id).sortBy('loggedAt');
}

describe('runLogLine', () => {
  it('h: opens a hypothesis, todo: creates an action item, each with one entry', async () => {
    await run('h: Deploy 42 broke the pool');
    await run('todo: Alert on pool saturation', NOW + 2 * MIN);
    expect(await db.hypotheses.count()).toBe(1);
    expect((await db.actionItems.toArray())[0]).toMatchObject({ priority: 'P2', owner: '' });
    const kinds = (await entries()).map((e) => e.kind);
    expect(kinds).toEqual(['system', 'hypothesis', 'action']);
  });

  it('/status and /sev change the incident and log it; resolving needs a summary', async () => {
    await run('/status mitigating rollback under way');
    await run('/sev 1 data loss risk', NOW + 2 * MIN);
    const inc = await db.incidents.get(incident.id);
    expect(inc).toMatchObject({ status: 'mitigating', severity: 'SEV1' });
    // The status change and its note share a moment; compare them as a set.
    const texts = (await entries()).map((e) => e.text);
    expect(texts.slice(1, 3).sort()).toEqual([
      'Status: Investigating → Mitigating',
      'rollback under way',
    ]);
    expect(texts).toContain('Severity: SEV2 → SEV1. Reason: data loss risk');
    await expect(run('/status resolved', NOW + 3 * MIN)).rejects.toThrow('how it was resolved');
    await run('/status resolved rolled back deploy 42', NOW + 3 * MIN);
    expect((await db.incidents.get(incident.id))?.resolutionSummary).toBe('rolled back deploy 42');
  });

  it('a backdated /status stamps its milestone then but keeps the real logged time', async () => {
    await run('-3m /status identified', NOW + 5 * MIN);
    expect((await db.incidents.get(incident.id))?.milestones.identified).toBe(NOW + 2 * MIN);
    const entry = (await entries()).find((e) => e.change?.type === 'status');
    expect(entry).toMatchObject({ occurredAt: NOW + 2 * MIN, loggedAt: NOW + 5 * MIN });
  });

  it('/status identified with what was identified stamps the milestone and sets the understanding', async () => {
    await run('/status identified bad cache key', NOW + 5 * MIN);
    const inc = await db.incidents.get(incident.id);
    expect(inc).toMatchObject({ status: 'identified', understanding: 'bad cache key' });
    expect(inc?.milestones.identified).toBe(NOW + 5 * MIN);
  });

  it('/ic and /role assign through the role board', async () => {
    await run('/ic Alice');
    await run('/role scribe Sam', NOW + 2 * MIN);
    await run('/ic Bob', NOW + 3 * MIN);
    const open = (await db.roleAssignments.toArray()).filter((a) => a.endedAt === null);
    expect(open.map((a) => [a.role, a.person]).sort()).toEqual([
      ['ic', 'Bob'],
      ['scribe', 'Sam'],
    ]);
    expect((await entries()).at(-1)?.text).toContain('Alice → Bob');
  });

  it('/comms resets the audience countdown with the entry', async () => {
    await run('/comms eng mitigation in progress');
    expect((await db.incidents.get(incident.id))?.cadence.engineering?.lastSentAt).toBe(NOW + MIN);
    expect((await entries()).at(-1)).toMatchObject({ kind: 'comms', audience: 'engineering' });
  });

  it('clears the draft with the entry, and keeps it when the write fails', async () => {
    const key = timelineDraftKey(incident.id);
    await saveDraft(db, key, 'f: pool at 100%', NOW);
    await run('f: pool at 100%', NOW + MIN, { draftKey: key });
    expect(await loadDraft(db, key)).toBe('');

    await saveDraft(db, key, '/sev 2 same', NOW);
    await expect(run('/sev 2 same', NOW + MIN, { draftKey: key })).rejects.toThrow('already');
    expect(await loadDraft(db, key)).toBe('/sev 2 same');
  });

  it("rewrites the held lines' draft in the same change set as the entry, on both paths", async () => {
    const key = timelineHeldDraftKey(incident.id);
    await saveDraft(db, key, 'two lines', NOW);
    // A plain entry (the quick path).
    await run('f: pool at 100%', NOW + MIN, { rewriteDraft: { key, text: 'one line', now: NOW } });
    expect(await loadDraft(db, key)).toBe('one line');
    // A command that changes the incident too (one transaction of several tables).
    await run('/status mitigating', NOW + 2 * MIN, { rewriteDraft: { key, text: '', now: NOW } });
    expect(await loadDraft(db, key)).toBe('');
    // Refused: nothing is written, the held lines' draft stays as it was.
    await saveDraft(db, key, 'still held', NOW);
    await expect(
      run('/status mitigating', NOW + 3 * MIN, { rewriteDraft: { key, text: '', now: NOW } }),
    ).rejects.toThrow('already');
    expect(await loadDraft(db, key)).toBe('still held');
  });

  it('moves the start only when asked, in the same transaction', async () => {
    const early = parse('-15m f: first alert', NOW);
    expect(isBeforeStart(early, incident)).toBe(true);
    await runLogLine(db, incident, early, ctx(), opts);
    expect((await db.incidents.get(incident.id))?.milestones.started).toBe(NOW - 10 * MIN);
    await runLogLine(db, incident, parse('-20m f: earlier', NOW), ctx(), {
      ...opts,
      moveStart: true,
    });
    expect((await db.incidents.get(incident.id))?.milestones.started).toBe(NOW - 20 * MIN);
    expect((await entries()).some((e) => e.change?.field === 'started')).toBe(true);
  });
});

describe('runLogLine: a backdated /status keeps the milestones in order', () => {
  it('refuses "@14:10 /status monitoring" after Identified at 14:20, writing nothing', async () => {
    await run('/status identified', NOW + 20 * MIN);
    const before = (await entries()).length;
    await expect(run('@14:10 /status monitoring', NOW + 30 * MIN)).rejects.toThrow(
      'Mitigated must be at or after Identified (2026-11-22 14:20 UTC).',
    );
    const inc = await db.incidents.get(incident.id);
    expect(inc?.status).toBe('identified');
    expect(inc?.milestones.mitigated).toBeUndefined();
    expect((await entries()).length).toBe(before);
    // In order, the same backdated command stamps Mitigated at 14:25.
    await run('@14:25 /status monitoring', NOW + 30 * MIN);
    expect((await db.incidents.get(incident.id))?.milestones.mitigated).toBe(NOW + 25 * MIN);
  });
});

describe('the ! highlight', () => {
  it('is stored on the entry by every path (fast path, backdated, hypothesis), and only then', async () => {
    await run('! d: fail over to the replica');
    await run('! -3m f: replica lag 40 s', NOW + 2 * MIN);
    await run('! h: disk full on the primary', NOW + 3 * MIN);
    await run('d: page the DBA', NOW + 4 * MIN);
    const rows = (await entries()).filter((e) => e.kind !== 'system');
    expect(rows.map((e) => [e.kind, e.text, e.highlight])).toEqual([
      ['decision', 'fail over to the replica', true],
      ['finding', 'replica lag 40 s', true],
      ['hypothesis', 'disk full on the primary', true],
      ['decision', 'page the DBA', undefined],
    ]);
  });
});
