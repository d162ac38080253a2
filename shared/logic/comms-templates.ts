/**
 * Stakeholder message templates (seed structure, DOMAIN.md) and the values that fill them.
 *
 * Template bodies use a small line format, parsed by `templateToDoc` in shared/render/comms.ts:
 * `## Heading`, `- item`, `---`, `**Label:** text`, and a list placeholder alone on a line
 * (`{{actions}}`) for a bulleted list. Every other line is a paragraph. Placeholder values are
 * always inserted as text, never parsed, so user input cannot change a message's structure.
 *
 * Customer messages name no services, hosts or people: they use the impact summary in place of
 * the service list and title (which are often internal names), never include the free-text
 * resolution summary, and are checked with `findInternalData` before sending.
 */
import type { Audience } from '../domain/audience';
import type { Incident } from '../domain/incident';
import { DETECTION_SOURCE_LABELS } from '../domain/incident';
import type { MessageType } from '../domain/records';
import { SEVERITY_MATRIX } from '../domain/severity';
import { STATUS_LABELS, type Status } from '../domain/status';
import type { DirectoryPerson } from './internal-data';
import type { PlaceholderName } from './placeholders';
import type { TimeZoneMode } from './time';
import { formatDateTime, formatDuration, formatEventTime, spansDays } from './time';

/** Standard message, or the audience's structured report (Dispatch style). */
export type CommsVariant = 'standard' | 'report';

/** Everything a message is built from: plain data, computed by the caller. */
export interface CommsContext {
  incident: Incident;
  audience: Audience;
  type: MessageType;
  /** 'report': tactical report for engineering, executive report for executives. */
  variant?: CommsVariant;
  now: number;
  timeZone: TimeZoneMode;
  /** When the next update to this audience is due, or null when none is scheduled. */
  nextUpdateAt: number | null;
  findings: readonly string[];
  confirmedHypotheses: readonly string[];
  /** Actions since the last update to this audience. */
  actionsSinceLastUpdate: readonly string[];
  nextSteps: readonly string[];
  /** What responders need (tactical report). */
  needs?: readonly string[];
  /** Total duration for resolved messages; null falls back to resolved − started. */
  durationMs: number | null;
  /** Whether any data was lost; null when not yet known. */
  dataLost: boolean | null;
  postmortemDate: string | null;
  actionItemsWhere: string | null;
  /** Expected time to resolution, as the IC words it. */
  eta?: string | null;
  /** People directory, for the customer-audience internal-data warning. */
  people?: readonly DirectoryPerson[];
}

/** A subject line and a body, both with placeholders. */
export interface MessageTemplate {
  subject: string;
  body: string;
}

const NEXT = '## Next update\n{{nextUpdate}}';

