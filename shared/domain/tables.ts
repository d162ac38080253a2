import type { ZodType } from 'zod';
import { incidentSchema, type Incident } from './incident';
import {
  actionItemSchema,
  commsUpdateSchema,
  draftSchema,
  hypothesisSchema,
  personSchema,
  postmortemSchema,
  runbookSchema,
  serviceSchema,
  settingSchema,
  type ActionItem,
  type CommsUpdate,
  type Draft,
  type Hypothesis,
  type Person,
  type Postmortem,
  type Runbook,
  type Service,
  type Setting,
} from './records';
import { roleAssignmentSchema, type RoleAssignment } from './roles';
import { timelineEntrySchema, type TimelineEntry } from './timeline';

/**
 * The tables of Warroom's record, in one place: their names, row types, primary keys and the
 * zod schema every row is held to (the write guard, backups and change sets all use these).
 */

/** Each table's row type, by table name (the Dexie tables in renderer/db/schema.ts). */
export interface TableRows {
  incidents: Incident;
  timelineEntries: TimelineEntry;
  roleAssignments: RoleAssignment;
  hypotheses: Hypothesis;
  commsUpdates: CommsUpdate;
  actionItems: ActionItem;
  postmortems: Postmortem;
  people: Person;
  services: Service;
  runbooks: Runbook;
  drafts: Draft;
  settings: Setting;
}

export type TableName = keyof TableRows;

/** Every table, in the order a change set is applied and listed. */
export const TABLE_NAMES: readonly TableName[] = [
  'incidents',
  'timelineEntries',
  'roleAssignments',
  'hypotheses',
  'commsUpdates',
  'actionItems',
  'postmortems',
  'people',
  'services',
  'runbooks',
  'drafts',
  'settings',
];

/** The primary key field of each table. */
export const PRIMARY_KEYS: { readonly [K in TableName]: keyof TableRows[K] & string } = {
  incidents: 'id',
  timelineEntries: 'id',
  roleAssignments: 'id',
  hypotheses: 'id',
  commsUpdates: 'id',
  actionItems: 'id',
  postmortems: 'incidentId',
  people: 'id',
  services: 'id',
  runbooks: 'id',
  drafts: 'key',
  settings: 'key',
};

/** The zod schema every row of each table is held to. */
export const TABLE_SCHEMAS: { readonly [K in TableName]: ZodType<TableRows[K]> } = {
  incidents: incidentSchema,
  timelineEntries: timelineEntrySchema,
  roleAssignments: roleAssignmentSchema,
  hypotheses: hypothesisSchema,
  commsUpdates: commsUpdateSchema,
  actionItems: actionItemSchema,
  postmortems: postmortemSchema,
  people: personSchema,
  services: serviceSchema,
  runbooks: runbookSchema,
  drafts: draftSchema,
  settings: settingSchema,
};
