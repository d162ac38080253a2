import { describe, expect, it } from 'vitest';
import { RESOLVED } from '../render/testing/fixture';
import type { Postmortem } from '../domain/records';
import { rowsOf, unrecordedChanges } from './change-set';
import {
  addPostmortemCause,
  emptyPostmortem,
  mergeIntoEmpty,
  mergePatches,
  openPostmortem,
  removePostmortemCause,
  savePostmortem,
  setPostmortemStatus,
  type PostmortemPatch,
} from './postmortem';

const NOW = RESOLVED.milestones.resolved! + 3_600_000;
const ctx = { now: NOW, author: 'Priya' };
const stored: Postmortem = {
  ...emptyPostmortem(RESOLVED.id, 'Alice', NOW - 1000),
  sections: { summary: 'Old.', lessons: 'Keep.' },
};

describe('openPostmortem', () => {
  it('creates it once, prefilled into blank sections; an existing one changes nothing', () => {
    const first = openPostmortem(RESOLVED, undefined, { summary: 'Drafted', lessons: ' ' }, ctx);
    expect(first.result.sections).toEqual({ summary: 'Drafted' });
    expect(first.changes.postmortems?.added).toEqual([first.result]);
    expect(openPostmortem(RESOLVED, stored, { summary: 'x' }, ctx)).toEqual({
      changes: {},
      result: stored,
    });
    expect(() => openPostmortem(undefined, undefined, {}, ctx)).toThrow(
      'This incident no longer exists.',
    );
  });

  it('mergeIntoEmpty never overwrites what someone wrote', () => {
    expect(mergeIntoEmpty({ a: 'mine', b: ' ' }, { a: 'x', b: 'y', c: 'z' })).toEqual({
      a: 'mine',
      b: 'y',
      c: 'z',
    });
  });
});

describe('savePostmortem', () => {
  it('changes only the sections named, as typed; creates the row when missing', () => {
    const saved = savePostmortem(RESOLVED, stored, { sections: { summary: ' New ' } }, ctx);
    expect(saved.result.sections).toEqual({ summary: ' New ', lessons: 'Keep.' });
    expect(saved.changes.postmortems?.updated).toEqual([saved.result]);
    const created = savePostmortem(RESOLVED, undefined, { author: 'Bo' }, ctx);
    expect(created.changes.postmortems?.added?.[0]).toMatchObject({ author: 'Bo' });
  });

  it.each<[PostmortemPatch, string]>([
    [
      { customSections: [{ id: 'c', title: 'x'.repeat(500) }] } as PostmortemPatch,
      'customSections',
    ],
    [{ affectedUsers: -1 }, 'affectedUsers'],
    [{ affectedRecords: 1.5 }, 'affectedRecords'],
  ])('refuses %j on %s', (patch, field) => {
    expect(() => savePostmortem(RESOLVED, stored, patch, ctx)).toThrow(
      expect.objectContaining({ field }),
    );
  });

  it('mergePatches: the later wins, sections merged one by one', () => {
    expect(
      mergePatches({ sections: { a: '1', b: '1' }, author: 'A' }, { sections: { b: '2' } }),
    ).toEqual({ sections: { a: '1', b: '2' }, author: 'A' });
  });
});

describe('setPostmortemStatus', () => {
  it('Review is a note; the same status changes nothing', () => {
    const { changes } = setPostmortemStatus(RESOLVED, stored, 'review', ctx);
    expect(rowsOf(changes, 'timelineEntries').map((e) => [e.kind, e.text])).toEqual([
      ['note', 'Post-mortem status: Draft → Review'],
    ]);
    expect(changes.incidents).toBeUndefined();
    expect(setPostmortemStatus(RESOLVED, stored, 'draft', ctx).changes).toEqual({});
  });

  it('Final stamps the milestone with its record; leaving Final clears it, recorded too', () => {
    const final = setPostmortemStatus(RESOLVED, stored, 'final', ctx);
    const incident = rowsOf(final.changes, 'incidents')[0]!;
    expect(incident.milestones.postmortemCompleted).toBe(NOW);
    expect(rowsOf(final.changes, 'timelineEntries')[0]?.change).toMatchObject({
      type: 'milestone',
      field: 'postmortemCompleted',
    });
    expect(unrecordedChanges(final.changes, () => RESOLVED)).toEqual([]);
    const back = setPostmortemStatus(incident, final.result, 'review', ctx);
    expect(rowsOf(back.changes, 'incidents')[0]?.milestones.postmortemCompleted).toBeUndefined();
    expect(unrecordedChanges(back.changes, () => incident)).toEqual([]);
  });
});