/** Default templates per audience and message type. */
export const DEFAULT_TEMPLATES: Readonly<Record<Audience, Record<MessageType, MessageTemplate>>> = {
  engineering: {
    initial: {
      subject: '[{{severity}}] {{service}} — {{impact}}',
      body: `## {{ref}}: {{title}}\n**Current status:** {{statusLine}}\n**Impact:** {{impact}}\n**Users affected:** {{usersAffected}}\n**Services:** {{services}}\n**Detected by:** {{detection}}\n**Channel:** {{channel}}\n${NEXT}`,
    },
    update: {
      subject: '[{{severity}} UPDATE] {{service}} — {{status}}',
      body: `## {{ref}}: {{title}}\n**Status:** {{statusLine}}\n## Current understanding\n{{understanding}}\n## Actions taken\n{{actions}}\n## Next steps\n{{nextSteps}}\n${NEXT}`,
    },
    resolved: {
      subject: '[RESOLVED] {{service}} — {{title}}',
      body: `## {{ref}}: {{title}}\n**Resolution:** {{resolution}}\n**Duration:** {{start}} to {{end}} ({{duration}})\n**Impact summary:** {{impact}} Users affected: {{usersAffected}}.\n**Data:** {{dataLoss}}\n**Follow-up:** {{followUp}}`,
    },
  },
  executives: {
    initial: {
      subject: '[{{severity}}] {{service}} — {{impact}}',
      body: `**Current status:** {{statusLine}}\n**Impact:** {{impact}} Users affected: {{usersAffected}}.\n**Business effect:** {{businessEffect}}\n**Expected resolution:** {{eta}}\n${NEXT}`,
    },
    update: {
      subject: '[{{severity}} UPDATE] {{service}} — {{status}}',
      body: `**Status:** {{statusLine}}\n**Cause:** {{cause}}\n**Impact:** {{impact}} Users affected: {{usersAffected}}.\n**Business effect:** {{businessEffect}}\n**Expected resolution:** {{eta}}\n${NEXT}`,
    },
    resolved: {
      subject: '[RESOLVED] {{service}} — {{title}}',
      body: `**Resolution:** {{resolution}}\n**Duration:** {{start}} to {{end}} ({{duration}})\n**Impact summary:** {{impact}} Users affected: {{usersAffected}}.\n**Business effect:** {{businessEffect}}\n**Data:** {{dataLoss}}\n**Follow-up:** {{followUp}}`,
    },
  },
  customers: {
    initial: {
      subject: 'Investigating: {{impact}}',
      body: `We are investigating a problem with our service.\nWhat you may notice: {{impact}}\nWe are sorry for the disruption and are working to restore normal service as quickly as possible.\n${NEXT}`,
    },
    update: {
      subject: 'Update: {{impact}}',
      body: `{{statusLine}}\nWhat you may notice: {{impact}}\n${NEXT}`,
    },
    resolved: {
      subject: 'Resolved: {{impact}}',
      body: `This issue is resolved and service is working normally.\nWhat was affected: {{impact}}\nFrom {{start}} to {{end}} ({{duration}}).\n{{dataLoss}}\nWe are reviewing what happened so that it does not happen again. We are sorry for the disruption.`,
    },
  },
};

/** Structured report variants: Dispatch's tactical (CAN) and executive reports. */
export const REPORT_TEMPLATES: Readonly<Record<'engineering' | 'executives', MessageTemplate>> = {
  engineering: {
    subject: '[{{severity}} TACTICAL] {{ref}} — {{status}}',
    body: '## Conditions\n**Status:** {{statusLine}}\n**Impact:** {{impact}} Users affected: {{usersAffected}}.\n{{understanding}}\n## Actions\n{{actions}}\n## Needs\n{{needs}}',
  },
  executives: {
    subject: '[{{severity}} EXECUTIVE REPORT] {{service}} — {{status}}',
    body: `## Current status\n{{statusLine}}\n## Overview\n{{impact}} Users affected: {{usersAffected}}.\n**Cause:** {{cause}}\n**Business effect:** {{businessEffect}}\n**Expected resolution:** {{eta}}\n## Next steps\n{{nextSteps}}\n${NEXT}`,
  },
};

/** The template a context calls for (customers have no report variant: they get the standard). */
export function templateFor(
  ctx: Pick<CommsContext, 'audience' | 'type' | 'variant'>,
): MessageTemplate {
  if (ctx.variant === 'report' && ctx.audience !== 'customers')
    return REPORT_TEMPLATES[ctx.audience];
  return DEFAULT_TEMPLATES[ctx.audience][ctx.type];
}

/** What an empty list placeholder says instead of an empty list. */
export const EMPTY_LIST_TEXT: Readonly<Partial<Record<PlaceholderName, string>>> = {
  understanding: 'No new findings since the last update; the cause is not yet confirmed.',
  findings: 'No new findings since the last update.',
  hypotheses: 'No hypothesis confirmed yet.',
  actions: 'No new actions since the last update.',
  nextSteps: 'Continue the current line of investigation.',
  needs: 'Nothing needed right now.',
};

const STATUS_SENTENCES: Readonly<Record<Status, string>> = {
  investigating: 'we are looking for the cause.',
  identified: 'we have found the cause and are working on a fix.',
  mitigating: 'a fix is being applied.',
  monitoring: 'a fix is in place and we are watching to confirm it holds.',
  resolved: 'the issue is resolved.',
};

/**
 * Time until the next update, to the nearest minute, in the seed's words: "15 minutes",
 * "1 hour 5 minutes", "1 day 0 hours 44 minutes" (`formatDuration`'s one style); never negative.
 */
export function formatIn(ms: number): string {
  return formatDuration(Math.max(0, ms), { precision: 'minute', style: 'words' });
}

