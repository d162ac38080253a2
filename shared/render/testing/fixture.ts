/** Test-only fixture: one resolved SEV1 incident with its record, for golden files. */
import type { Incident } from '../../domain/incident';
import type { ActionItem, Postmortem } from '../../domain/records';
import type { RoleAssignment } from '../../domain/roles';
import type { TimelineEntry } from '../../domain/timeline';
import { emptyAudienceCadence } from '../../domain/audience';
import type { CommsContext } from '../../logic/comms-templates';

/** 2026-11-22 at hh:mm UTC. */
export const at = (hh: number, mm: number): number => Date.UTC(2026, 10, 22, hh, mm);

export const PEOPLE = [
  { name: 'Alice Chen', handle: '@alice' },
  { name: 'Bob Martinez', handle: '@bob' },
  { name: 'Priya Nair', handle: '@priya' },
];

export const INCIDENT: Incident = {
  id: 'inc-1',
  ref: 'INC-2026-11-22-001',
  slug: '#inc-2026-11-22-checkout-api-errors',
  title: 'Checkout API returning 5xx errors',
  severity: 'SEV1',
  status: 'investigating',
  impact: {
    summary: 'Some customers cannot complete checkout.',
    usersAffected: { value: 12, unit: 'percent' },
    customerFacing: true,
    payingAccounts: true,
    dataIntegrity: false,
    revenueImpact: 'About $1,200 per minute in failed orders',
    supportTickets: 37,
    publicSummary: 'Some shoppers could not pay for their orders.',
  },
  services: ['checkout-api', 'payments-db'],
  detection: { source: 'alert', alertName: 'CheckoutErrorRateHigh' },
  drill: false,
  milestones: {
    started: at(14, 2),
    detected: at(14, 4),
    acknowledged: at(14, 5),
    declared: at(14, 8),
  },
  cadence: emptyAudienceCadence(),
  resolutionSummary: null,
  dismissedSuggestions: {},
  createdAt: at(14, 8),
  updatedAt: at(14, 30),
};

/** The same incident, resolved. */
export const RESOLVED: Incident = {
  ...INCIDENT,
  status: 'resolved',
  resolutionSummary: 'Rolled back the connection-pool config change; error rate back to baseline.',
  milestones: {
    ...INCIDENT.milestones,
    identified: at(14, 12),
    mitigated: at(14, 23),
    resolved: at(14, 30),
  },
};

const NO_DATA_LOST = { state: 'none', what: '', window: '' } as const;

/** A context for `audience` × `type`, the same facts throughout (resolved: no data lost). */
export function commsContext(
  audience: CommsContext['audience'],
  type: CommsContext['type'],
  variant: CommsContext['variant'] = 'standard',
): CommsContext {
  const resolved = type === 'resolved';
  return {
    incident: resolved
      ? { ...RESOLVED, impact: { ...RESOLVED.impact, dataLoss: NO_DATA_LOST } }
      : { ...INCIDENT, status: type === 'update' ? 'identified' : 'investigating' },
    audience,
    type,
    variant,
    now: type === 'initial' ? at(14, 10) : resolved ? at(14, 35) : at(14, 25),
    timeZone: 'utc',
    nextUpdateAt: resolved ? null : type === 'initial' ? at(14, 25) : at(14, 40),
    findings:
      type === 'initial'
        ? []
        : ['Error rate rose to 18% at 14:02, right after config deploy 2.3.1.'],
    confirmedHypotheses:
      type === 'initial'
        ? []
        : ['Connection pool max lowered from 200 to 20 by the config change.'],
    actionsSinceLastUpdate:
      type === 'initial' ? [] : ['Paused the deploy pipeline.', 'Started config rollback.'],
    nextSteps:
      type === 'initial' ? [] : ['Finish the rollback.', 'Watch error rate for 15 minutes.'],
    needs: ['A DBA to confirm connection counts on payments-db.'],
    durationMs: null,
    postmortemDate: resolved ? '2026-11-24' : null,
    actionItemsWhere: resolved ? 'the OPS board' : null,
    eta: type === 'initial' ? null : 'about 15:00 UTC',
    people: PEOPLE,
  };
}

