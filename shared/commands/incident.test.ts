import { describe, expect, it } from 'vitest';
import { TITLE_MAX } from '../domain/incident';
import { DEFAULT_SETTINGS } from '../domain/settings';
import type { Service } from '../domain/records';
import { rowsOf } from './change-set';
import { seatTag } from '../logic/reference';
import {
  changeSeverity,
  changeStatus,
  checkDeclaration,
  correctMilestone,
  declareIncident,
  renameIncident,
} from './incident';
import { anIncident, ctx, MIN, NOW, unrecorded } from './test-fixtures';

const base = { title: 'Checkout API errors', severity: 'SEV2' as const, startedAt: NOW - 10 * MIN };
const noFacts = { refsOfDay: [], slugsOfDay: [], services: [] };

describe('checkDeclaration', () => {
  it.each([
    [{ ...base, title: '  ' }, 'title', 'Give the incident a title.'],
    [
      { ...base, severity: null as never },
      'severity',
      'Choose a severity: it sets the update cadence and escalation.',
    ],
    [
      { ...base, startedAt: NOW + 5 * MIN },
      'startedAt',
      'The start time is in the future: impact can only have started already.',
    ],
    [
      { ...base, detectedAt: NOW - 20 * MIN },
      'detectedAt',
      'Detected must be at or after Started (2026-11-22 13:50 UTC).',
    ],
  ])('refuses %o on %s', (input, field, message) => {
    expect(() => checkDeclaration(input, NOW)).toThrow(expect.objectContaining({ field, message }));
  });

  it('fills the defaults', () => {
    expect(checkDeclaration(base, NOW)).toMatchObject({
      services: [],
      drill: false,
      detectionSource: 'alert',
    });
  });
});

