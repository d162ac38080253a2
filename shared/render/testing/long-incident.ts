/**
 * Test-only fixture: a long, multi-day incident replayed the way a scribe logs it (about 25 hours
 * across two calendar days, ~90 entries with chatter, sent updates with full bodies, handoffs,
 * hypotheses, highlights and post-resolution bookkeeping), with a post-mortem that has custom
 * sections, two whys chains and impact windows.
 */
import { emptyAudienceCadence } from '../../domain/audience';
import type { Incident } from '../../domain/incident';
import type { ActionItem, Postmortem } from '../../domain/records';
import type { RoleAssignment } from '../../domain/roles';
import type { SystemChange, TimelineEntry } from '../../domain/timeline';
import { impactWindowsOf } from '../../logic/postmortem-structure';
import { incidentBudgetText } from '../../logic/slo';
import type { PostmortemInput } from '../postmortem';

/** 2026-11-<day> hh:mm UTC. */
export const day = (d: number, h: number, m = 0): number => Date.UTC(2026, 10, d, h, m);

export const LONG_INCIDENT: Incident = {
  id: 'inc-long',
  ref: 'INC-2026-11-29-001',
  slug: '#inc-2026-11-29-orders-db-outage',
  title: 'Orders database outage and slow restore',
  severity: 'SEV1',
  status: 'resolved',
  impact: {
    summary: 'Orders could not be placed; order history was unavailable.',
    usersAffected: { value: 60, unit: 'percent' },
    customerFacing: true,
    payingAccounts: true,
    dataIntegrity: true,
    revenueImpact: 'About $9,000 per hour in lost orders',
    supportTickets: 412,
  },
  services: ['orders-api', 'orders-db'],
  detection: { source: 'alert', alertName: 'OrdersErrorRate' },
  drill: false,
  milestones: {
    started: day(29, 17, 20),
    detected: day(29, 17, 26),
    acknowledged: day(29, 17, 29),
    declared: day(29, 17, 35),
    identified: day(29, 23, 40),
    mitigated: day(30, 17, 10),
    resolved: day(30, 18, 25),
  },
  cadence: emptyAudienceCadence(),
  resolutionSummary: 'Restored orders-db from backup and replayed the write-ahead log.',
  dismissedSuggestions: {},
  createdAt: day(29, 17, 35),
  updatedAt: day(30, 19, 0),
};

let seq = 0;
function e(
  at: number,
  kind: TimelineEntry['kind'],
  text: string,
  extra: Partial<TimelineEntry> = {},
): TimelineEntry {
  seq += 1;
  return {
    id: `L${String(seq).padStart(3, '0')}`,
    incidentId: 'inc-long',
    kind,
    text,
    occurredAt: at,
    loggedAt: at,
    author: 'Sam Okafor',
    pinned: false,
    deletedAt: null,
    revisions: [],
    change: null,
    audience: null,
    ...extra,
  };
}
const sys = (at: number, text: string, change: SystemChange, pinned = false) =>
  e(at, 'system', text, { change, pinned });
const sent = (at: number, audience: 'engineering' | 'executives' | 'customers', type: string) =>
  e(
    at,
    'comms',
    `${type} sent to ${audience[0]!.toUpperCase()}${audience.slice(1)} (Markdown): Orders outage\n\nWe are investigating errors when placing orders. | Next update in 30 min.\nDetails: replica lag, disk, WAL.`,
    { audience },
  );

function chatter(from: number, count: number, stepMin: number, what: string): TimelineEntry[] {
  return Array.from({ length: count }, (_, i) =>
    e(from + i * stepMin * 60_000, 'note', `${what} (${i + 1})`),
  );
}

