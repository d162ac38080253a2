/**
 * Pure helpers for the post-mortem editor: the SLO budget line, and the input the document is
 * rendered from (the stored record with the editor's unsaved text on top).
 */
import type { Incident } from '../../../shared/domain/incident';
import type { ActionItem, Postmortem, Service } from '../../../shared/domain/records';
import type { RoleAssignment } from '../../../shared/domain/roles';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import type { Period } from '../../../shared/logic/impact-windows';
import { impactWindowsOf } from '../../../shared/logic/postmortem-structure';
import { incidentBudgetText } from '../../../shared/logic/slo';
import type { TimeZoneMode } from '../../../shared/logic/time';
import type { PostmortemInput } from '../../../shared/render/postmortem';

/**
 * "SLO budget consumed": what the whole incident spent of each affected service's error budget,
 * by the one rule of shared/logic/slo.ts (the Services page shows the same figure as the
 * incident's total). Null when no affected service has an SLO target.
 */
export function sloBudgetText(
  incident: Pick<Incident, 'services' | 'drill' | 'impact' | 'milestones' | 'createdAt'>,
  services: readonly Pick<Service, 'name' | 'sloTarget' | 'sloWindowDays'>[],
  now: number,
  windows: readonly Period[] = [],
): string | null {
  return incidentBudgetText(incident, services, now, windows);
}

/** The structural fields the editor may hold unsaved (whys chains, sections, windows…). */
export type EditorStructure = Partial<
  Pick<
    Postmortem,
    | 'whysQuestion'
    | 'whysChains'
    | 'customSections'
    | 'impactWindows'
    | 'timelineChoices'
    | 'affectedUsers'
    | 'affectedRecords'
  >
>;

/** What the editor holds that may not be saved yet. */
export interface EditorText extends EditorStructure {
  sections: Readonly<Record<string, string>>;
  fiveWhys: readonly string[];
  author: string;
}

/** The post-mortem document's input: the stored record, with the editor's text on top. */
export function postmortemInput(args: {
  incident: Incident;
  stored: Postmortem;
  text: EditorText;
  entries: readonly TimelineEntry[];
  assignments: readonly RoleAssignment[];
  actionItems: readonly ActionItem[];
  services: readonly Service[];
  timeZone: TimeZoneMode;
  /** For the budget spent so far by an incident that is still ongoing (epoch ms). */
  now: number;
}): PostmortemInput {
  const { sections, fiveWhys, author, ...structure } = args.text;
  const defined = Object.fromEntries(
    Object.entries(structure).filter(([, v]) => v !== undefined),
  ) as EditorStructure;
  const postmortem: Postmortem = {
    ...args.stored,
    ...defined,
    sections: { ...sections },
    fiveWhys: [...fiveWhys],
    author,
  };
  return {
    incident: args.incident,
    postmortem,
    entries: args.entries,
    roleHistory: args.assignments,
    actionItems: [...args.actionItems].sort((a, b) => a.createdAt - b.createdAt),
    sloBudgetConsumed: sloBudgetText(
      args.incident,
      args.services,
      args.now,
      impactWindowsOf(postmortem),
    ),
    sloServices: args.services,
    now: args.now,
    timeZone: args.timeZone,
  };
}

/**
 * The input of the copied or exported post-mortem: the record as read after this window's
 * writes had settled (`fresh`: an action item's status changed a moment before is in it), not
 * what the screen's live queries last showed. The text fields come from the stored post-mortem
 * when the editor's last save succeeded (`saved`), so they are what the disk holds; otherwise
 * (the save failed and the text is held on the page) from what is on screen (`onScreen`), so
 * the copy still holds what was typed. `held` stands in for a post-mortem whose first write
 * failed (not in `fresh`). `now` is epoch ms, for an incident still spending its budget.
 */
export function exportInput(args: {
  incident: Incident;
  fresh: {
    postmortem: Postmortem | null;
    entries: readonly TimelineEntry[];
    assignments: readonly RoleAssignment[];
    actionItems: readonly ActionItem[];
    services: readonly Service[];
  };
  held: Postmortem;
  onScreen: EditorText & { allEntries: Postmortem['allEntries'] };
  saved: boolean;
  timeZone: TimeZoneMode;
  now: number;
}): PostmortemInput {
  const { fresh } = args;
  const stored = fresh.postmortem ?? args.held;
  const fromDisk = args.saved && fresh.postmortem !== null;
  const { allEntries, ...typed } = args.onScreen;
  return postmortemInput({
    incident: args.incident,
    stored: fromDisk ? stored : { ...stored, allEntries },
    text: fromDisk
      ? { sections: stored.sections, fiveWhys: stored.fiveWhys, author: stored.author }
      : typed,
    entries: fresh.entries,
    assignments: fresh.assignments,
    actionItems: fresh.actionItems,
    services: fresh.services,
    timeZone: args.timeZone,
    now: args.now,
  });
}
