import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WarroomDb } from '../schema';
import { ctx, dbWithIncident, NOW } from '../testing';
import { changeStatus } from './incidents';
import { mergeIntoEmpty, openPostmortem, savePostmortem, setPostmortemStatus } from './postmortems';

let db: WarroomDb;
let incidentId: string;
beforeEach(async () => {
  ({ db, incidentId } = await dbWithIncident({
    title: 'Checkout API errors',
    severity: 'SEV2',
    startedAt: NOW - 600_000,
  }));
});
afterEach(() => {
  db.close();
});

describe('mergeIntoEmpty', () => {
  it('fills only missing or blank sections', () => {
    expect(
      mergeIntoEmpty(
        { executiveSummary: 'Mine', lessons: '  ' },
        {
          executiveSummary: 'Drafted',
          lessons: 'Drafted lessons',
          wentWell: 'W',
          whatHappened: ' ',
        },
      ),
    ).toEqual({ executiveSummary: 'Mine', lessons: 'Drafted lessons', wentWell: 'W' });
  });
});

describe('post-mortem save and prefill', () => {
  it('creates on first open with the prefill, then never applies a prefill again', async () => {
    const first = await openPostmortem(db, incidentId, { executiveSummary: 'Draft A' }, ctx());
    expect(first).toMatchObject({
      status: 'draft',
      author: 'Alice',
      fiveWhys: [],
      allEntries: false,
    });
    expect(first.sections).toEqual({ executiveSummary: 'Draft A' });
    await savePostmortem(db, incidentId, { sections: { executiveSummary: '' } }, ctx());
    const again = await openPostmortem(db, incidentId, { executiveSummary: 'Draft B' }, ctx());
    // The user cleared it on purpose: a later open does not put the draft back.
    expect(again.sections.executiveSummary).toBe('');
  });

  it('merges saved sections one by one and keeps the others', async () => {
    await openPostmortem(db, incidentId, { executiveSummary: 'Sum', wentWell: '- ok' }, ctx());
    await savePostmortem(db, incidentId, { sections: { lessons: 'L1' } }, ctx(NOW + 1));
    await savePostmortem(
      db,
      incidentId,
      {
        sections: { wentWell: '- paging worked' },
        fiveWhys: ['a', 'b'],
        author: 'Bo',
        allEntries: true,
      },
      ctx(NOW + 2),
    );
    const pm = await db.postmortems.get(incidentId);
    expect(pm).toMatchObject({
      sections: { executiveSummary: 'Sum', wentWell: '- paging worked', lessons: 'L1' },
      fiveWhys: ['a', 'b'],
      author: 'Bo',
      allEntries: true,
      updatedAt: NOW + 2,
    });
  });

  it('saving before the first open creates it; an unknown incident is refused', async () => {
    await savePostmortem(db, incidentId, { sections: { lessons: 'x' } }, ctx());
    expect((await db.postmortems.get(incidentId))?.sections).toEqual({ lessons: 'x' });
    await expect(savePostmortem(db, 'nope', { author: 'x' }, ctx())).rejects.toThrow(
      'no longer exists',
    );
    expect(await db.postmortems.count()).toBe(1);
  });
});

describe('setPostmortemStatus', () => {
  it('Final stamps the post-mortem completed milestone with its entry; leaving Final clears it', async () => {
    await changeStatus(db, incidentId, 'resolved', ctx(NOW + 60_000), 'Rolled back');
    await openPostmortem(db, incidentId, {}, ctx());
    await setPostmortemStatus(db, incidentId, 'review', ctx(NOW + 61_000));
    expect((await db.incidents.get(incidentId))?.milestones.postmortemCompleted).toBeUndefined();
    await setPostmortemStatus(db, incidentId, 'final', ctx(NOW + 62_000));
    expect((await db.incidents.get(incidentId))?.milestones.postmortemCompleted).toBe(NOW + 62_000);
    expect((await db.postmortems.get(incidentId))?.status).toBe('final');
    await setPostmortemStatus(db, incidentId, 'draft', ctx(NOW + 63_000));
    expect((await db.incidents.get(incidentId))?.milestones.postmortemCompleted).toBeUndefined();
    const texts = (await db.timelineEntries.where('incidentId').equals(incidentId).toArray())
      .filter((e) => /Post-mortem/.test(e.text))
      .sort((a, b) => a.loggedAt - b.loggedAt)
      .map((e) => [e.kind, e.change?.type ?? null]);
    expect(texts).toEqual([
      ['note', null],
      ['system', 'milestone'],
      ['system', 'milestone'],
    ]);
  });

  it('refuses Final dated before the resolution (the post-mortem completes after it)', async () => {
    await changeStatus(db, incidentId, 'resolved', ctx(NOW + 60_000), 'Rolled back');
    await expect(setPostmortemStatus(db, incidentId, 'final', ctx(NOW + 2000))).rejects.toThrow(
      'Post-mortem completed must be at or after Resolved (2026-11-22 14:01 UTC).',
    );
    expect((await db.postmortems.get(incidentId))?.status ?? 'draft').toBe('draft');
    expect((await db.incidents.get(incidentId))?.milestones.postmortemCompleted).toBeUndefined();
  });
});

describe('savePostmortem: structure', () => {
  const H = 3_600_000;
  it('keeps windows, chains, sections, curation and counts, each list replaced whole', async () => {
    await savePostmortem(
      db,
      incidentId,
      {
        impactWindows: [{ id: 'w1', kind: 'outage', start: NOW - 2 * H, end: null }],
        whysQuestion: 'Why did checkout fail?',
        whysChains: [{ id: 'c2', question: 'Why so slow?', whys: ['cold storage'] }],
        customSections: [{ id: 's1', title: 'Recovery procedures', body: 'x' }],
        timelineChoices: { e1: true },
        affectedRecords: 1200,
      },
      ctx(),
    );
    const saved = await savePostmortem(db, incidentId, { sections: { lessons: 'L' } }, ctx());
    expect(saved).toMatchObject({
      whysQuestion: 'Why did checkout fail?',
      timelineChoices: { e1: true },
      affectedRecords: 1200,
      sections: { lessons: 'L' },
    });
    expect(saved.impactWindows).toHaveLength(1);
    const next = await savePostmortem(db, incidentId, { timelineChoices: {} }, ctx());
    expect(next.timelineChoices).toEqual({});
    expect(next.customSections).toEqual([{ id: 's1', title: 'Recovery procedures', body: 'x' }]);
  });

  it.each([
    [
      'an end before the start',
      { impactWindows: [{ id: 'w', kind: 'degraded' as const, start: NOW - H, end: NOW - 2 * H }] },
      'impactWindows',
    ],
    [
      'a start in the future',
      { impactWindows: [{ id: 'w', kind: 'outage' as const, start: NOW + 2 * H, end: null }] },
      'impactWindows',
    ],
    ['a fractional count', { affectedUsers: 1.5 }, 'affectedUsers'],
    ['a negative count', { affectedRecords: -1 }, 'affectedRecords'],
    [
      'an over-long section title',
      { customSections: [{ id: 's', title: 'x'.repeat(121), body: '' }] },
      'customSections',
    ],
  ])('refuses %s, writing nothing', async (_name, patch, field) => {
    await expect(savePostmortem(db, incidentId, patch, ctx())).rejects.toMatchObject({ field });
    expect(await db.postmortems.get(incidentId)).toBeUndefined();
  });
});
