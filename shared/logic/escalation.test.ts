import { describe, expect, it } from 'vitest';
import type { UsersAffected } from '../domain/incident';
import type { Severity } from '../domain/severity';
import {
  atCurrentSeveritySince,
  escalationContact,
  severityAtDeclaration,
  escalationSuggestions,
  postmortemDue,
  responseTimeStatus,
  usersAffectedBaseline,
  type EscalationEntry,
  type EscalationIncident,
  type Suggestion,
} from './escalation';

const MIN = 60_000;
const HOUR = 60 * MIN;
const START = Date.UTC(2026, 10, 22, 14, 0, 0);

function incident(over: Partial<EscalationIncident> = {}): EscalationIncident {
  return {
    severity: 'SEV2',
    status: 'investigating',
    milestones: { started: START, declared: START + 5 * MIN },
    createdAt: START + 5 * MIN,
    dismissedSuggestions: {},
    impact: { usersAffected: null, payingAccounts: false, dataIntegrity: false },
    detection: { source: 'alert' },
    ...over,
  };
}

const keys = (s: Suggestion[]) => s.map((x) => x.key);
const users = (value: number, unit: UsersAffected['unit'] = 'users') => ({ value, unit });
const impactEntry = (
  at: number,
  from: UsersAffected | null,
  to: UsersAffected | null,
): EscalationEntry => ({
  kind: 'system',
  occurredAt: at,
  change: {
    type: 'impact',
    field: 'usersAffected',
    from: from && JSON.stringify(from),
    to: to && JSON.stringify(to),
  },
});
const sevEntry = (at: number, from: Severity, to: Severity): EscalationEntry => ({
  kind: 'system',
  occurredAt: at,
  change: { type: 'severity', from, to, reason: 'r' },
});

describe('escalationContact', () => {
  it('strips the timing words from the matrix column', () => {
    expect(escalationContact('SEV1')).toBe('VP Eng + CTO');
    expect(escalationContact('SEV2')).toBe('Eng Manager');
    expect(escalationContact('SEV3')).toBe('Team lead');
    expect(escalationContact('SEV4')).toBe('Backlog triage');
  });
});

describe('no root cause', () => {
  it.each([
    ['SEV1', 30 * MIN, 'VP Eng + CTO'],
    ['SEV2', 2 * HOUR, 'VP Eng + CTO'],
  ] as [Severity, number, string][])(
    '%s fires at exactly the limit, not a second before',
    (severity, limit, to) => {
      const inc = incident({ severity });
      expect(escalationSuggestions({ incident: inc, now: START + limit - 1_000 })).toEqual([]);
      expect(escalationSuggestions({ incident: inc, now: START + limit - 1 })).toEqual([]);
      const [s] = escalationSuggestions({ incident: inc, now: START + limit });
      expect(s).toMatchObject({ key: 'no-root-cause', action: { type: 'escalate', to } });
      expect(s?.detail).toMatch(/VP Eng \+ CTO immediately/);
    },
  );

  it('never fires for SEV3 or SEV4', () => {
    for (const severity of ['SEV3', 'SEV4'] as const) {
      expect(
        escalationSuggestions({ incident: incident({ severity }), now: START + 48 * HOUR }),
      ).toEqual([]);
    }
  });

  it('is quiet once the cause is identified or a hypothesis is confirmed', () => {
    const now = START + HOUR;
    const identified = incident({
      severity: 'SEV1',
      milestones: { started: START, identified: START + 40 * MIN },
    });
    expect(escalationSuggestions({ incident: identified, now })).toEqual([]);
    const inc = incident({ severity: 'SEV1' });
    expect(escalationSuggestions({ incident: inc, now, confirmedHypothesis: true })).toEqual([]);
    expect(keys(escalationSuggestions({ incident: inc, now, confirmedHypothesis: false }))).toEqual(
      ['no-root-cause'],
    );
  });

  it('counts from declaration, then creation, when the start is unknown', () => {
    const inc = incident({ severity: 'SEV1', milestones: { declared: START } });
    expect(escalationSuggestions({ incident: inc, now: START + 30 * MIN })).toHaveLength(1);
    const bare = incident({ severity: 'SEV1', milestones: {}, createdAt: START });
    expect(escalationSuggestions({ incident: bare, now: START + 29 * MIN })).toHaveLength(0);
    expect(escalationSuggestions({ incident: bare, now: START + 30 * MIN })).toHaveLength(1);
  });

  it('stays dismissed until the severity (the fingerprint) changes', () => {
    const inc = incident({ severity: 'SEV2' });
    const now = START + 3 * HOUR;
    const [s] = escalationSuggestions({ incident: inc, now });
    const dismissed = { 'no-root-cause': s?.fingerprint ?? '' };
    expect(
      escalationSuggestions({
        incident: { ...inc, dismissedSuggestions: dismissed },
        now: now + HOUR,
      }),
    ).toEqual([]);
    const raised = { ...inc, severity: 'SEV1' as const, dismissedSuggestions: dismissed };
    expect(keys(escalationSuggestions({ incident: raised, now }))).toEqual(['no-root-cause']);
  });

  it('resolved incidents get no suggestions at all', () => {
    const inc = incident({ severity: 'SEV1', status: 'resolved' });
    expect(escalationSuggestions({ incident: inc, now: START + 5 * HOUR })).toEqual([]);
  });
});

