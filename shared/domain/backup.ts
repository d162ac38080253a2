import { formatCount } from './text';
import { z } from 'zod';
import { incidentSchema } from './incident';
import { checkMilestoneOrder, describeMilestoneConflict } from '../logic/milestones';
import {
  actionItemSchema,
  commsUpdateSchema,
  hypothesisSchema,
  personSchema,
  postmortemSchema,
  runbookSchema,
  serviceSchema,
  settingSchema,
} from './records';
import { checkJsonValue } from './json';
import { JSON_VALUE_MAX_DEPTH, LIMITS } from './limits';
import { roleAssignmentSchema } from './roles';
import { PRIMARY_KEYS, TABLE_NAMES, type TableName } from './tables';
import { timelineEntrySchema } from './timeline';

/**
 * How deep any value in a backup file may be nested: a settings value may hold
 * JSON_VALUE_MAX_DEPTH levels under `tables.settings[i].value` (4 levels down), and no row nests
 * deeper; the margin lets a setting's own check name the problem for values a little too deep.
 */
export const BACKUP_MAX_DEPTH = JSON_VALUE_MAX_DEPTH + 8;

/** The `format` marker every Warroom backup file starts with. */
export const BACKUP_FORMAT = 'warroom-backup';

/**
 * The schema version a backup is written with: the Dexie version of the database it came from.
 * Version 1 → 2 only added an index, so rows of both have the same shape and both are read.
 */
export const BACKUP_SCHEMA_VERSION = 2;
export const OLDEST_READABLE_SCHEMA_VERSION = 1;

/**
 * The tables a backup carries, in the order they are written. `drafts` is left out on purpose:
 * it holds half-typed text of this device's session, and restoring it would overwrite what the
 * user is typing now with something stale.
 */
export type BackupTable = Exclude<TableName, 'drafts'>;
export const BACKUP_TABLES: readonly BackupTable[] = TABLE_NAMES.filter(
  (t): t is BackupTable => t !== 'drafts',
);

/** The primary key of each table (what "same item" means for conflicts and duplicates). */
export const BACKUP_PRIMARY_KEYS: Readonly<Record<BackupTable, string>> = PRIMARY_KEYS;

/** Unique secondary keys: two rows may not share them either (Dexie `&` indexes). */
export const BACKUP_UNIQUE_KEYS: Readonly<Partial<Record<BackupTable, string>>> = {
  incidents: 'ref',
  people: 'name',
  services: 'name',
};

/** Human names of the tables, for summaries. */
export const BACKUP_TABLE_LABELS: Readonly<Record<BackupTable, string>> = {
  incidents: 'Incidents',
  timelineEntries: 'Timeline entries',
  roleAssignments: 'Role assignments',
  hypotheses: 'Hypotheses',
  commsUpdates: 'Stakeholder updates',
  actionItems: 'Action items',
  postmortems: 'Post-mortems',
  people: 'People',
  services: 'Services',
  runbooks: 'Runbooks',
  settings: 'Settings',
};

export const backupTablesSchema = z.object({
  incidents: z.array(incidentSchema),
  timelineEntries: z.array(timelineEntrySchema),
  roleAssignments: z.array(roleAssignmentSchema),
  hypotheses: z.array(hypothesisSchema),
  commsUpdates: z.array(commsUpdateSchema),
  actionItems: z.array(actionItemSchema),
  postmortems: z.array(postmortemSchema),
  people: z.array(personSchema),
  services: z.array(serviceSchema),
  runbooks: z.array(runbookSchema),
  settings: z.array(settingSchema),
});
export type BackupTables = z.infer<typeof backupTablesSchema>;

export const backupScopeSchema = z.union([
  z.literal('all'),
  z.object({ incidentId: z.string().min(1).max(LIMITS.id.max) }),
]);
export type BackupScope = z.infer<typeof backupScopeSchema>;

/** A whole backup file. */
export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().min(OLDEST_READABLE_SCHEMA_VERSION).max(BACKUP_SCHEMA_VERSION),
  appVersion: z.string().max(100),
  /** ISO 8601 time of the export (readable by a person opening the file). */
  exportedAt: z.iso.datetime(),
  scope: backupScopeSchema,
  tables: backupTablesSchema,
});
export type Backup = z.infer<typeof backupSchema>;

/** One problem found in a file, with where it is (`tables.incidents[3].severity`). */
export interface BackupProblem {
  path: string;
  message: string;
}

export type BackupValidation =
  { ok: true; backup: Backup } | { ok: false; problems: BackupProblem[] };

/** How many problems are reported: the first few say what is wrong without a wall of text. */
export const MAX_REPORTED_PROBLEMS = 5;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Formats a zod issue path as `tables.incidents[3].severity`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const key = String(part);
      out += IDENTIFIER.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** One line per problem: `path: message`, or the message alone for the file as a whole. */