describe('contributing causes', () => {
  const pool: Postmortem = {
    ...stored,
    causes: [{ tag: 'Connection pool exhaustion', category: 'technology' }],
  };

  it('adds a cause (tag tidied), creating the post-mortem when there is none', () => {
    const added = addPostmortemCause(
      RESOLVED,
      stored,
      { tag: '  missing\n canary ', category: 'process' },
      ctx,
    );
    expect(added.result.causes).toEqual([{ tag: 'missing canary', category: 'process' }]);
    expect(added.result.sections).toEqual(stored.sections);
    expect(added.result.updatedAt).toBe(NOW);
    expect(added.changes.postmortems?.updated).toEqual([added.result]);
    expect(unrecordedChanges(added.changes, () => RESOLVED)).toEqual([]);
    const created = addPostmortemCause(
      RESOLVED,
      undefined,
      { tag: 'DNS TTL', category: 'environment' },
      ctx,
    );
    expect(created.changes.postmortems?.added?.[0]).toMatchObject({
      incidentId: RESOLVED.id,
      causes: [{ tag: 'DNS TTL', category: 'environment' }],
    });
  });

  it('keeps what else the post-mortem holds when a later save lands', () => {
    const withCause = addPostmortemCause(RESOLVED, stored, { tag: 'x', category: 'other' }, ctx);
    const saved = savePostmortem(RESOLVED, withCause.result, { sections: { a: 'b' } }, ctx);
    expect(saved.result.causes).toEqual([{ tag: 'x', category: 'other' }]);
  });

  it.each<[string, string, string, RegExp]>([
    ['blank', '   ', 'causeTag', /Name the cause/],
    ['only control characters', '\u0000\u0007', 'causeTag', /Name the cause/],
    ['too long', 'x'.repeat(81), 'causeTag', /The cause is 81 characters; the limit is 80/],
    ['half an emoji', 'pool \uD83D', 'causeTag', /broken character/],
    [
      'the same cause spelled differently',
      'connection-pool  EXHAUSTION',
      'causeTag',
      /"Connection pool exhaustion" is already a contributing cause \(filed under Technology\)/,
    ],
  ])('refuses a tag that is %s', (_, tag, field, message) => {
    expect(() => addPostmortemCause(RESOLVED, pool, { tag, category: 'other' }, ctx)).toThrow(
      expect.objectContaining({ field, message: expect.stringMatching(message) as string }),
    );
  });

  it('refuses a category that is not a fishbone category, and a missing incident', () => {
    expect(() =>
      addPostmortemCause(
        RESOLVED,
        pool,
        { tag: 'y', category: 'weather' as unknown as 'other' },
        ctx,
      ),
    ).toThrow(expect.objectContaining({ field: 'causeCategory' }));
    expect(() => addPostmortemCause(undefined, pool, { tag: 'y', category: 'other' }, ctx)).toThrow(
      'This incident no longer exists.',
    );
  });

  it('refuses one cause more than the limit', () => {
    const full: Postmortem = {
      ...stored,
      causes: Array.from({ length: 30 }, (_, i) => ({ tag: `c${i}`, category: 'other' as const })),
    };
    expect(() =>
      addPostmortemCause(RESOLVED, full, { tag: 'one more', category: 'other' }, ctx),
    ).toThrow(
      expect.objectContaining({
        field: 'causeTag',
        message: expect.stringMatching(/at most 30/) as string,
      }),
    );
  });

  it('removes by normalised tag; a cause already gone changes nothing', () => {
    const removed = removePostmortemCause(RESOLVED, pool, 'connection pool EXHAUSTION', ctx);
    expect(removed.result.causes).toEqual([]);
    expect(removed.changes.postmortems?.updated).toEqual([removed.result]);
    expect(removePostmortemCause(RESOLVED, stored, 'nothing', ctx).changes).toEqual({});
    expect(removePostmortemCause(RESOLVED, undefined, 'nothing', ctx).changes).toEqual({});
  });
});
