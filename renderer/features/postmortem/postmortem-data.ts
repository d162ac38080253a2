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