describe('impact doubled', () => {
  const declared = impactEntry(START + 10 * MIN, users(1000), users(1500));
  const quiet = START + MIN; // before any no-root-cause trigger

  it.each([
    [1999, false],
    [2000, true],
    [5000, true],
  ])('1,000 declared → %d now: fires %s', (now, fires) => {
    const inc = incident({ impact: { ...incident().impact, usersAffected: users(now) } });
    const out = escalationSuggestions({ incident: inc, now: quiet, entries: [declared] });
    expect(keys(out)).toEqual(fires ? ['impact-doubled'] : []);
    if (fires) expect(out[0]?.action).toMatchObject({ type: 'severity', to: 'SEV1' });
  });

  it('upgrades one level only and never beyond SEV1', () => {
    const big = { ...incident().impact, usersAffected: users(4000) };
    const s3 = escalationSuggestions({
      incident: incident({ severity: 'SEV3', impact: big }),
      now: quiet,
      entries: [declared],
    });
    expect(s3[0]?.action).toMatchObject({ to: 'SEV2' });
    const s1 = escalationSuggestions({
      incident: incident({ severity: 'SEV1', impact: big }),
      now: quiet,
      entries: [declared],
    });
    expect(keys(s1)).toEqual([]);
  });

  it('needs history, a non-zero baseline and the same unit', () => {
    const impact = { ...incident().impact, usersAffected: users(40, 'percent') };
    const inc = incident({ impact });
    expect(escalationSuggestions({ incident: inc, now: quiet })).toEqual([]);
    const fromZero = impactEntry(START, users(0, 'percent'), users(40, 'percent'));
    expect(escalationSuggestions({ incident: inc, now: quiet, entries: [fromZero] })).toEqual([]);
    const fromCount = impactEntry(START, users(10), users(40, 'percent'));
    expect(escalationSuggestions({ incident: inc, now: quiet, entries: [fromCount] })).toEqual([]);
    const fromPercent = impactEntry(START, users(20, 'percent'), users(40, 'percent'));
    expect(
      keys(escalationSuggestions({ incident: inc, now: quiet, entries: [fromPercent] })),
    ).toEqual(['impact-doubled']);
  });

  it('uses the first recorded value when none was declared, and ignores junk JSON', () => {
    const entries = [
      impactEntry(START, null, users(100)),
      impactEntry(START + MIN, users(100), users(300)),
    ];
    expect(usersAffectedBaseline(entries)).toEqual(users(100));
    const junk: EscalationEntry = {
      ...entries[0]!,
      change: { type: 'impact', field: 'usersAffected', from: '{nope', to: '[]' },
    };
    expect(usersAffectedBaseline([junk])).toBeNull();
  });

  it('measures from the latest severity change, so an accepted upgrade needs a new doubling', () => {
    const history = [
      impactEntry(START + 10 * MIN, users(1000), users(2000)),
      sevEntry(START + 12 * MIN, 'SEV3', 'SEV2'),
      impactEntry(START + 20 * MIN, users(2000), users(3000)),
    ];
    expect(usersAffectedBaseline(history)).toEqual(users(2000));
    const at3000 = incident({ impact: { ...incident().impact, usersAffected: users(3000) } });
    expect(escalationSuggestions({ incident: at3000, now: quiet, entries: history })).toEqual([]);
    const at4000 = incident({ impact: { ...incident().impact, usersAffected: users(4000) } });
    expect(keys(escalationSuggestions({ incident: at4000, now: quiet, entries: history }))).toEqual(
      ['impact-doubled'],
    );
  });

  it('a dismissed doubling comes back when it doubles again', () => {
    const at = (n: number, dismissedSuggestions: Record<string, string> = {}) =>
      incident({
        severity: 'SEV3',
        dismissedSuggestions,
        impact: { ...incident().impact, usersAffected: users(n) },
      });
    const [first] = escalationSuggestions({ incident: at(2500), now: quiet, entries: [declared] });
    const dismissed = { 'impact-doubled': first?.fingerprint ?? '' };
    expect(
      escalationSuggestions({ incident: at(3900, dismissed), now: quiet, entries: [declared] }),
    ).toEqual([]);
    expect(
      keys(
        escalationSuggestions({ incident: at(4000, dismissed), now: quiet, entries: [declared] }),
      ),
    ).toEqual(['impact-doubled']);
  });
});

