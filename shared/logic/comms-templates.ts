/**
 * Stakeholder message templates (seed structure, DOMAIN.md) and the values that fill them.
 *
 * Template bodies use a small line format, parsed by `templateToDoc` in shared/render/comms.ts:
 * `## Heading`, `- item`, `---`, `**Label:** text`, and a list placeholder alone on a line
 * (`{{actions}}`) for a bulleted list. Every other line is a paragraph. Placeholder values are
 * always inserted as text, never parsed, so user input cannot change a message's structure.
 *
 * Customer messages name no services, hosts or people: they use the Public summary in place of
 * the internal impact summary, service list and title (which are often internal names) — and
 * while it is not written they say so where it would go ("[Public summary not written yet]")
 * rather than fall back to internal text —, never include the free-text resolution summary,
 * and are checked with `findInternalData` before sending.
 *
 * A message states only what the record supports (issue 11): the data-loss sentence follows the
 * recorded Data loss fact, the cause follows the Current understanding and confirmed hypotheses
 * as judged by `causeState`, and the status sentence never contradicts the cause line.
 */
import type { Audience } from '../domain/audience';
import type { Incident } from '../domain/incident';
import { DETECTION_SOURCE_LABELS, formatUsersAffected } from '../domain/incident';
import {
  dataLossOf,
  publicSummaryOf,
  understandingOf,
  type DataLoss,
} from '../domain/incident-facts';
import type { MessageType } from '../domain/records';
import { SEVERITY_MATRIX } from '../domain/severity';
import { STATUS_LABELS, type Status } from '../domain/status';
import type { DirectoryPerson, InternalCheckOptions } from './internal-data';
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
  /** Confirmed hypotheses, oldest first (the latest is the cause when no understanding is written). */
  confirmedHypotheses: readonly string[];
  /** Actions since the last update to this audience. */
  actionsSinceLastUpdate: readonly string[];
  /** Decisions since the last update to this audience (engineering updates list them). */
  decisionsSinceLastUpdate?: readonly string[];
  /**
   * True when no update went to this audience yet, or the status, severity, impact, cause or a
   * hypothesis changed since the last one: an update may then not say "No change".
   */
  recordChanged?: boolean;
  nextSteps: readonly string[];
  /** What responders need (tactical report). */
  needs?: readonly string[];
  /** Total duration for resolved messages; null falls back to resolved − started. */
  durationMs: number | null;
  postmortemDate: string | null;
  actionItemsWhere: string | null;
  /** Expected time to resolution, as the IC words it. */
  eta?: string | null;
  /** People directory, for the customer-audience internal-data warning. */
  people?: readonly DirectoryPerson[];
  /** Names of the services in the catalog, for the same warning. */
  serviceNames?: readonly string[];
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
      body: `## {{ref}}: {{title}}\n**Status:** {{statusLine}}\n## Current understanding\n{{understanding}}\n## Actions taken\n{{actions}}\n## Decisions\n{{decisions}}\n## Next steps\n{{nextSteps}}\n${NEXT}`,
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
      // The status word, not a fixed "Investigating": the first post may come after the cause
      // is found (status-page convention: "Identified: …").
      subject: '{{status}}: {{impact}}',
      body: `We are aware of a problem with our service.\n{{statusLine}}\nWhat you may notice: {{impact}}\nWe are sorry for the disruption and are working to restore normal service as quickly as possible.\n${NEXT}`,
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
    body: '## Conditions\n**Status:** {{statusLine}}\n**Impact:** {{impact}} Users affected: {{usersAffected}}.\n{{understanding}}\n## Actions\n{{actions}}\n## Decisions\n{{decisions}}\n## Needs\n{{needs}}',
  },
  executives: {
    subject: '[{{severity}} EXECUTIVE REPORT] {{service}} — {{status}}',
    body: `## Current status\n{{statusLine}}\n## Overview\n{{impact}} Users affected: {{usersAffected}}.\n**Cause:** {{cause}}\n**Business effect:** {{businessEffect}}\n**Expected resolution:** {{eta}}\n## Next steps\n{{nextSteps}}\n${NEXT}`,
  },
};

/**
 * The message type the record supports: once the incident is resolved every message is a
 * Resolved message (an "investigating" initial notification would contradict it), and before
 * that a Resolved message is not supported, so a status update is written instead.
 */
export function effectiveMessageType(
  incident: Pick<Incident, 'status'>,
  type: MessageType,
): MessageType {
  if (incident.status === 'resolved') return 'resolved';
  return type === 'resolved' ? 'update' : type;
}

/**
 * The template a context calls for: customers have no report variant (they get the standard),
 * and a resolved incident gets the Resolved message in either variant.
 */
