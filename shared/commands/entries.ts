import type { Audience } from '../domain/audience';
import type { EntryKind, RunbookUse, SystemChange, TimelineEntry } from '../domain/timeline';
import { newId } from '../domain/ids';
import { happenedAt, type CommandContext } from './context';

/** Builds a timeline entry row; callers write it inside their own transaction. */
export function makeEntry(
  incidentId: string,
  kind: EntryKind,
  text: string,
  ctx: CommandContext,
  extra: {
    occurredAt?: number;
    change?: SystemChange | null;
    audience?: Audience | null;
    pinned?: boolean;
    /** Marked as a highlight (`!`); stored only when true, so older rows and new ones agree. */
    highlight?: boolean;
    /** The runbook use the entry records (stored only when given). */
    runbook?: RunbookUse;
  } = {},
): TimelineEntry {
  return {
    id: newId(),
    incidentId,
    kind,
    text,
    occurredAt: extra.occurredAt ?? happenedAt(ctx),
    loggedAt: ctx.now,
    author: ctx.author,
    pinned: extra.pinned ?? false,
    deletedAt: null,
    revisions: [],
    change: extra.change ?? null,
    audience: extra.audience ?? null,
    ...(extra.highlight ? { highlight: true } : {}),
    ...(extra.runbook ? { runbook: extra.runbook } : {}),
  };
}

/** A system entry recording a change the app made (status, severity, role…). */
export function systemEntry(
  incidentId: string,
  text: string,
  change: SystemChange,
  ctx: CommandContext,
  occurredAt?: number,
): TimelineEntry {
  // Severity, status and milestone changes matter for the post-mortem: pin them by default.
  const pinned =
    change.type === 'severity' || change.type === 'status' || change.type === 'declared';
  return makeEntry(incidentId, 'system', text, ctx, {
    change,
    pinned,
    occurredAt: occurredAt ?? happenedAt(ctx),
  });
}
