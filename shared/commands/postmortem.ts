import type { Incident } from '../domain/incident';
import { LIST_LIMITS, limitProblem } from '../domain/limits';
import { cleanText } from '../domain/text';
import type { ContributingCause, Postmortem, PostmortemStatus } from '../domain/records';
import { CAUSE_CATEGORIES, CAUSE_CATEGORY_LABELS } from '../domain/records';
import { addCause, causesOf, normaliseCauseTag, removeCause } from '../logic/causes';
import { impactWindowProblem } from '../logic/impact-windows';
import { checkMilestoneOrder, describeMilestoneConflict } from '../logic/milestones';
import { SECTION_TITLE_MAX } from '../logic/postmortem-structure';
import { formatDateTime } from '../logic/time';
import { changes } from './change-set';
import type { CommandContext } from './context';
import { makeEntry, systemEntry } from './entries';
import { existing } from './guards';
import { RepoError } from './refusal';
import { countProblem } from '../logic/number-input';
import type { Outcome } from './change-set';

/** Post-mortem status labels, as the editor and the document show them. */
export const POSTMORTEM_STATUS_LABELS: Readonly<Record<PostmortemStatus, string>> = {
  draft: 'Draft',
  review: 'Review',
  final: 'Final',
};

/** A blank post-mortem for an incident, written by `author` at `now` (ms UTC). */
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

/**
 * Opens an incident's post-mortem (`stored`, the row as read), creating it on first open with
 * `prefill` merged into its empty sections. An existing post-mortem is returned as stored and
 * changes nothing: the prefill never touches it again. Refuses "This incident no longer exists."
 */