export function describeProblem(p: BackupProblem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(...problems: BackupProblem[]): BackupValidation {
  return { ok: false, problems: problems.slice(0, MAX_REPORTED_PROBLEMS) };
}

/** The header checks that deserve their own words: not a backup at all, or from a newer app. */
function checkHeader(data: unknown): BackupProblem | null {
  if (!isRecord(data))
    return { path: '', message: 'This is not a Warroom backup: expected a JSON object.' };
  if (data.format !== BACKUP_FORMAT)
    return {
      path: 'format',
      message: `This is not a Warroom backup (expected format "${BACKUP_FORMAT}").`,
    };
  const v = data.schemaVersion;
  if (typeof v === 'number' && Number.isInteger(v) && v > BACKUP_SCHEMA_VERSION)
    return {
      path: 'schemaVersion',
      message: `This backup was made by a newer Warroom (schema version ${v}; this app reads up to ${BACKUP_SCHEMA_VERSION}). Update Warroom to import it.`,
    };
  return null;
}

/** Rows sharing a primary or unique key inside the file: the import could not say which wins. */
export function findDuplicates(tables: BackupTables): BackupProblem[] {
  const problems: BackupProblem[] = [];
  for (const table of BACKUP_TABLES) {
    const keys = [BACKUP_PRIMARY_KEYS[table], BACKUP_UNIQUE_KEYS[table]].filter(
      (k): k is string => k !== undefined,
    );
    for (const key of keys) {
      const seen = new Map<unknown, number>();
      const rows = tables[table] as readonly Record<string, unknown>[];
      rows.forEach((row, i) => {
        const value = row[key];
        const first = seen.get(value);
        if (first === undefined) seen.set(value, i);
        else
          problems.push({
            path: `tables.${table}[${i}].${key}`,
            message: `Duplicate ${key} ${JSON.stringify(value)} (also at tables.${table}[${first}]).`,
          });
      });
      if (problems.length >= MAX_REPORTED_PROBLEMS) return problems;
    }
  }
  return problems;
}

/**
 * Incidents whose milestones break the ordering rule (shared/logic/milestones: everything at or
 * after Started, Detected ≤ Acknowledged, Identified ≤ Mitigated ≤ Resolved, Resolved last of the
 * response): importing them would bring back durations that cannot be (a resolution before the
 * start). Each problem names the incident, the milestone and what it conflicts with (UTC).
 */
export function findMilestoneDisorder(tables: Pick<BackupTables, 'incidents'>): BackupProblem[] {
  const problems: BackupProblem[] = [];
  tables.incidents.forEach((incident, i) => {
    const conflict = checkMilestoneOrder(incident.milestones);
    if (conflict && problems.length < MAX_REPORTED_PROBLEMS)
      problems.push({
        path: `tables.incidents[${i}].milestones.${conflict.milestone}`,
        message: `${incident.ref}: ${describeMilestoneConflict(conflict, incident.milestones, 'utc')}`,
      });
  });
  return problems;
}

/**
 * Validates parsed JSON as a backup: header first (clear words for "not a backup" and "newer
 * version"), then every row against the domain schemas, then duplicate keys, then the order of each
 * incident's milestones. Rows whose incident
 * is missing are kept (a restore must be lossless, even of odd data). Reports at most {@link MAX_REPORTED_PROBLEMS} problems, each
 * with its path. Never throws.
 */
export function validateBackup(data: unknown): BackupValidation {
  try {
    const header = checkHeader(data);
    if (header) return fail(header);
    // Depth first, without recursion, so no schema below ever walks a hostile nesting.
    const deep = checkJsonValue(data, BACKUP_MAX_DEPTH, Number.POSITIVE_INFINITY);
    if (deep) return fail({ path: formatPath(deep.path), message: deep.message });
    const parsed = backupSchema.safeParse(data);
    if (!parsed.success)
      return fail(
        ...parsed.error.issues.map((issue) => ({
          path: formatPath(issue.path),
          message: issue.message,
        })),
      );
    const duplicates = findDuplicates(parsed.data.tables);
    if (duplicates.length) return fail(...duplicates);
    const disordered = findMilestoneDisorder(parsed.data.tables);
    if (disordered.length) return fail(...disordered);
    return { ok: true, backup: parsed.data };
  } catch (error) {
    // Nothing above should throw; if something does, say so plainly rather than crash.
    return fail({
      path: '',
      message: `The file could not be checked (${error instanceof Error ? error.name : 'unknown error'}); nothing was imported.`,
    });
  }
}

/**
 * The largest backup file read, in bytes (and characters of text): the same bound the desktop
 * shell puts on a backup crossing IPC (shared/ipc/contract.ts), far above what 50,000-entry
 * incidents produce, and small enough that reading it cannot exhaust the window's memory.
 */
export const BACKUP_MAX_BYTES = 500_000_000;

/** A refusal for a file larger than {@link BACKUP_MAX_BYTES}, or null. */
export function backupSizeProblem(bytes: number): BackupProblem | null {
  return bytes > BACKUP_MAX_BYTES
    ? {
        path: '',
        message: `The file is ${formatCount(Math.round(bytes / 1_000_000))} MB; a Warroom backup is at most ${BACKUP_MAX_BYTES / 1_000_000} MB. Nothing was imported.`,
      }
    : null;
}

/** Parses the text of a backup file and validates it; a truncated file is reported as such. */
export function parseBackupText(text: string): BackupValidation {
  const tooBig = backupSizeProblem(text.length);
  if (tooBig) return fail(tooBig);
  if (!text.trim()) return fail({ path: '', message: 'The file is empty.' });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail({
      path: '',
      message: `The file is not valid JSON (it may be truncated or damaged): ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  return validateBackup(data);
}

/** How many rows of each table a backup holds. */
export function countRows(tables: BackupTables): Record<BackupTable, number> {
  return Object.fromEntries(BACKUP_TABLES.map((t) => [t, tables[t].length])) as Record<
    BackupTable,
    number
  >;
}

/** `warroom-backup-2026-11-22.json` (UTC date), or `warroom-INC-….json` for one incident. */
export function backupFileName(now: number, incidentRef?: string): string {
  const date = new Date(now).toISOString().slice(0, 10);
  return incidentRef ? `warroom-${incidentRef}-${date}.json` : `warroom-backup-${date}.json`;
}