export const ENTRIES: TimelineEntry[] = [
  entry('e1', 'finding', at(14, 4), 'Alert CheckoutErrorRateHigh fired: 5xx > 5% for 2 min.', true),
  entry('e2', 'note', at(14, 6), 'Looking at the dashboards.', false),
  entry(
    'e3',
    'hypothesis',
    at(14, 12),
    'Bad config deploy at 13:55 | pool size 20 (was 200)?',
    true,
  ),
  entry('e4', 'action', at(14, 18), 'Config rollback initiated by @bob.', true),
  entry('e5', 'finding', at(14, 23), 'Error rate returning to baseline.', true),
  { ...entry('e6', 'note', at(14, 24), 'Deleted note', true), deletedAt: at(14, 25) },
  entry('e7', 'comms', at(14, 45), 'All-clear sent to stakeholders.', true),
];

function entry(
  id: string,
  kind: TimelineEntry['kind'],
  when: number,
  text: string,
  pinned: boolean,
): TimelineEntry {
  return {
    id,
    incidentId: 'inc-1',
    kind,
    text,
    occurredAt: when,
    loggedAt: when,
    author: 'Priya Nair',
    pinned,
    deletedAt: null,
    revisions: [],
    change: null,
    audience: null,
  };
}

export const ROLES: RoleAssignment[] = [
  role('r1', 'ic', 'Incident Commander', 'Alice Chen', at(14, 8), at(14, 20)),
  role('r2', 'ic', 'Incident Commander', 'Bob Martinez', at(14, 20), null),
  role('r3', 'scribe', 'Scribe', 'Priya Nair', at(14, 9), null),
];

function role(
  id: string,
  key: string,
  name: string,
  person: string,
  from: number,
  to: number | null,
): RoleAssignment {
  return {
    id,
    incidentId: 'inc-1',
    role: key,
    roleName: name,
    person,
    startedAt: from,
    endedAt: to,
    note: '',
    assignedBy: 'Alice Chen',
  };
}

export const ACTION_ITEMS: ActionItem[] = [
  action('a1', 'Add integration test for config validation', '@eng-team', 'P1', 'not-started'),
  action('a2', 'Set up canary deploy for config changes', '@platform', 'P1', 'in-progress'),
  action('a3', 'Update runbook | add pool-size check', '@on-call', 'P2', 'done'),
];

function action(
  id: string,
  title: string,
  owner: string,
  priority: ActionItem['priority'],
  status: ActionItem['status'],
): ActionItem {
  return {
    id,
    incidentId: 'inc-1',
    title,
    owner,
    priority,
    dueDate: '2026-12-06',
    status,
    createdAt: at(15, 0),
    updatedAt: at(15, 0),
    completedAt: null,
  };
}

export const POSTMORTEM: Postmortem = {
  incidentId: 'inc-1',
  status: 'review',
  author: 'Priya Nair',
  sections: {
    executiveSummary:
      'For 28 minutes some customers could not complete checkout after a config change lowered the database connection pool size. Rolling the change back restored service.',
    whatHappened:
      'A config deploy at 13:55 set the checkout-api pool size to 20. Under afternoon load, requests queued for connections and timed out.',
    immediateCause: 'Pool size lowered from 200 to 20.',
    underlyingCause: 'Config changes skip the canary stage.',
    systemicCause: 'No validation of config values against known-safe ranges.',
    wentWell: '- Alert fired within 2 minutes\n- Rollback was quick',
    wentPoorly: '- Config deploys bypass canary\n- Pool saturation had no dashboard',
    lessons: 'Treat config like code: review, validate, canary.',
    fishboneTechnology: 'Pool exhaustion under load',
    fishboneProcess: 'Config deploys skip canary',
  },
  fiveWhys: [
    'Why did checkout fail? → The API ran out of database connections.',
    'Why? → The pool size was 20 instead of 200.',
    'Why? → A config change lowered it.',
    'Why did it reach production? → Config changes skip the canary stage.',
    'Why? → The deploy pipeline treats config as data, not code.',
  ],
  allEntries: false,
  updatedAt: at(16, 0),
};