export const LONG_ENTRIES: TimelineEntry[] = [
  sys(
    day(29, 17, 35),
    'Declared SEV2 (High): Orders database outage',
    { type: 'declared', to: 'SEV2' },
    true,
  ),
  e(day(29, 17, 36), 'finding', 'Alert OrdersErrorRate fired: 5xx at 22%'),
  sys(day(29, 17, 37), 'Incident Commander: Unassigned → Ana Lima', {
    type: 'role',
    field: 'ic',
    from: null,
    to: 'Ana Lima',
  }),
  ...chatter(day(29, 17, 40), 8, 5, 'Checking dashboards'),
  sent(day(29, 17, 50), 'customers', 'Initial notification'),
  sent(day(29, 17, 52), 'executives', 'Initial notification'),
  e(day(29, 18, 30), 'hypothesis', 'Replica lag after the 17:10 schema migration', {
    change: { type: 'hypothesis', to: 'open', field: 'h1' },
  }),
  sys(day(29, 18, 55), 'Hypothesis ruled out: Replica lag after the 17:10 schema migration', {
    type: 'hypothesis',
    field: 'h1',
    from: 'open',
    to: 'ruled-out',
  }),
  sys(
    day(29, 19, 5),
    'Severity: SEV2 → SEV1. Reason: all order writes failing',
    {
      type: 'severity',
      from: 'SEV2',
      to: 'SEV1',
    },
    true,
  ),
  sys(day(29, 19, 6), 'Update cadence: every 15 min', { type: 'cadence', to: '900000' }),
  ...chatter(day(29, 19, 10), 10, 12, 'Tailing orders-db logs'),
  e(day(29, 21, 0), 'decision', 'Fail over to the replica', { highlight: true }),
  sent(day(29, 21, 10), 'customers', 'Status update'),
  e(day(29, 21, 45), 'finding', 'Replica promoted but missing writes since 17:20'),
  e(day(29, 22, 30), 'hypothesis', 'Primary disk filled by WAL archiving stall', {
    change: { type: 'hypothesis', to: 'open', field: 'h2' },
  }),
  sys(
    day(29, 23, 40),
    'Status: Investigating → Identified',
    { type: 'status', from: 'investigating', to: 'identified' },
    true,
  ),
  sys(
    day(29, 23, 41),
    'Hypothesis confirmed: Primary disk filled by WAL archiving stall',
    {
      type: 'hypothesis',
      field: 'h2',
      from: 'open',
      to: 'confirmed',
    },
    true,
  ),
  sys(day(30, 0, 30), 'Incident Commander: Ana Lima → Ben Ito. Note: night shift', {
    type: 'role',
    field: 'ic',
    from: 'Ana Lima',
    to: 'Ben Ito',
  }),
  ...chatter(day(30, 0, 40), 12, 20, 'Restore progress check'),
  e(day(30, 1, 0), 'decision', 'Restore orders-db from the 16:00 backup and replay WAL'),
  e(day(30, 2, 0), 'action', 'Started restore from cold storage'),
  sent(day(30, 2, 15), 'executives', 'Status update'),
  e(day(30, 4, 50), 'finding', 'Restore throughput 40 MB/s: cold storage tier is the bottleneck', {
    pinned: true,
  }),
  e(day(30, 5, 0), 'action', 'Keep 24 h of backups in warm storage', {
    change: { type: 'action-item', field: 'a1', to: 'P1' },
  }),
  sys(day(30, 8, 30), 'Incident Commander: Ben Ito → Ana Lima', {
    type: 'role',
    field: 'ic',
    from: 'Ben Ito',
    to: 'Ana Lima',
  }),
  ...chatter(day(30, 8, 40), 12, 25, 'WAL replay progress'),
  sent(day(30, 9, 0), 'customers', 'Status update'),
  e(day(30, 12, 0), 'note', 'Restore finished; WAL replay starting', { highlight: true }),
  e(day(30, 14, 0), 'decision', 'Keep writes paused until replay completes'),
  sys(
    day(30, 17, 10),
    'Status: Identified → Monitoring',
    { type: 'status', from: 'identified', to: 'monitoring' },
    true,
  ),
  sent(day(30, 17, 20), 'customers', 'Status update'),
  ...chatter(day(30, 17, 25), 5, 10, 'Error rate at baseline'),
  sys(
    day(30, 18, 25),
    'Status: Monitoring → Resolved. Resolution: Restored orders-db from backup and replayed the write-ahead log.',
    {
      type: 'status',
      from: 'monitoring',
      to: 'resolved',
    },
    true,
  ),
  sent(day(30, 18, 30), 'customers', 'Resolved'),
  sent(day(30, 18, 31), 'executives', 'Resolved'),
  // After resolution: bookkeeping that is not about the incident's course.
  e(day(30, 18, 40), 'action', 'Add disk-usage alert on WAL volume', {
    change: { type: 'action-item', field: 'a2', to: 'P0' },
  }),
  sys(day(30, 18, 41), 'Action item "Add disk-usage alert on WAL volume": owner none → Dana', {
    type: 'action-item',
    field: 'a2',
  }),
  e(day(30, 18, 45), 'decision', 'Post-mortem review on Tuesday'),
  sys(day(30, 18, 50), 'Incident Commander: Ana Lima → Unassigned', {
    type: 'role',
    field: 'ic',
    from: 'Ana Lima',
    to: null,
  }),
  e(day(30, 18, 55), 'note', 'Post-mortem status: Draft → Review'),
  sys(day(30, 19, 0), 'Title: Orders database outage → Orders database outage and slow restore', {
    type: 'title',
    from: 'Orders database outage',
    to: 'Orders database outage and slow restore',
  }),
  { ...e(day(30, 3, 0), 'note', 'Deleted duplicate'), deletedAt: day(30, 3, 1) },
];

