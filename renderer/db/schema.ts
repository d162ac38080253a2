import Dexie, { type EntityTable } from 'dexie';
import type { Incident } from '../../shared/domain/incident';
import type { TimelineEntry } from '../../shared/domain/timeline';
import type { RoleAssignment } from '../../shared/domain/roles';
import type {
  ActionItem,
  CommsUpdate,
  Draft,
  Hypothesis,
  Person,
  Postmortem,
  Runbook,
  Service,
  Setting,
} from '../../shared/domain/records';
import { writeGuard } from './write-guard';

export const DB_NAME = 'warroom';

/**
 * Version 1 stores. Dexie index syntax: first key is the primary key, `&` unique, `[a+b]`
 * compound. Never edit a released version: add `version(n + 1)` with an upgrade instead, plus
 * a fixture test in `migrations/`.
 */
export const SCHEMA_V1 = {
  incidents: 'id, &ref, status, severity, createdAt',
  timelineEntries: 'id, incidentId, [incidentId+occurredAt], loggedAt',
  roleAssignments: 'id, incidentId, [incidentId+role], person',
  hypotheses: 'id, incidentId, [incidentId+status]',
  commsUpdates: 'id, incidentId, [incidentId+audience], sentAt',
  actionItems: 'id, incidentId, status, owner, dueDate, priority',
  postmortems: 'incidentId, status',
  people: 'id, &name, handle, team, lastUsedAt',
  services: 'id, &name, lastUsedAt',
  runbooks: 'id, title, service',
  drafts: 'key',
  settings: 'key',
} as const;

/**
 * Version 2: timeline entries indexed by incident and kind, so the escalation triggers and the
 * composer read only the system/finding/action rows instead of scanning a 50,000-entry timeline.
 * Index-only change: no upgrade function needed.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  timelineEntries: 'id, incidentId, [incidentId+occurredAt], [incidentId+kind], loggedAt',
} as const;

/** The Warroom database: typed tables, strict durability on every write transaction. */
export class WarroomDb extends Dexie {
  incidents!: EntityTable<Incident, 'id'>;
  timelineEntries!: EntityTable<TimelineEntry, 'id'>;
  roleAssignments!: EntityTable<RoleAssignment, 'id'>;
  hypotheses!: EntityTable<Hypothesis, 'id'>;
  commsUpdates!: EntityTable<CommsUpdate, 'id'>;
  actionItems!: EntityTable<ActionItem, 'id'>;
  postmortems!: EntityTable<Postmortem, 'incidentId'>;
  people!: EntityTable<Person, 'id'>;
  services!: EntityTable<Service, 'id'>;
  runbooks!: EntityTable<Runbook, 'id'>;
  drafts!: EntityTable<Draft, 'key'>;
  settings!: EntityTable<Setting, 'key'>;

  constructor(name: string = DB_NAME) {
    // Strict durability: an entry the scribe saw as logged has reached the disk, even on a crash.
    // No live-query cache: the scribe's entries take the commit's fast path on the native
    // connection (db/commit.ts), which Dexie's optimistic cache would not see; live queries re-read.
    super(name, { chromeTransactionDurability: 'strict', cache: 'disabled' });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    // Every row written through Dexie meets its zod schema: limits and clean text (write-guard.ts).
    this.use(writeGuard);
  }
}
