import type { Audience } from '../domain/audience';
import { FUTURE_TOLERANCE_MS } from '../domain/incident';
import { formatCount, cleanText } from '../domain/text';
import {
  ENTRY_TEXT_MAX,
  type EntryKind,
  type Revision,
  type TimelineEntry,
} from '../domain/timeline';
import { changes, type Changes, type Outcome } from './change-set';
import type { CommandContext } from './context';
import { makeEntry } from './entries';
import { existing } from './guards';
import { RepoError } from './refusal';

/** A person-written entry to add. */
export interface NewEntry {
  incidentId: string;
  kind: Exclude<EntryKind, 'system'>;
  text: string;
  /** When it happened (ms since the epoch, UTC); defaults to `ctx.now`. */
  occurredAt?: number;
  audience?: Audience | null;
  /** Marked as a highlight while logging (`!`): a key event of the post-mortem. */
  highlight?: boolean;
}

/**
 * Cleans (shared/domain/text.ts: NFC, no control characters, no unpaired surrogates) and trims
 * person-written entry text. Refuses it with RepoError on field 'text' when it cannot be
 * cleaned, is empty, or is longer than ENTRY_TEXT_MAX characters.
 */
export function checkEntryText(text: string): string {
  const checked = cleanText(text);
  if (!checked.ok) throw new RepoError(`The entry ${checked.message}.`, 'text');
  const t = checked.text.trim();
  if (!t) throw new RepoError('Nothing to log: the entry is empty.', 'text');
  if (t.length > ENTRY_TEXT_MAX)
    throw new RepoError(
      `The entry is ${formatCount(t.length)} characters; the limit is ${formatCount(ENTRY_TEXT_MAX)}.`,
      'text',
    );
  return t;
}

/** The row of a new person-written entry (text checked as {@link checkEntryText}). */
export function newEntryRow(input: NewEntry, ctx: CommandContext): TimelineEntry {
  return makeEntry(input.incidentId, input.kind, checkEntryText(input.text), ctx, {
    occurredAt: input.occurredAt ?? ctx.now,
    audience: input.audience ?? null,
    highlight: input.highlight === true,
  });
}

/**
 * The scribe's entry: one new timeline entry and, when `draftKey` is given, the removal of the
 * draft it was typed in (so a reload cannot bring back committed text). Refusals as
 * {@link checkEntryText}. The commit writes this shape on its fast path.
 */
export function logEntry(input: NewEntry, ctx: CommandContext, draftKey?: string): Changes {
  const set = changes().record(newEntryRow(input, ctx));
  if (draftKey) set.remove('drafts', draftKey);
  return set.build();
}

/**
 * Refuses (RepoError on field 'occurredAt') a corrected entry time that is not a time or lies
 * in the future beyond the clock-skew tolerance (FUTURE_TOLERANCE_MS).
 */
export function checkOccurredAt(at: number, now: number): void {
  if (!Number.isFinite(at))
    throw new RepoError('Enter when it happened, as a date and time.', 'occurredAt');
  if (at > now + FUTURE_TOLERANCE_MS)
    throw new RepoError(
      'That time is in the future: an entry records what already happened.',
      'occurredAt',
    );
}

/**
 * Edits a person-written entry's text and, when `occurredAt` (ms, UTC) is given and differs,
 * its time: the previous text and time are kept as a revision (oldest first). Refusals
 * (RepoError): the entry is gone; empty or over-long text (field 'text'); a time in the future
 * (field 'occurredAt'); a system entry (field 'text'); a deleted entry. Unchanged text and time
 * changes nothing.
 */
export function editEntry(
  found: TimelineEntry | undefined,
  input: { text: string; occurredAt?: number },
  ctx: CommandContext,
): Outcome<TimelineEntry> {
  const next = checkEntryText(input.text);
  const occurredAt = input.occurredAt;
  if (occurredAt !== undefined) checkOccurredAt(occurredAt, ctx.now);
  const entry = existing(found, 'entry');
  if (entry.kind === 'system')
    throw new RepoError('System entries record a change and cannot be edited.', 'text');
  if (entry.deletedAt !== null) throw new RepoError('Restore the entry before editing it.');
  const moved = occurredAt !== undefined && occurredAt !== entry.occurredAt;
  if (entry.text === next && !moved) return { changes: {}, result: entry };
  const revision: Revision = { text: entry.text, editedAt: ctx.now, author: ctx.author };
  if (moved) revision.occurredAt = entry.occurredAt;
  const row: TimelineEntry = {
    ...entry,
    text: next,
    revisions: [...entry.revisions, revision],
    ...(moved ? { occurredAt } : {}),
  };
  return { changes: changes().update('timelineEntries', row).build(), result: row };
}

/** Soft-deletes an entry (undone by {@link restoreEntry}). Refuses a system entry or a gone one. */
export function deleteEntry(found: TimelineEntry | undefined, ctx: CommandContext): Changes {
  const entry = existing(found, 'entry');
  if (entry.kind === 'system')
    throw new RepoError('System entries record a change and cannot be deleted.');
  if (entry.deletedAt !== null) return {};
  return changes()
    .update('timelineEntries', { ...entry, deletedAt: ctx.now })
    .build();
}

/** Undoes a soft delete. Refuses a gone entry. */
export function restoreEntry(found: TimelineEntry | undefined): Changes {
  const entry = existing(found, 'entry');
  if (entry.deletedAt === null) return {};
  return changes()
    .update('timelineEntries', { ...entry, deletedAt: null })
    .build();
}

/** Pins or unpins an entry (pinned entries make the post-mortem's timeline). */
export function setPinned(found: TimelineEntry | undefined, pinned: boolean): Changes {
  const entry = existing(found, 'entry');
  if (entry.pinned === pinned) return {};
  return changes()
    .update('timelineEntries', { ...entry, pinned })
    .build();
}

/**
 * `/pin`: pins `latest`, the incident's entry logged last. Refuses (RepoError) when there is
 * none.
 */
export function pinLatest(latest: TimelineEntry | undefined): Outcome<TimelineEntry> {
  if (!latest) throw new RepoError('There is no entry to pin yet.');
  const row = { ...latest, pinned: true };
  return { changes: changes().update('timelineEntries', row).build(), result: row };
}