describe('customer report with paying accounts', () => {
  const paying = (
    severity: Severity,
    source: 'customer-report' | 'alert' = 'customer-report',
    payingAccounts = true,
  ) =>
    incident({ severity, detection: { source }, impact: { ...incident().impact, payingAccounts } });

  it.each([
    ['SEV4', true],
    ['SEV3', true],
    ['SEV2', false],
    ['SEV1', false],
  ] as [Severity, boolean][])('%s → suggests SEV2: %s', (severity, fires) => {
    const out = escalationSuggestions({ incident: paying(severity), now: START });
    expect(keys(out)).toEqual(fires ? ['paying-customer-report'] : []);
    if (fires)
      expect(out[0]?.action).toEqual({
        type: 'severity',
        to: 'SEV2',
        reason: expect.any(String) as string,
      });
  });

  it('needs both a customer report and paying accounts', () => {
    expect(escalationSuggestions({ incident: paying('SEV3', 'alert'), now: START })).toEqual([]);
    expect(
      escalationSuggestions({ incident: paying('SEV3', 'customer-report', false), now: START }),
    ).toEqual([]);
  });
});

describe('data integrity', () => {
  it('suggests SEV1 at once from any lower level, first among several', () => {
    const inc = incident({
      severity: 'SEV3',
      detection: { source: 'customer-report' },
      impact: { usersAffected: null, payingAccounts: true, dataIntegrity: true },
    });
    const out = escalationSuggestions({ incident: inc, now: START });
    expect(keys(out)).toEqual(['data-integrity', 'paying-customer-report']);
    expect(out[0]?.action).toMatchObject({ type: 'severity', to: 'SEV1' });
    const sev1 = { ...inc, severity: 'SEV1' as const };
    expect(keys(escalationSuggestions({ incident: sev1, now: START }))).toEqual([]);
  });

  it('a dismissal holds at SEV3 and lapses when severity moves to SEV2', () => {
    const inc = incident({
      severity: 'SEV3',
      impact: { usersAffected: null, payingAccounts: false, dataIntegrity: true },
    });
    const dismissed = { ...inc, dismissedSuggestions: { 'data-integrity': 'SEV3' } };
    expect(escalationSuggestions({ incident: dismissed, now: START })).toEqual([]);
    expect(
      keys(escalationSuggestions({ incident: { ...dismissed, severity: 'SEV2' }, now: START })),
    ).toEqual(['data-integrity']);
  });
});

describe('responseTimeStatus', () => {
  const d = START + 2 * MIN;
  it('measures detection → acknowledgement and → declaration against the target', () => {
    const r = responseTimeStatus({
      severity: 'SEV1',
      milestones: { detected: d, acknowledged: d + 4 * MIN + 59_999, declared: d + 5 * MIN },
    });
    expect(r.acknowledge).toEqual({ metMs: 5 * MIN - 1, targetMs: 5 * MIN, met: true });
    expect(r.declare).toEqual({ metMs: 5 * MIN, targetMs: 5 * MIN, met: false });
  });

  it('uses each severity target and returns null for missing milestones', () => {
    expect(
      responseTimeStatus({ severity: 'SEV3', milestones: { detected: d, declared: d + 59 * MIN } }),
    ).toEqual({
      severity: 'SEV3',
      acknowledge: null,
      declare: { metMs: 59 * MIN, targetMs: HOUR, met: true },
    });
    expect(responseTimeStatus({ severity: 'SEV2', milestones: { acknowledged: d } })).toEqual({
      severity: 'SEV2',
      acknowledge: null,
      declare: null,
    });
  });
});

