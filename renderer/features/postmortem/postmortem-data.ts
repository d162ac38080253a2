/**
 * Pure helpers for the post-mortem editor: the SLO budget line, and the input the document is
 * rendered from (the stored record with the editor's unsaved text on top).
 */
import type { Incident } from '../../../shared/domain/incident';
import type { ActionItem, Postmortem, Service } from '../../../shared/domain/records';
import type { RoleAssignment } from '../../../shared/domain/roles';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { possessive } from '../../../shared/logic/grammar';
import { budgetConsumedMs, sloBudgetMs } from '../../../shared/logic/metrics';
import type { TimeZoneMode } from '../../../shared/logic/time';
import type { PostmortemInput } from '../../../shared/render/postmortem';

function minutesText(ms: number): string {
  const minutes = ms / 60_000;
  const shown = minutes >= 100 ? Math.round(minutes) : Math.round(minutes * 10) / 10;
  return `${shown.toLocaleString('en-US')} min`;
}

function percentText(fraction: number): string {
  const pct = fraction * 100;
  return `${pct >= 100 ? Math.round(pct) : Math.round(pct * 10) / 10}%`;
}

/**
 * "SLO budget consumed", from the impact window (started → mitigated, else resolved), the share
 * of users affected and the first affected service with an SLO target. Null when any of those is
 * unknown: a share given as a head count, an incident still ongoing, or no target on record.
 */
export function sloBudgetText(
  incident: Pick<Incident, 'services' | 'impact' | 'milestones' | 'createdAt'>,
  services: readonly Pick<Service, 'name' | 'sloTarget' | 'sloWindowDays'>[],
): string | null {
  const service = incident.services
    .map((name) => services.find((s) => s.name === name && s.sloTarget !== null))
    .find((s) => s !== undefined);
  const users = incident.impact.usersAffected;
  const m = incident.milestones;
  const start = m.started ?? m.declared ?? incident.createdAt;
  const end = m.mitigated ?? m.resolved;
  if (!service || service.sloTarget === null || users?.unit !== 'percent' || end === undefined)
    return null;
  const consumed = budgetConsumedMs((end - start) / 60_000, users.value / 100);
  const budget = sloBudgetMs(service.sloTarget, service.sloWindowDays);
  const target = `${Math.round(service.sloTarget * 100_000) / 1000}%`;
  return `${minutesText(consumed)} of ${possessive(service.name)} ${minutesText(budget)} budget (${percentText(consumed / budget)}; ${target} over ${service.sloWindowDays} days)`;
}

/** What the editor holds that may not be saved yet. */
export interface EditorText {
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
}): PostmortemInput {
  return {
    incident: args.incident,
    postmortem: {
      ...args.stored,
      sections: { ...args.text.sections },
      fiveWhys: [...args.text.fiveWhys],
      author: args.text.author,
    },
    entries: args.entries,
    roleHistory: args.assignments,
    actionItems: [...args.actionItems].sort((a, b) => a.createdAt - b.createdAt),
    sloBudgetConsumed: sloBudgetText(args.incident, args.services),
    timeZone: args.timeZone,
  };
}
