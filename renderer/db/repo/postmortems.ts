import type { Incident } from '../../../shared/domain/incident';
import type { Postmortem, PostmortemStatus } from '../../../shared/domain/records';
import { checkMilestoneOrder, describeMilestoneConflict } from '../../../shared/logic/milestones';
import { impactWindowProblem } from '../../../shared/logic/impact-windows';
import { SECTION_TITLE_MAX } from '../../../shared/logic/postmortem-structure';
import { formatDateTime } from '../../../shared/logic/time';
import type { WarroomDb } from '../schema';
import type { CommandContext } from '../../../shared/commands/context';
import { makeEntry, systemEntry } from '../../../shared/commands/entries';
import { RepoError } from './errors';

/** Post-mortem status labels, as the editor and the document show them. */
export const POSTMORTEM_STATUS_LABELS: Readonly<Record<PostmortemStatus, string>> = {
  draft: 'Draft',
  review: 'Review',
  final: 'Final',
};

/** A blank post-mortem for an incident. */
export function emptyPostmortem(incidentId: string, author: string, now: number): Postmortem {
  return {
    incidentId,
    status: 'draft',
    author,
    sections: {},
    fiveWhys: [],
    allEntries: false,
    updatedAt: now,
  };
}

/**
 * Merges a first draft into sections: only sections that are missing or blank take the drafted
 * text, so what someone wrote is never overwritten.
 */
export function mergeIntoEmpty(
  sections: Readonly<Record<string, string>>,
  draft: Readonly<Partial<Record<string, string>>>,
): Record<string, string> {
  const out = { ...sections };
  for (const [id, text] of Object.entries(draft)) {
    if (text !== undefined && text.trim() && !out[id]?.trim()) out[id] = text;
  }
  return out;
}

async function mustGetIncident(db: WarroomDb, id: string): Promise<Incident> {
  const incident = await db.incidents.get(id);
  if (!incident) throw new RepoError('This incident no longer exists.');
  return incident;
}

/**
 * Opens an incident's post-mortem, creating it on first open with `prefill` (from
 * `prefillPostmortem`) merged into its empty sections. An existing post-mortem is returned as
 * stored: the prefill never touches it again (regeneration is per section, on request).
 */
export async function openPostmortem(
  db: WarroomDb,
  incidentId: string,
  prefill: Readonly<Partial<Record<string, string>>>,
  ctx: CommandContext,
): Promise<Postmortem> {
  return db.transaction('rw', [db.incidents, db.postmortems], async () => {
    await mustGetIncident(db, incidentId);
    const existing = await db.postmortems.get(incidentId);
    if (existing) return existing;
    const blank = emptyPostmortem(incidentId, ctx.author, ctx.now);
    const created: Postmortem = { ...blank, sections: mergeIntoEmpty({}, prefill) };
    await db.postmortems.add(created);
    return created;
  });
}

/** The editable parts of a post-mortem; sections are merged one by one, lists replaced whole. */
export interface PostmortemPatch {
  sections?: Readonly<Partial<Record<string, string>>>;
  fiveWhys?: readonly string[];
  author?: string;
  allEntries?: boolean;
  whysQuestion?: string;
  whysChains?: Postmortem['whysChains'];
  customSections?: Postmortem['customSections'];
  timelineChoices?: Postmortem['timelineChoices'];
  impactWindows?: Postmortem['impactWindows'];
  affectedUsers?: number | null;
  affectedRecords?: number | null;
}

/**
 * Refuses structural edits the document could not show (RepoError naming the field): a custom
 * section title over SECTION_TITLE_MAX, an impact window without a start, ending before it
 * starts or in the future, a negative or fractional count.
 */
function checkStructure(patch: PostmortemPatch, now: number): void {
  for (const s of patch.customSections ?? [])
    if (s.title.length > SECTION_TITLE_MAX)
      throw new RepoError(
        `Keep a section title to ${SECTION_TITLE_MAX} characters.`,
        'customSections',
      );
  for (const w of patch.impactWindows ?? []) {
    const problem = impactWindowProblem(w, now);
    if (problem) throw new RepoError(problem.message, 'impactWindows');
  }
  for (const [field, n] of [
    ['affectedUsers', patch.affectedUsers],
    ['affectedRecords', patch.affectedRecords],
  ] as const)
    if (n !== undefined && n !== null && !(Number.isInteger(n) && n >= 0))
      throw new RepoError('Give a whole number, 0 or more.', field);
}