describe('response target at the severity in force at declaration', () => {
  const d = START;
  const declaredEntry = (sev: Severity): EscalationEntry => ({
    kind: 'system',
    occurredAt: d + 5 * MIN,
    change: { type: 'declared', to: sev },
  });
  // The example: declared SEV3 in 5 min (target < 1 hour), raised to SEV1 later.
  const raised = {
    severity: 'SEV1' as const,
    milestones: { detected: d, declared: d + 5 * MIN },
  };

  it.each<[string, EscalationEntry[], Severity, boolean]>([
    [
      'from the declared entry',
      [declaredEntry('SEV3'), sevEntry(d + HOUR, 'SEV3', 'SEV1')],
      'SEV3',
      true,
    ],
    [
      'from the first change when there is no declared entry',
      [sevEntry(d + 2 * HOUR, 'SEV2', 'SEV1'), sevEntry(d + HOUR, 'SEV3', 'SEV2')],
      'SEV3',
      true,
    ],
    ['at the current severity when it never changed', [], 'SEV1', false],
  ])('%s', (_, entries, severity, met) => {
    const r = responseTimeStatus(raised, entries);
    expect(r.severity).toBe(severity);
    expect(r.declare?.met).toBe(met);
    expect(r.declare?.metMs).toBe(5 * MIN);
  });

  it('a SEV3 declared in 5 min stays ✓ after raising to SEV1', () => {
    const r = responseTimeStatus(raised, [
      declaredEntry('SEV3'),
      sevEntry(d + HOUR, 'SEV3', 'SEV1'),
    ]);
    expect(r.declare).toEqual({ metMs: 5 * MIN, targetMs: HOUR, met: true });
    expect(severityAtDeclaration(raised, [declaredEntry('SEV2')])).toBe('SEV2');
  });

  it('is null, not 0, when acknowledgement is recorded before detection', () => {
    const r = responseTimeStatus({
      severity: 'SEV2',
      milestones: { detected: d, acknowledged: d - MIN },
    });
    expect(r.acknowledge).toBeNull();
  });
});

describe('escalation wording counts the time at the current severity', () => {
  it('says SEV1 for 1 min, not 5 h 31 min, the minute after raising to SEV1', () => {
    const now = START + 5 * HOUR + 31 * MIN;
    const inc = incident({ severity: 'SEV1' });
    const entries = [sevEntry(now - MIN, 'SEV3', 'SEV1')];
    const [s] = escalationSuggestions({ incident: inc, now, entries });
    expect(s?.detail).toBe(
      'SEV1 for 1 min (5 h 31 min since impact began) with no identified cause. ' +
        'Escalate to the next tier: VP Eng + CTO immediately.',
    );
    expect(atCurrentSeveritySince(inc, entries)).toBe(now - MIN);
  });

  it('counts from the start when severity never changed', () => {
    const now = START + 45 * MIN;
    const [s] = escalationSuggestions({ incident: incident({ severity: 'SEV1' }), now });
    expect(s?.detail).toMatch(/^SEV1 for 45 min with no identified cause\./);
  });
});

describe('postmortemDue', () => {
  const resolved = START + 3 * HOUR;
  it('is 48 h after resolution, overdue from that instant', () => {
    const inc = { milestones: { resolved } };
    expect(postmortemDue(inc, resolved)).toEqual({
      dueAt: resolved + 48 * HOUR,
      remainingMs: 48 * HOUR,
      overdue: false,
      overdueMs: 0,
    });
    expect(postmortemDue(inc, resolved + 48 * HOUR - 1)?.overdue).toBe(false);
    expect(postmortemDue(inc, resolved + 48 * HOUR)).toMatchObject({
      overdue: true,
      remainingMs: 0,
    });
    expect(postmortemDue(inc, resolved + 50 * HOUR)).toMatchObject({
      overdue: true,
      overdueMs: 2 * HOUR,
    });
  });

  it('is null before resolution and once the post-mortem is complete', () => {
    expect(postmortemDue({ milestones: {} }, resolved)).toBeNull();
    expect(
      postmortemDue({ milestones: { resolved, postmortemCompleted: resolved + HOUR } }, resolved),
    ).toBeNull();
  });
});