describe('declareIncident', () => {
  it('adds the incident and its pinned declared entry, keeping the record rule', () => {
    const { changes: cs, result } = declareIncident(noFacts, base, ctx());
    expect(result).toMatchObject({
      ref: `INC-2026-11-22-001-${seatTag()}`,
      slug: '#inc-2026-11-22-checkout-api-errors',
      status: 'investigating',
      milestones: { started: NOW - 10 * MIN, detected: NOW, declared: NOW },
    });
    expect(cs.incidents?.added).toEqual([result]);
    const [entry] = rowsOf(cs, 'timelineEntries');
    expect(entry).toMatchObject({
      text: 'Declared SEV2 (Major): Checkout API errors',
      pinned: true,
      change: { type: 'declared', to: 'SEV2' },
    });
    expect(unrecorded(cs)).toEqual([]);
  });

  it('takes the seat’s next counter of the day and a slug not yet used that day', () => {
    const tag = seatTag('seat-a');
    const { result } = declareIncident(
      {
        // Untagged references (from before seat tags) and this seat's count; another seat's do not.
        refsOfDay: ['INC-2026-11-22-001', `INC-2026-11-22-002-${tag}`, 'INC-2026-11-22-007-ZZZZ'],
        slugsOfDay: ['#inc-2026-11-22-checkout-api-errors'],
        services: [],
        seat: 'seat-a',
      },
      base,
      ctx(),
    );
    expect(result.ref).toBe(`INC-2026-11-22-003-${tag}`);
    expect(result.slug).toBe('#inc-2026-11-22-checkout-api-errors-003');
  });

  it('gives two seats declaring offline on one day different references', () => {
    const facts = (seat: string) => ({ refsOfDay: [], slugsOfDay: [], services: [], seat });
    const a = declareIncident(facts('seat-a'), base, ctx()).result.ref;
    const b = declareIncident(facts('seat-b'), base, ctx()).result.ref;
    expect(a).not.toBe(b);
    expect(a).toMatch(/^INC-2026-11-22-001-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(b).toMatch(/^INC-2026-11-22-001-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('lists the services once, touching known ones and adding new ones', () => {
    const known: Service = {
      id: 's1',
      name: 'API',
      ownerTeam: 'Core',
      sloTarget: 99.9,
      sloWindowDays: 30,
      runbookId: null,
      lastUsedAt: 1,
    };
    const { changes: cs, result } = declareIncident(
      { ...noFacts, services: [known] },
      { ...base, services: [' api ', 'Payments', 'api', ''] },
      ctx(),
    );
    expect(result.services).toEqual(['api', 'Payments']);
    expect(cs.services?.updated).toEqual([{ ...known, lastUsedAt: NOW }]);
    expect(cs.services?.added).toEqual([
      expect.objectContaining({ name: 'Payments', ownerTeam: '', lastUsedAt: NOW }),
    ]);
  });
});

describe('changeStatus', () => {
  const inc = anIncident();
  it.each([
    [undefined, { status: 'mitigating' as const }, undefined, 'This incident no longer exists.'],
    [inc, { status: 'investigating' as const }, 'status', 'The incident is already Investigating.'],
    [
      inc,
      { status: 'resolved' as const },
      'resolutionSummary',
      'Say in one line how it was resolved.',
    ],
    [
      inc,
      {
        status: 'resolved' as const,
        resolutionSummary: 'x',
        dataLoss: { state: 'some' as const, what: '', window: '' },
      },
      'dataLossWhat',
      undefined,
    ],
  ])('refuses (%#)', (found, input, field, message) => {
    expect(() => changeStatus(found, input, ctx(NOW + MIN))).toThrow(
      expect.objectContaining({ field, ...(message ? { message } : {}) }),
    );
  });

  it('stamps the milestone the first time, with its pinned status entry', () => {
    const { changes: cs, result } = changeStatus(inc, { status: 'identified' }, ctx(NOW + MIN));
    expect(result.milestones.identified).toBe(NOW + MIN);
    expect(rowsOf(cs, 'timelineEntries').map((e) => [e.text, e.pinned])).toEqual([
      ['Status: Investigating → Identified', true],
    ]);
    expect(unrecorded(cs, inc)).toEqual([]);
  });

  it('records the resolution and the Data loss fact 1 ms after the status', () => {
    const { changes: cs, result } = changeStatus(
      inc,
      {
        status: 'resolved',
        resolutionSummary: ' Rolled back ',
        dataLoss: { state: 'none', what: '', window: '' },
      },
      ctx(NOW + MIN),
    );
    expect(result.resolutionSummary).toBe('Rolled back');
    const entries = rowsOf(cs, 'timelineEntries');
    expect(entries.map((e) => e.change?.type)).toEqual(['status', 'impact']);
    expect(entries[0]!.text).toBe('Status: Investigating → Resolved. Resolution: Rolled back');
    expect(entries[1]!.loggedAt).toBe(NOW + MIN + 1);
  });

  it('clears Resolved when reopened', () => {
    const resolved = changeStatus(
      inc,
      { status: 'resolved', resolutionSummary: 'x' },
      ctx(NOW + MIN),
    ).result;
    const { result } = changeStatus(resolved, { status: 'monitoring' }, ctx(NOW + 2 * MIN));
    expect(result.milestones.resolved).toBeUndefined();
  });

  it('refuses a backdated status that would put the milestones out of order', () => {
    expect(() =>
      changeStatus(
        inc,
        { status: 'identified' },
        { ...ctx(NOW + MIN), occurredAt: NOW - 20 * MIN },
      ),
    ).toThrow(expect.objectContaining({ field: 'status' }));
  });
});

describe('changeSeverity', () => {
  const inc = anIncident();
  it.each([
    [inc, 'SEV1' as const, ' ', 'reason'],
    [undefined, 'SEV1' as const, 'why', undefined],
    [inc, 'SEV2' as const, 'why', 'severity'],
  ])('refuses (%#)', (found, severity, reason, field) => {
    expect(() => changeSeverity(found, { severity, reason }, DEFAULT_SETTINGS, ctx())).toThrow(
      expect.objectContaining({ field }),
    );
  });

  it('records old → new with the reason, and the cadence re-plan 1 ms later while active', () => {
    const { changes: cs, result } = changeSeverity(
      inc,
      { severity: 'SEV1', reason: ' Data loss risk ' },
      DEFAULT_SETTINGS,
      ctx(),
    );
    expect(result.severity).toBe('SEV1');
    const entries = rowsOf(cs, 'timelineEntries');
    expect(entries.map((e) => [e.change?.type, e.occurredAt])).toEqual([
      ['severity', NOW],
      ['cadence', NOW + 1],
    ]);
    expect(entries[0]!.text).toBe('Severity: SEV2 → SEV1. Reason: Data loss risk');
    expect(unrecorded(cs, inc)).toEqual([]);
  });

  it('does not re-plan the cadence of a resolved incident', () => {
    const resolved = anIncident({ status: 'resolved' });
    const { changes: cs } = changeSeverity(
      resolved,
      { severity: 'SEV3', reason: 'x' },
      DEFAULT_SETTINGS,
      ctx(),
    );
    expect(rowsOf(cs, 'timelineEntries').map((e) => e.change?.type)).toEqual(['severity']);
  });
});

describe('correctMilestone', () => {
  const inc = anIncident();
  it.each([
    [{ milestone: 'detected' as const, at: NOW + 2 * MIN }, 'A milestone cannot be in the future.'],
    [{ milestone: 'started' as const, at: null }, 'Started cannot be cleared.'],
    [
      { milestone: 'postmortemCompleted' as const, at: NOW },
      'The post-mortem is completed by setting its status to Final.',
    ],
    [
      { milestone: 'resolved' as const, at: NOW },
      'Resolve the incident with the Status control first.',
    ],
    [
      { milestone: 'detected' as const, at: NOW - 20 * MIN },
      'Detected must be at or after Started (2026-11-22 13:50 UTC).',
    ],
  ])('refuses %o', (input, message) => {
    expect(() => correctMilestone(inc, input, ctx())).toThrow(
      expect.objectContaining({ field: 'milestone', message }),
    );
  });

  it('records the correction with the old value and the reason', () => {
    const { changes: cs, result } = correctMilestone(
      inc,
      { milestone: 'detected', at: NOW - 5 * MIN, reason: ' Alert fired earlier ' },
      ctx(),
    );
    expect(result.milestones.detected).toBe(NOW - 5 * MIN);
    const [entry] = rowsOf(cs, 'timelineEntries');
    expect(entry!.text).toBe(
      'Milestone Detected corrected: 2026-11-22 14:00 UTC → 2026-11-22 13:55 UTC. Reason: Alert fired earlier',
    );
    expect(entry!.change).toMatchObject({
      type: 'milestone',
      field: 'detected',
      from: String(NOW),
    });
    expect(unrecorded(cs, inc)).toEqual([]);
  });
});

describe('renameIncident', () => {
  const inc = anIncident();
  it.each([
    ['   ', 'Give the incident a title.'],
    ['x'.repeat(500), `Keep the title to ${TITLE_MAX} characters or fewer (it has 500).`],
  ])('refuses %j', (title, message) => {
    expect(() => renameIncident(inc, title, ctx())).toThrow(
      expect.objectContaining({ field: 'title', message }),
    );
  });

  it('records old → new, and changes nothing for the same title', () => {
    const { changes: cs, result } = renameIncident(inc, ' Checkout down ', ctx());
    expect(result.title).toBe('Checkout down');
    expect(rowsOf(cs, 'timelineEntries')[0]!.text).toBe(
      'Title: Checkout API errors → Checkout down',
    );
    expect(unrecorded(cs, inc)).toEqual([]);
    expect(renameIncident(inc, 'Checkout API errors', ctx()).changes).toEqual({});
  });
});
