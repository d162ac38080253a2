import {
  DETECTION_SOURCE_LABELS,
  usersAffectedSchema,
  type DetectionSource,
  type Impact,
  type Incident,
  type UsersAffected,
} from '../../../shared/domain/incident';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import type { WarroomDb } from '../schema';
import type { CommandContext } from './context';
import { systemEntry } from './entries';
import { RepoError } from './errors';

/** The impact facts the escalation triggers read, and the IC can change during the incident. */
export interface ImpactPatch {
  usersAffected?: UsersAffected | null;
  customerFacing?: boolean;
  payingAccounts?: boolean;
  dataIntegrity?: boolean;
  detectionSource?: DetectionSource;
}

const FLAG_LABELS = {
  customerFacing: 'Customer-facing',
  payingAccounts: 'Paying accounts affected',
  dataIntegrity: 'Data-integrity concern',
} as const;

function describeUsers(u: UsersAffected | null): string {
  if (!u) return 'not set';
  return u.unit === 'percent' ? `${u.value}% of users` : `${u.value.toLocaleString('en-US')} users`;
}

function sameUsers(a: UsersAffected | null, b: UsersAffected | null): boolean {
  return a === b || (a !== null && b !== null && a.value === b.value && a.unit === b.unit);
}

/**
 * Updates the incident's impact facts in one transaction, writing one system entry per field
 * that changed: `{ type: 'impact', field, from, to }`. For `usersAffected`, from/to are the JSON
 * of UsersAffected (or null), which is the history `usersAffectedBaseline` in
 * shared/logic/escalation.ts reads to spot a doubling; flags are 'true'/'false', the detection
 * source its id. Unchanged fields write nothing; returns the entries written.
 */
export async function updateImpact(
  db: WarroomDb,
  incidentId: string,
  patch: ImpactPatch,
  ctx: CommandContext,
): Promise<TimelineEntry[]> {
  if (patch.usersAffected && !usersAffectedSchema.safeParse(patch.usersAffected).success)
    throw new RepoError('Users affected must be a number, zero or more.', 'usersAffected');
  if (patch.usersAffected?.unit === 'percent' && patch.usersAffected.value > 100)
    throw new RepoError('A share of users cannot exceed 100%.', 'usersAffected');
  return db.transaction('rw', [db.incidents, db.timelineEntries], async () => {
    const incident = await db.incidents.get(incidentId);
    if (!incident) throw new RepoError('This incident no longer exists.');
    const impact: Impact = { ...incident.impact };
    const detection = { ...incident.detection };
    const entries: TimelineEntry[] = [];
    const record = (text: string, field: string, from: string | null, to: string | null) =>
      entries.push(systemEntry(incidentId, text, { type: 'impact', field, from, to }, ctx));

    if (
      patch.usersAffected !== undefined &&
      !sameUsers(impact.usersAffected, patch.usersAffected)
    ) {
      const from = impact.usersAffected;
      impact.usersAffected = patch.usersAffected;
      record(
        `Users affected: ${describeUsers(from)} → ${describeUsers(patch.usersAffected)}`,
        'usersAffected',
        from ? JSON.stringify(from) : null,
        patch.usersAffected ? JSON.stringify(patch.usersAffected) : null,
      );
    }
    for (const key of ['customerFacing', 'payingAccounts', 'dataIntegrity'] as const) {
      const value = patch[key];
      if (value === undefined || value === impact[key]) continue;
      record(
        `${FLAG_LABELS[key]}: ${value ? 'yes' : 'no'}`,
        key,
        String(impact[key]),
        String(value),
      );
      impact[key] = value;
    }
    if (patch.detectionSource !== undefined && patch.detectionSource !== detection.source) {
      record(
        `Detection source: ${DETECTION_SOURCE_LABELS[detection.source]} → ${DETECTION_SOURCE_LABELS[patch.detectionSource]}`,
        'detectionSource',
        detection.source,
        patch.detectionSource,
      );
      detection.source = patch.detectionSource;
    }
    if (entries.length === 0) return entries;
    const next: Incident = { ...incident, impact, detection, updatedAt: ctx.now };
    await db.incidents.put(next);
    await db.timelineEntries.bulkAdd(entries);
    return entries;
  });
}