export function openPostmortem(
  incident: Incident | undefined,
  stored: Postmortem | undefined,
  prefill: Readonly<Partial<Record<string, string>>>,
  ctx: CommandContext,
): Outcome<Postmortem> {
  const { id } = existing(incident, 'incident');
  if (stored) return { changes: {}, result: stored };
  const blank = emptyPostmortem(id, ctx.author, ctx.now);
  const created: Postmortem = { ...blank, sections: mergeIntoEmpty({}, prefill) };
  return { changes: changes().add('postmortems', created).build(), result: created };
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

/** Two patches as one, the later winning field by field (sections merged one by one). */
export function mergePatches(a: PostmortemPatch, b: PostmortemPatch): PostmortemPatch {
  return {
    ...a,
    ...b,
    ...(a.sections || b.sections ? { sections: { ...a.sections, ...b.sections } } : {}),
  };
}

/**
 * Refuses structural edits the document could not show (RepoError naming the field): a custom
 * section title over SECTION_TITLE_MAX ('customSections'), an impact window without a start,
 * ending before it starts or in the future ('impactWindows'), a negative or fractional count
 * ('affectedUsers', 'affectedRecords').
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
  ] as const) {
    const problem = countProblem(field, n);
    if (problem) throw new RepoError(problem, field);
  }
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
 * Saves what the user typed into `stored` (or a blank post-mortem when there is none yet). Only
 * the sections named in the patch change, so two fields saved from a debounce (or two windows
 * editing different sections) never undo each other. Text is stored as typed (no trimming): it
 * is a draft. Refusals: those of the structure (customSections, impactWindows, affectedUsers,
 * affectedRecords), checked first; "This incident no longer exists."
 */
export function savePostmortem(
  incident: Incident | undefined,
  stored: Postmortem | undefined,
  patch: PostmortemPatch,
  ctx: CommandContext,
): Outcome<Postmortem> {
  checkStructure(patch, ctx.now);
  const { id } = existing(incident, 'incident');
  const current = stored ?? emptyPostmortem(id, ctx.author, ctx.now);
  const sections = { ...current.sections };
  for (const [sid, text] of Object.entries(patch.sections ?? {}))
    if (text !== undefined) sections[sid] = text;
  const next: Postmortem = {
    ...current,
    ...structureOf(patch),
    sections,
    fiveWhys: patch.fiveWhys ? [...patch.fiveWhys] : current.fiveWhys,
    author: patch.author ?? current.author,
    allEntries: patch.allEntries ?? current.allEntries,
    updatedAt: ctx.now,
  };
  const set = changes();
  if (stored) set.update('postmortems', next);
  else set.add('postmortems', next);
  return { changes: set.build(), result: next };
}

/**
 * Moves the post-mortem to Draft, Review or Final, with its timeline entry. Final stamps the
 * incident's "Post-mortem completed" milestone (ms UTC; it stops the 48-hour due indicator);
 * leaving Final clears it again; both are recorded as a milestone correction (a system entry of
 * type 'milestone'). Otherwise the change is a note "Post-mortem status: <from> → <to>". The
 * same status changes nothing. Refusals: "This incident no longer exists."; a completion
 * before another milestone it must follow (RepoError on 'status', worded in UTC).
 */
export function setPostmortemStatus(
  found: Incident | undefined,
  stored: Postmortem | undefined,
  status: PostmortemStatus,
  ctx: CommandContext,
): Outcome<Postmortem> {
  const incident = existing(found, 'incident');
  const incidentId = incident.id;
  const current = stored ?? emptyPostmortem(incidentId, ctx.author, ctx.now);
  if (current.status === status) return { changes: {}, result: current };
  const next: Postmortem = { ...current, status, updatedAt: ctx.now };
  const set = changes();
  if (stored) set.update('postmortems', next);
  else set.add('postmortems', next);
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
    set.update('incidents', { ...incident, milestones, updatedAt: ctx.now });
    const show = (t: number | undefined) =>
      t === undefined ? 'not set' : formatDateTime(t, 'utc');
    set.record(
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
    set.record(makeEntry(incidentId, 'note', `Post-mortem status: ${from} → ${to}`, ctx));
  }
  return { changes: set.build(), result: next };
}

/** Writes `next` as the post-mortem: an update when `stored` exists, else a new row. */
function putPostmortem(stored: Postmortem | undefined, next: Postmortem): Outcome<Postmortem> {
  const set = changes();
  if (stored) set.update('postmortems', next);
  else set.add('postmortems', next);
  return { changes: set.build(), result: next };
}

/**
 * Adds a contributing cause (a free tag filed under a fishbone category) to the post-mortem,
 * creating the post-mortem when there is none yet; the tag is cleaned (`cleanText`: control
 * characters removed, NFC) and stored trimmed with inner whitespace folded (see `addCause`).
 * Refusals (RepoError): on 'causeTag' a broken character (half of an emoji), a blank tag ("Name
 * the cause in a few words."), one over its limit (the limit message), one the post-mortem already
 * has by `normaliseCauseTag` ('"Pool exhaustion" is already a contributing cause (filed under
 * Technology).'), or one too many causes (LIST_LIMITS.causes); on 'causeCategory' a category
 * not in CAUSE_CATEGORIES; "This incident no longer exists."
 */
export function addPostmortemCause(
  incident: Incident | undefined,
  stored: Postmortem | undefined,
  cause: ContributingCause,
  ctx: CommandContext,
): Outcome<Postmortem> {
  const { id } = existing(incident, 'incident');
  const cleaned = cleanText(cause.tag);
  if (!cleaned.ok) throw new RepoError(`The cause ${cleaned.message}.`, 'causeTag');
  const tag = cleaned.text;
  if (!normaliseCauseTag(tag)) throw new RepoError('Name the cause in a few words.', 'causeTag');
  const tooLong = limitProblem('causeTag', tag.trim().replace(/\s+/gu, ' '));
  if (tooLong) throw new RepoError(tooLong, 'causeTag');
  if (!(CAUSE_CATEGORIES as readonly string[]).includes(cause.category))
    throw new RepoError('Choose a category for the cause.', 'causeCategory');
  const current = stored ?? emptyPostmortem(id, ctx.author, ctx.now);
  const list = causesOf(current);
  const same = list.find((c) => normaliseCauseTag(c.tag) === normaliseCauseTag(tag));
  if (same)
    throw new RepoError(
      `"${same.tag}" is already a contributing cause (filed under ${CAUSE_CATEGORY_LABELS[same.category]}).`,
      'causeTag',
    );
  if (list.length >= LIST_LIMITS.causes)
    throw new RepoError(
      `A post-mortem holds at most ${LIST_LIMITS.causes} contributing causes; remove one first.`,
      'causeTag',
    );
  const causes = addCause(list, { tag, category: cause.category });
  return putPostmortem(stored, { ...current, causes, updatedAt: ctx.now });
}

/**
 * Removes the contributing cause whose tag is `tag` by `normaliseCauseTag`. Removing a cause the
 * post-mortem does not have (another window removed it first) changes nothing. Refusals: "This
 * incident no longer exists."
 */
export function removePostmortemCause(
  incident: Incident | undefined,
  stored: Postmortem | undefined,
  tag: string,
  ctx: CommandContext,
): Outcome<Postmortem> {
  const { id } = existing(incident, 'incident');
  const current = stored ?? emptyPostmortem(id, ctx.author, ctx.now);
  const list = causesOf(current);
  const causes = removeCause(list, tag);
  if (!stored || causes.length === list.length) return { changes: {}, result: current };
  return putPostmortem(stored, { ...current, causes, updatedAt: ctx.now });
}
