import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changes } from '../../../shared/commands/change-set';
import { incidentRow } from '../../../shared/domain/testing/incident';
import { timelineEntry } from '../../../shared/domain/testing/timeline';
import { commit } from '../../db/commit';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { FINDINGS_COMPARED, findingTexts, rankAgainstPool, readSimilarPool } from './queries';

const DAY = 86_400_000;
let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

const finding = (id: string, incidentId: string, text: string, deletedAt: number | null = null) =>
  timelineEntry({ id, incidentId, kind: 'finding', text, deletedAt });

describe('similar incidents against the database', () => {
  it('re-ranks when a finding is edited to other words of the same length', async () => {
    const past = (id: string, title: string, services: string[]) =>
      incidentRow({ id, title, services, createdAt: DAY, milestones: { started: DAY } });
    const now = incidentRow({
      id: 'now',
      title: 'Failover lag',
      services: ['web'],
      createdAt: 9 * DAY,
    });
    await commit(
      db,
      changes()
        .add('incidents', past('p-redis', 'Redis failover lag', ['cache']))
        .add('incidents', past('p-kafka', 'Kafka failover lag', ['queue']))
        .add('incidents', now)
        .add('timelineEntries', finding('f1', 'now', 'redis redis redis'))
        .build(),
      { fromPeer: true },
    );
    const pool = await readSimilarPool(db);
    const first = await rankAgainstPool(db, pool, now, await findingTexts(db, 'now'));
    expect(first[0]?.incidentId).toBe('p-redis');
    await commit(
      db,
      changes()
        .update('timelineEntries', finding('f1', 'now', 'kafka kafka kafka'))
        .build(),
      { fromPeer: true },
    );
    const again = await rankAgainstPool(db, pool, now, await findingTexts(db, 'now'));
    expect(again[0]?.incidentId).toBe('p-kafka');
  });

  it('compares only the latest live findings, newest first', async () => {
    const rows = Array.from({ length: FINDINGS_COMPARED + 30 }, (_, i) =>
      finding(`f${String(i).padStart(4, '0')}`, 'big', `finding ${i}`, i % 10 === 9 ? 5 : null),
    );
    let c = changes().add('incidents', incidentRow({ id: 'big' }));
    for (const r of rows) c = c.add('timelineEntries', r);
    await commit(db, c.build(), { fromPeer: true });
    const texts = await findingTexts(db, 'big');
    expect(texts).toHaveLength(FINDINGS_COMPARED);
    expect(texts[0]).toBe(`finding ${FINDINGS_COMPARED + 28}`);
    expect(texts).not.toContain(`finding ${FINDINGS_COMPARED + 29}`);
  });
});
