/**
 * Issue 11: in local-time mode every exported or copied time carries its zone, and the
 * post-mortem's rows stay in the order things happened across a daylight-saving change.
 */
import { describe, expect, it } from 'vitest';
import { withZone } from '../logic/testing/with-zone';
import { renderMessage } from './comms';
import { postmortemTimeline, renderPostmortem, type PostmortemInput } from './postmortem';
import { prefillPostmortem } from './postmortem-sections';
import {
  ACTION_ITEMS,
  ENTRIES,
  POSTMORTEM,
  RESOLVED,
  ROLES,
  commsContext,
} from './testing/fixture';

const utc = (d: number, h: number, m: number) => Date.UTC(2026, 10, d, h, m);

describe('stakeholder messages in local time (America/New_York)', () => {
  withZone('America/New_York');

  it('gives the start and end of a resolved incident with their zone', () => {
    const base = commsContext('customers', 'resolved');
    const incident = {
      ...RESOLVED,
      milestones: { ...RESOLVED.milestones, started: utc(22, 14, 0), resolved: utc(22, 16, 30) },
    };
    const { body } = renderMessage({ ...base, incident, timeZone: 'local' }, 'plain');
    expect(body).toContain('2026-11-22 09:00 EST');
    expect(body).toContain('2026-11-22 11:30 EST');
    expect(body).toContain('(2 h 30 min)');
    expect(body).not.toMatch(/11:30(?! EST)/);
  });

  it('gives the next update time with its zone', () => {
    const { body } = renderMessage(
      { ...commsContext('engineering', 'initial'), timeZone: 'local' },
      'plain',
    );
    expect(body).toContain('Next update at 09:25 EST (in 15 minutes).');
  });

  it('keeps a duration of a day or more whole', () => {
    const base = commsContext('executives', 'resolved');
    const incident = {
      ...RESOLVED,
      milestones: { ...RESOLVED.milestones, started: utc(22, 14, 0), resolved: utc(23, 14, 44) },
    };
    const { body } = renderMessage({ ...base, incident, timeZone: 'local' }, 'plain');
    expect(body).toContain('(1 d 0 h 44 min)');
  });
});

describe('post-mortem in local time across the New York fall-back', () => {
  withZone('America/New_York');
  // 01:30 EDT start, a finding at 01:40 EDT, a decision at 01:10 EST (half an hour after it),
  // resolved at 01:40 EST.
  const input: PostmortemInput = {
    incident: {
      ...RESOLVED,
      milestones: { started: utc(1, 5, 30), declared: utc(1, 5, 30), resolved: utc(1, 6, 40) },
    },
    postmortem: POSTMORTEM,
    entries: [
      {
        ...ENTRIES[0]!,
        id: 'x1',
        occurredAt: utc(1, 5, 40),
        text: 'Replica 1 stopped',
        pinned: true,
      },
      {
        ...ENTRIES[0]!,
        id: 'x2',
        kind: 'decision',
        occurredAt: utc(1, 6, 10),
        text: 'Fail over to replica 2',
        pinned: true,
      },
    ],
    roleHistory: ROLES,
    actionItems: ACTION_ITEMS,
    sloBudgetConsumed: null,
    timeZone: 'local',
  };

  it('lists rows by instant, each with its own offset', () => {
    const md = renderPostmortem(input);
    // Markdown escapes the underscore of the zone's name.
    expect(md).toContain('## Timeline (local time, America/New\\_York)');
    const rows = [
      '| 01:30 EDT | Impact started |',
      '| 01:40 EDT | Replica 1 stopped |',
      '| 01:10 EST | Decision: Fail over to replica 2 |',
      '| 01:40 EST | Incident resolved |',
    ];
    const found = rows.map((r) => md.indexOf(r));
    expect(found.every((i) => i > 0)).toBe(true);
    expect([...found].sort((a, b) => a - b)).toEqual(found);
    expect(postmortemTimeline(input).map((r) => r.at)).toEqual(
      [...postmortemTimeline(input).map((r) => r.at)].sort((a, b) => a - b),
    );
  });

  it('gives the Duration line each end’s zone and the real length', () => {
    expect(renderPostmortem(input)).toContain('**Duration:** 01:30 EDT – 01:40 EST (1 h 10 min)');
  });

  it('prefills the executive summary with zoned times', () => {
    const summary = prefillPostmortem({ ...input, confirmedHypotheses: [] }).executiveSummary;
    expect(summary).toContain('For 1 h 10 min (2026-11-01 01:30 EDT to 2026-11-01 01:40 EST)');
  });
});