function usersAffected(incident: Incident): string {
  const u = incident.impact.usersAffected;
  if (!u) return 'not yet known';
  return u.unit === 'percent' ? `${u.value}% of users` : `${u.value.toLocaleString('en-US')} users`;
}

function businessEffect(incident: Incident): string {
  const i = incident.impact;
  const parts = [
    i.customerFacing ? 'Customer-facing' : 'Not customer-facing',
    i.payingAccounts ? 'paying accounts affected' : 'no paying accounts known to be affected',
    `revenue impact: ${i.revenueImpact.trim() || 'not yet estimated'}`,
  ];
  if (i.dataIntegrity) parts.push('data integrity at risk');
  return `${parts.join('; ')}.`;
}

function dataLossSentence(dataLost: boolean | null): string {
  if (dataLost === false) return 'No data was lost.';
  if (dataLost === true)
    return 'Some data was lost; the affected records and next steps will follow.';
  return 'We are still confirming whether any data was lost.';
}

/** Fills every placeholder from a context. */
export function commsValues(ctx: CommsContext): Record<PlaceholderName, string | string[]> {
  const { incident, timeZone: tz, now } = ctx;
  const customers = ctx.audience === 'customers';
  const summary = incident.impact.summary.trim();
  const start = incident.milestones.started ?? incident.milestones.declared ?? incident.createdAt;
  const end = incident.milestones.resolved ?? now;
  const statusWord = STATUS_LABELS[incident.status];
  const nothingNew =
    ctx.findings.length + ctx.confirmedHypotheses.length + ctx.actionsSinceLastUpdate.length === 0;
  const next = ctx.nextUpdateAt;
  const nextTime = next === null ? '' : formatEventTime(next, tz, spansDays(now, next, tz));
  const nextIn = next === null ? '' : formatIn(next - now);
  const followUp = [
    ctx.postmortemDate
      ? `Post-mortem scheduled for ${ctx.postmortemDate}.`
      : 'A post-mortem will follow within 48 hours.',
    ctx.actionItemsWhere ? `Action items are tracked in ${ctx.actionItemsWhere}.` : '',
  ];
  return {
    severity: incident.severity,
    severityName: SEVERITY_MATRIX[incident.severity].name,
    ref: incident.ref,
    title: incident.title,
    channel: incident.slug,
    service: incident.services[0] ?? incident.title,
    services: incident.services.join(', ') || 'not yet known',
    impact:
      summary || (customers ? 'Some of our services are not working as expected.' : incident.title),
    usersAffected: usersAffected(incident),
    businessEffect: businessEffect(incident),
    revenueImpact: incident.impact.revenueImpact.trim() || 'not yet estimated',
    detection: `${DETECTION_SOURCE_LABELS[incident.detection.source]}${incident.detection.alertName ? ` (${incident.detection.alertName})` : ''}`,
    status: statusWord,
    statusLine:
      ctx.type === 'update' && nothingNew && incident.status !== 'resolved'
        ? `No change: still ${statusWord.toLowerCase()}.`
        : `${statusWord} — ${STATUS_SENTENCES[incident.status]}`,
    cause: ctx.confirmedHypotheses[0] ?? 'Not yet confirmed.',
    eta: ctx.eta?.trim() || 'not yet known',
    nextUpdate:
      next === null
        ? 'We will post again when there is news.'
        : `Next update at ${nextTime} (in ${nextIn}).`,
    nextUpdateTime: nextTime,
    nextUpdateIn: nextIn,
    now: formatDateTime(now, tz),
    start: formatDateTime(start, tz),
    end: formatDateTime(end, tz),
    duration: formatDuration(ctx.durationMs ?? end - start),
    resolution: incident.resolutionSummary?.trim() || 'The issue has been resolved.',
    dataLoss: dataLossSentence(ctx.dataLost),
    followUp: followUp.filter(Boolean).join(' '),
    understanding: [...ctx.confirmedHypotheses.map((h) => `Confirmed: ${h}`), ...ctx.findings],
    findings: [...ctx.findings],
    hypotheses: [...ctx.confirmedHypotheses],
    actions: [...ctx.actionsSinceLastUpdate],
    nextSteps: [...ctx.nextSteps],
    needs: [...(ctx.needs ?? [])],
  };
}
