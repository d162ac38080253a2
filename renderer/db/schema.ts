import Dexie, { type EntityTable } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
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
import type { ChangeSet } from '../../shared/commands/change-set';

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

/**
 * Version 3 (multi-seat, issue 15): the record's Yjs documents, persisted by y-dexie. `syncDocs`
 * holds one row per document (its name: `incident:<id>`, `directory`, `room/<key>`), whose `doc`
 * property is the Y.Doc; y-dexie keeps each document's updates in its own `$syncDocs.doc_updates`
 * table; `syncOutbox` the change sets not yet replayed into them. The other tables become the
 * projection of the documents. An incident's reference is no
 * longer a unique index: references are made unique per seat (a seat tag), and an old reference
 * shared by two seats must not stop either seat from holding the other's incident.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  incidents: 'id, ref, status, severity, createdAt',
  syncDocs: 'name, doc: Y.Doc',
  syncOutbox: 'id',
} as const;

/**
 * Version 4 (issue 16): timeline entries indexed by the runbook whose use they record
 * (`runbook.runbookId`: opened, a step ticked, a helpful vote), so a runbook's page finds every
 * incident that used it, whatever services the runbook or the incident name today. Entries
 * without the field are simply not in the index. Index-only change: no upgrade function needed.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  timelineEntries:
    'id, incidentId, [incidentId+occurredAt], [incidentId+kind], loggedAt, runbook.runbookId',
} as const;

/**
 * A change set committed on this seat whose replay into the documents may not have happened yet
 * (written in the commit's own transaction, removed once replayed): a window that goes away
 * right after a write still gets its change to the other seats on the next start.
 */
export interface OutboxRow {
  /** The change set's id (time-ordered): replayed in this order. */
  id: string;
  changeSet: ChangeSet;
}

/** A Yjs document's row: its name, whether it was seeded from this seat's tables, and the doc. */
export interface SyncDocRow {
  name: string;
  /** Set once the document holds what this seat's tables held when it was first opened. */
  seededAt?: number;
  /** y-dexie's Y.Doc (a read-only prototype property: never stored on the row itself). */
  readonly doc: Y.Doc;
}

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
  syncDocs!: EntityTable<SyncDocRow, 'name'>;
  syncOutbox!: EntityTable<OutboxRow, 'id'>;

  constructor(name: string = DB_NAME) {
    // Strict durability: an entry the scribe saw as logged has reached the disk, even on a crash.
    // No live-query cache: the scribe's entries take the commit's fast path on the native
    // connection (db/commit.ts), which Dexie's optimistic cache would not see; live queries re-read.
    // The y-dexie patch (patches/README.md) also needs it off: a cached result can end with rows
    // this window has not committed yet.
    super(name, { chromeTransactionDurability: 'strict', cache: 'disabled', addons: [yDexie] });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
    // Every row written through Dexie meets its zod schema: limits and clean text (write-guard.ts).
    this.use(writeGuard);
  }
}