export function templateFor(
  ctx: Pick<CommsContext, 'audience' | 'type' | 'variant'> & {
    incident?: Pick<Incident, 'status'>;
  },
): MessageTemplate {
  const type = ctx.incident ? effectiveMessageType(ctx.incident, ctx.type) : ctx.type;
  // Reports describe a response under way; a resolved incident gets the Resolved message.
  if (ctx.variant === 'report' && ctx.audience !== 'customers' && type !== 'resolved')
    return REPORT_TEMPLATES[ctx.audience];
  return DEFAULT_TEMPLATES[ctx.audience][type];
}

/** What a customer message says where the Public summary goes while it is not written. */
export const PUBLIC_SUMMARY_MISSING = '[Public summary not written yet]';

/** What an empty list placeholder says instead of an empty list. */
export const EMPTY_LIST_TEXT: Readonly<Partial<Record<PlaceholderName, string>>> = {
  understanding: 'No new findings since the last update; the cause is not yet confirmed.',
  decisions: 'No new decisions since the last update.',
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
 * What the record says about the cause:
 * - `unknown`: nothing written, nothing confirmed, and the status never reached Identified;
 * - `suspected`: a Current understanding is written but not confirmed (the status is
 *   Investigating, or later without ever passing Identified, and no hypothesis is confirmed);
 * - `found`: a hypothesis is confirmed, or the status is (or passed) Identified, with a text;
 * - `found-undescribed`: the status is (or passed) Identified but no one wrote what was found.
 * The text is the Current understanding, else the latest confirmed hypothesis.
 */
export type CauseState =
  | { kind: 'unknown' }
  | { kind: 'suspected'; text: string }
  | { kind: 'found'; text: string }
  | { kind: 'found-undescribed' };

/** The cause as the record supports it (see CauseState). */
export function causeState(
  ctx: Pick<CommsContext, 'incident' | 'confirmedHypotheses'>,
): CauseState {
  const { incident } = ctx;
  const latest = ctx.confirmedHypotheses.at(-1)?.trim() ?? '';
  const text = understandingOf(incident) || latest;
  const confirmed = latest !== '';
  const passedIdentified =
    incident.status === 'identified' ||
    (incident.status !== 'investigating' && incident.milestones.identified !== undefined);
  if (confirmed || passedIdentified)
    return text ? { kind: 'found', text } : { kind: 'found-undescribed' };
  return text ? { kind: 'suspected', text } : { kind: 'unknown' };
}

/** The status sentence, adjusted so it never contradicts the cause (Investigating only). */
function statusSentence(status: Status, cause: CauseState): string {
  if (status !== 'investigating') return STATUS_SENTENCES[status];
  if (cause.kind === 'suspected') return 'we are confirming the likely cause.';
  if (cause.kind === 'found') return 'the cause is confirmed and we are working on a fix.';
  return STATUS_SENTENCES.investigating;
}

/** The `{{cause}}` line: the cause, or what is known about it. */
function causeLine(cause: CauseState): string {
  switch (cause.kind) {
    case 'found':
      return cause.text;
    case 'found-undescribed':
      return 'Identified; a description will follow in the next update.';
    case 'suspected':
      return `Not yet confirmed. Current understanding: ${cause.text}`;
    case 'unknown':
      return 'Not yet confirmed.';
  }
}

/** The first item of the engineering "Current understanding" list, when there is one. */
function causeItem(cause: CauseState): string | null {
  switch (cause.kind) {
    case 'found':
      return `Cause: ${cause.text}`;
    case 'found-undescribed':
      return 'Cause identified; a description will follow.';
    case 'suspected':
      return `Current understanding (not yet confirmed): ${cause.text}`;
    case 'unknown':
      return null;
  }
}

/** "text." — adds a full stop unless the text already ends a sentence. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

/** The data-loss sentence for the recorded fact: "still confirming" only while it is Unknown. */
export function dataLossSentence(loss: DataLoss): string {
  if (loss.state === 'none') return 'No data was lost.';
  if (loss.state === 'some') {
    const what = loss.what.trim().replace(/[.!?…]+$/, '');
    const window = loss.window.trim();
    return sentence(`Some data was lost: ${what}${window ? ` (${window})` : ''}`);
  }
  return 'We are still confirming whether any data was lost.';
}

/** Options for the internal-detail check of a customer message built from this context. */
export function internalCheckOptions(ctx: CommsContext): InternalCheckOptions {
  const { incident } = ctx;
  return {
    people: ctx.people ?? [],
    services: [...(ctx.serviceNames ?? []), ...incident.services],
    internalTexts: [
      incident.title,
      incident.impact.summary,
      understandingOf(incident),
      incident.resolutionSummary ?? '',
      ...ctx.confirmedHypotheses,
    ],
  };
}

/**
 * Time until the next update, to the nearest minute, in the seed's words: "15 minutes",
 * "1 hour 5 minutes", "1 day 0 hours 44 minutes" (`formatDuration`'s one style); never negative.
 */
export function formatIn(ms: number): string {
  return formatDuration(Math.max(0, ms), { precision: 'minute', style: 'words' });
}

function usersAffected(incident: Incident): string {
  return formatUsersAffected(incident.impact.usersAffected, 'not yet known');
}

function businessEffect(incident: Incident): string {
  const i = incident.impact;
  const loss = dataLossOf(incident).state;
  const parts = [
    // Unticked at declaration is what the form starts with: stated as not recorded, not as a finding.
    i.customerFacing ? 'Customer-facing' : 'Not recorded as customer-facing',
    // Unticked is what an incident starts with, not an assessment: it is not stated as "none".
    i.payingAccounts
      ? 'paying accounts affected'
      : incident.status === 'resolved'
        ? 'paying accounts: none recorded as affected'
        : 'paying accounts: none recorded as affected yet',
    `revenue impact: ${i.revenueImpact.trim() || 'not yet estimated'}`,
  ];
  if (loss === 'some') parts.push('some data lost');
  else if (i.dataIntegrity)
    parts.push(
      incident.status === 'resolved' ? 'data integrity was at risk' : 'data integrity at risk',
    );
  return `${parts.join('; ')}.`;
}

/**
 * Fills every placeholder from a context. The context's `type` is read through
 * `effectiveMessageType`, so a value never describes a message type the record does not support.
 */
export function commsValues(ctx: CommsContext): Record<PlaceholderName, string | string[]> {
  const { incident, timeZone: tz, now } = ctx;
  const type = effectiveMessageType(incident, ctx.type);
  const customers = ctx.audience === 'customers';
  const summary = incident.impact.summary.trim();
  const start = incident.milestones.started ?? incident.milestones.declared ?? incident.createdAt;
  const end = incident.milestones.resolved ?? now;
  const statusWord = STATUS_LABELS[incident.status];
  const cause = causeState(ctx);
  const decisions = ctx.decisionsSinceLastUpdate ?? [];
  const nothingNew =
    ctx.findings.length + ctx.actionsSinceLastUpdate.length + decisions.length === 0 &&
    ctx.recordChanged !== true;
  // A Resolved message announces no further update, whatever the caller scheduled.
  const next = type === 'resolved' ? null : ctx.nextUpdateAt;
  const nextTime = next === null ? '' : formatEventTime(next, tz, spansDays(now, next, tz));
  const nextIn = next === null ? '' : formatIn(next - now);
  const followUp = [
    ctx.postmortemDate
      ? `Post-mortem scheduled for ${ctx.postmortemDate}.`
      : 'A post-mortem will follow within 48 hours.',
    ctx.actionItemsWhere ? `Action items are tracked in ${ctx.actionItemsWhere}.` : '',
  ];
  const says = statusSentence(incident.status, cause);
  const item = causeItem(cause);
  const causeText = cause.kind === 'found' || cause.kind === 'suspected' ? cause.text : '';
  const otherConfirmed = ctx.confirmedHypotheses
    .map((h) => h.trim())
    .filter((h) => h && h !== causeText);
  return {
    severity: incident.severity,
    severityName: SEVERITY_MATRIX[incident.severity].name,
    ref: incident.ref,
    title: incident.title,
    channel: incident.slug,
    service: incident.services[0] ?? incident.title,
    services: incident.services.join(', ') || 'not yet known',
    impact: customers
      ? publicSummaryOf(incident) || PUBLIC_SUMMARY_MISSING
      : summary || incident.title,
    usersAffected: usersAffected(incident),
    businessEffect: businessEffect(incident),
    revenueImpact: incident.impact.revenueImpact.trim() || 'not yet estimated',
    detection: `${DETECTION_SOURCE_LABELS[incident.detection.source]}${incident.detection.alertName ? ` (${incident.detection.alertName})` : ''}`,
    status: statusWord,
    statusLine:
      type === 'update' && nothingNew && incident.status !== 'resolved'
        ? `No change: still ${statusWord.toLowerCase()} — ${says}`
        : `${statusWord} — ${says}`,
    cause: causeLine(cause),
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
    dataLoss: dataLossSentence(dataLossOf(incident)),
    followUp: followUp.filter(Boolean).join(' '),
    understanding: [
      ...(item ? [item] : []),
      ...otherConfirmed.map((h) => `Confirmed: ${h}`),
      ...ctx.findings,
    ],
    findings: [...ctx.findings],
    hypotheses: [...ctx.confirmedHypotheses],
    actions: [...ctx.actionsSinceLastUpdate],
    decisions: [...decisions],
    nextSteps: [...ctx.nextSteps],
    needs: [...(ctx.needs ?? [])],
  };
}
