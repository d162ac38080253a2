import { z } from 'zod';

/**
 * Drafts of explicit-save forms opened on a stored record (a runbook, the current
 * understanding): what was typed and not saved yet, kept in the drafts table (this seat only)
 * so a reload, a crash or a closed window does not lose it. Stored as JSON with when it was
 * last changed; the value's shape is the form's own.
 */
export interface EditDraft<T> {
  value: T;
  /** When it was last changed, ms UTC. */
  savedAt: number;
}

/** The drafts-table key of the edits to a runbook (`new` for a runbook not yet saved). */
export function runbookEditDraftKey(runbookId: string | null): string {
  return `runbook-edit:${runbookId ?? 'new'}`;
}

/** The drafts-table key of the edits to an incident's current understanding. */
export function understandingDraftKey(incidentId: string): string {
  return `understanding:${incidentId}`;
}

/** The drafts-table text of `value`, changed at `savedAt`. */
export function editDraftText<T>(value: T, savedAt: number): string {
  return JSON.stringify({ v: 1, savedAt, value });
}

const envelope = z.object({ v: z.literal(1), savedAt: z.number().finite(), value: z.unknown() });

/**
 * The draft stored as `text`, its value read by `read` (null when it is not the form's), or
 * null when it is not one (unreadable, another version).
 */
export function parseEditDraft<T>(
  text: string,
  read: (raw: unknown) => T | null,
): EditDraft<T> | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = envelope.safeParse(raw);
  if (!parsed.success) return null;
  const value = read(parsed.data.value);
  return value === null ? null : { value, savedAt: parsed.data.savedAt };
}

/** The fields of the runbook editor. */
export interface RunbookEdit {
  title: string;
  service: string;
  body: string;
}

const runbookEdit = z.object({ title: z.string(), service: z.string(), body: z.string() });

/** A runbook editor's draft value, or null when `raw` is not one. */
export function readRunbookEdit(raw: unknown): RunbookEdit | null {
  const parsed = runbookEdit.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** A current understanding draft's value (its text), or null when `raw` is not one. */
export function readUnderstandingEdit(raw: unknown): string | null {
  return typeof raw === 'string' ? raw : null;
}