export const LONG_ROLES: RoleAssignment[] = [
  {
    id: 'r1',
    incidentId: 'inc-long',
    role: 'ic',
    roleName: 'Incident Commander',
    person: 'Ana Lima',
    startedAt: day(29, 17, 37),
    endedAt: day(30, 0, 30),
    note: '',
    assignedBy: 'Sam Okafor',
  },
  {
    id: 'r2',
    incidentId: 'inc-long',
    role: 'ic',
    roleName: 'Incident Commander',
    person: 'Ben Ito',
    startedAt: day(30, 0, 30),
    endedAt: day(30, 8, 30),
    note: 'night shift',
    assignedBy: 'Ana Lima',
  },
  {
    id: 'r3',
    incidentId: 'inc-long',
    role: 'ic',
    roleName: 'Incident Commander',
    person: 'Ana Lima',
    startedAt: day(30, 8, 30),
    endedAt: day(30, 18, 50),
    note: '',
    assignedBy: 'Ben Ito',
  },
  {
    id: 'r4',
    incidentId: 'inc-long',
    role: 'scribe',
    roleName: 'Scribe',
    person: 'Sam Okafor',
    startedAt: day(29, 17, 38),
    endedAt: null,
    note: '',
    assignedBy: 'Ana Lima',
  },
];

const item = (
  id: string,
  title: string,
  priority: ActionItem['priority'],
  link?: string,
): ActionItem => ({
  id,
  incidentId: 'inc-long',
  title,
  owner: 'Dana',
  priority,
  dueDate: '2026-12-14',
  status: 'not-started',
  createdAt: day(30, 18, 40),
  updatedAt: day(30, 18, 40),
  completedAt: null,
  ...(link === undefined ? {} : { link }),
});

export const LONG_ACTION_ITEMS: ActionItem[] = [
  item('a1', 'Keep 24 h of backups in warm storage', 'P1', 'https://tracker.example.com/OPS-481'),
  item('a2', 'Add disk-usage alert on WAL volume', 'P0', 'OPS-482'),
  item('a3', 'Rehearse a full restore every quarter', 'P2', 'javascript:alert(1) | [x](y)'),
  item('a4', 'Document the failover decision tree', 'P2'),
];

export const LONG_POSTMORTEM: Postmortem = {
  incidentId: 'inc-long',
  status: 'review',
  author: 'Sam Okafor',
  sections: {
    executiveSummary:
      'For about 25 hours orders-db could not take writes: WAL archiving stalled, the primary disk filled, and the restore from cold storage took 17 hours.',
    whatHappened: '- WAL archiving stalled at 17:10.\n- The primary disk filled at 17:20.',
    immediateCause: 'The primary disk filled with unarchived WAL.',
    underlyingCause: 'No alert on WAL volume usage.',
    systemicCause: 'Restores were never rehearsed at full size.',
    wentWell: '- Failover decision within 4 hours.',
    wentPoorly: '- Restore from cold storage took 17 hours.',
    lessons: 'Backups you cannot restore quickly are not backups.',
  },
  fiveWhys: [
    'Orders failed because the primary stopped taking writes.',
    'It stopped because its disk was full.',
    'The disk filled because WAL archiving stalled.',
  ],
  whysQuestion: 'Why did orders fail?',
  whysChains: [
    {
      id: 'w2',
      question: 'Why did the restore take so long?',
      whys: [
        'The backup had to come from cold storage.',
        'Warm storage kept only 2 hours of backups.',
        'Retention was sized for cost, not restore time.',
      ],
    },
  ],
  customSections: [
    {
      id: 'c1',
      title: 'Recovery procedures',
      body: '- Promote the replica only after checking its last LSN.\n- Restore from warm storage first.',
    },
    {
      id: 'c2',
      title: 'Communication and transparency',
      body: 'Customers got an update every 30 minutes, including overnight.',
    },
  ],
  impactWindows: [
    { id: 'w-out', kind: 'outage', start: day(29, 23, 10), end: day(30, 17, 10) },
    { id: 'w-deg', kind: 'degraded', start: day(29, 17, 20), end: day(29, 23, 10) },
  ],
  affectedUsers: 18_000,
  affectedRecords: 3_412,
  allEntries: false,
  updatedAt: day(30, 19, 0),
};

const LONG_SERVICES = [{ name: 'orders-db', sloTarget: 0.999, sloWindowDays: 30 }];

/** The whole input, as the editor would build it (UTC). */
export const LONG_INPUT: PostmortemInput = {
  incident: LONG_INCIDENT,
  postmortem: LONG_POSTMORTEM,
  entries: LONG_ENTRIES,
  roleHistory: LONG_ROLES,
  actionItems: LONG_ACTION_ITEMS,
  sloBudgetConsumed: incidentBudgetText(
    LONG_INCIDENT,
    LONG_SERVICES,
    day(30, 19, 0),
    impactWindowsOf(LONG_POSTMORTEM),
  ),
  sloServices: LONG_SERVICES,
  now: day(30, 19, 0),
  timeZone: 'utc',
};