/** The structural fields a patch sets (undefined ones left out, so they keep their value). */
function structureOf(patch: PostmortemPatch): Partial<Postmortem> {
  const out: Partial<Postmortem> = {};
  if (patch.whysQuestion !== undefined) out.whysQuestion = patch.whysQuestion;
  if (patch.whysChains !== undefined) out.whysChains = patch.whysChains;
  if (patch.customSections !== undefined) out.customSections = patch.customSections;
  if (patch.timelineChoices !== undefined) out.timelineChoices = patch.timelineChoices;
  if (patch.impactWindows !== undefined) out.impactWindows = patch.impactWindows;
  if (patch.affectedUsers !== undefined) out.affectedUsers = patch.affectedUsers;
  if (patch.affectedRecords !== undefined) out.affectedRecords = patch.affectedRecords;
  return out;
}

/**
 * Saves what the user typed. Only the sections named in the patch change, so two fields saved
 * from a debounce (or two windows editing different sections) never undo each other. Creates the
 * post-mortem if it does not exist yet. Text is stored as typed (no trimming): it is a draft.
 */
export async function savePostmortem(
  db: WarroomDb,
  incidentId: string,
  patch: PostmortemPatch,
  ctx: CommandContext,
): Promise<Postmortem> {
  checkStructure(patch, ctx.now);
  return db.transaction('rw', [db.incidents, db.postmortems], async () => {
    await mustGetIncident(db, incidentId);
    const current =
      (await db.postmortems.get(incidentId)) ?? emptyPostmortem(incidentId, ctx.author, ctx.now);
    const sections = { ...current.sections };
    for (const [id, text] of Object.entries(patch.sections ?? {}))
      if (text !== undefined) sections[id] = text;
    const next: Postmortem = {
      ...current,
      ...structureOf(patch),
      sections,
      fiveWhys: patch.fiveWhys ? [...patch.fiveWhys] : current.fiveWhys,
      author: patch.author ?? current.author,
      allEntries: patch.allEntries ?? current.allEntries,
      updatedAt: ctx.now,
    };
    await db.postmortems.put(next);
    return next;
  });
}

/**
 * Moves the post-mortem to Draft, Review or Final, with its timeline entry, in one transaction.
 * Final stamps the incident's "Post-mortem completed" milestone (which stops the 48-hour due
 * indicator); leaving Final clears it again. Both milestone changes are recorded like any other
 * milestone correction.
 */
export async function setPostmortemStatus(
  db: WarroomDb,
  incidentId: string,
  status: PostmortemStatus,
  ctx: CommandContext,
): Promise<Postmortem> {
  return db.transaction('rw', [db.incidents, db.postmortems, db.timelineEntries], async () => {
    const incident = await mustGetIncident(db, incidentId);
    const current =
      (await db.postmortems.get(incidentId)) ?? emptyPostmortem(incidentId, ctx.author, ctx.now);
    if (current.status === status) return current;
    const next: Postmortem = { ...current, status, updatedAt: ctx.now };
    await db.postmortems.put(next);
    const from = POSTMORTEM_STATUS_LABELS[current.status];
    const to = POSTMORTEM_STATUS_LABELS[status];
    const before = incident.milestones.postmortemCompleted;
    const milestones = { ...incident.milestones };
    if (status === 'final') milestones.postmortemCompleted = ctx.now;
    else if (current.status === 'final') delete milestones.postmortemCompleted;
    const after = milestones.postmortemCompleted;
    const conflict =
      after === undefined ? null : checkMilestoneOrder(milestones, 'postmortemCompleted');
    if (conflict)
      throw new RepoError(describeMilestoneConflict(conflict, milestones, 'utc'), 'status');
    if (after !== before) {
      await db.incidents.put({ ...incident, milestones, updatedAt: ctx.now });
      const show = (t: number | undefined) =>
        t === undefined ? 'not set' : formatDateTime(t, 'utc');
      await db.timelineEntries.add(
        systemEntry(
          incidentId,
          `Post-mortem ${from} → ${to}. Milestone Post-mortem completed ${before === undefined ? 'set' : 'corrected'}: ${show(before)} → ${show(after)}`,
          {
            type: 'milestone',
            field: 'postmortemCompleted',
            from: before === undefined ? null : String(before),
            to: after === undefined ? null : String(after),
            reason: `Post-mortem status ${from} → ${to}`,
          },
          ctx,
        ),
      );
    } else {
      await db.timelineEntries.add(
        makeEntry(incidentId, 'note', `Post-mortem status: ${from} → ${to}`, ctx),
      );
    }
    return next;
  });
}
