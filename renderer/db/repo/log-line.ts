import type { Incident } from '../../../shared/domain/incident';
import type { ParseResult, RoleCommand } from '../../../shared/logic/commands';
import { resolveRoleKey } from '../../../shared/logic/roles';
import { createActionItem } from './action-items';
import type { CommandContext } from '../../../shared/commands/context';
import { changeSeverity, changeStatus } from './incidents';
import { openHypothesis } from './hypotheses';
import { setUnderstanding } from './impact';
import { addEntry, logComms, moveStartAndLog, pinLatestEntry } from './timeline';
import { commit, inOneCommit } from '../commit';
import { changes } from '../../../shared/commands/change-set';
import { logEntry } from '../../../shared/commands/timeline-entry';
import { saveDraft } from '../../../shared/commands/drafts';
import type { WarroomDb } from '../schema';
import { RepoError } from './errors';
import { assignRole, readCustomRoleNames } from './roles';

/** A parsed line that writes something (errors and /help never reach the database). */
export type WritableCommand = Exclude<ParseResult, { type: 'error' } | { type: 'help' }>;

export interface RunOptions {
  /** Hypothesis timebox from Settings. */
  timeboxMs: number;
  /** Move the started milestone back to the entry's time (the user confirmed it). */
  moveStart?: boolean;
  /** Draft to clear in the same transaction, so a reload cannot bring back committed text. */
  draftKey?: string;
  /**
   * A draft to rewrite in the same transaction (`text` '' removes it; `now` its updatedAt, ms
   * UTC): the held lines' draft without the line being logged, so a reload neither brings the
   * logged line back nor loses the lines still held.
   */
  rewriteDraft?: { key: string; text: string; now: number };
  /** A second draft rewritten in the same change set (the held lines' done list). */
  alsoDraft?: { key: string; text: string; now: number };
}

/** The change set's draft part: the field's draft removed and/or a draft rewritten. */
function draftChanges(opts: RunOptions) {
  const set = changes();
  if (opts.draftKey) set.remove('drafts', opts.draftKey);
  for (const d of [opts.rewriteDraft, opts.alsoDraft])
    if (d) set.merge(saveDraft(d.key, d.text, d.now));
  return set.build();
}

/** A note, action, decision or finding: one entry and nothing else. */
function isPlainEntry(cmd: WritableCommand): cmd is Extract<WritableCommand, { type: 'entry' }> {
  return cmd.type === 'entry' && !cmd.openHypothesis && !cmd.createActionItem;
}

/** When a command says it happened, or null for /pin (which has no time). */
export function occurredAtOf(cmd: WritableCommand): number | null {
  return cmd.type === 'pin' ? null : cmd.occurredAt;
}

/**
 * True when the command happened before the incident's start milestone: the scribe is asked
 * whether to move the start before it is logged.
 */
export function isBeforeStart(cmd: WritableCommand, incident: Incident): boolean {
  const at = occurredAtOf(cmd);
  const started = incident.milestones.started;
  return at !== null && started !== undefined && at < started;
}

/**
 * Carries out one parsed log line: the rows it changes, its timeline entry, and the draft's
 * removal, all in one change set (one commit). Throws (RepoError or a storage error) with nothing written.
 */
export async function runLogLine(
  db: WarroomDb,
  incident: Incident,
  cmd: WritableCommand,
  ctx: CommandContext,
  opts: RunOptions,
): Promise<void> {
  const id = incident.id;
  const write = async () => {
    await perform(db, id, cmd, ctx, opts);
    // The drafts' changes join the line's change set (a reload cannot bring back committed text).
    if (opts.draftKey || opts.rewriteDraft || opts.alsoDraft) await commit(db, draftChanges(opts));
  };
  const at = occurredAtOf(cmd);
  const movesStart = opts.moveStart === true && at !== null && isBeforeStart(cmd, incident);
  if (isPlainEntry(cmd) && !movesStart) {
    // The scribe's common case: one entry (and its draft's removal), the commit's fast path.
    const entry = logEntry(
      {
        incidentId: id,
        kind: cmd.kind,
        text: cmd.text,
        occurredAt: cmd.occurredAt,
        highlight: cmd.highlight === true,
      },
      ctx,
      opts.draftKey,
    );
    await commit(
      db,
      opts.rewriteDraft || opts.alsoDraft
        ? changes()
            .merge(entry)
            .merge(draftChanges({ ...opts, draftKey: undefined }))
            .build()
        : entry,
      { scribeEntry: true },
    );
    return;
  }
  if (movesStart && at !== null) {
    await moveStartAndLog(db, id, at, ctx, write);
    return;
  }
  await inOneCommit(db, write);
}

async function perform(
  db: WarroomDb,
  incidentId: string,
  cmd: WritableCommand,
  ctx: CommandContext,
  opts: RunOptions,
): Promise<void> {
  switch (cmd.type) {
    case 'entry': {
      const base = { occurredAt: cmd.occurredAt };
      const highlight = cmd.highlight === true;
      if (cmd.openHypothesis)
        await openHypothesis(db, incidentId, cmd.text, ctx, {
          ...base,
          timeboxMs: opts.timeboxMs,
          highlight,
        });
      else if (cmd.createActionItem)
        await createActionItem(db, { incidentId, title: cmd.text, owner: '', ...base }, ctx);
      else
        await addEntry(db, { incidentId, kind: cmd.kind, text: cmd.text, ...base, highlight }, ctx);
      return;
    }
    case 'comms':
      await logComms(db, incidentId, cmd.audience, cmd.text, ctx, cmd.occurredAt);
      return;
    case 'pin':
      await pinLatestEntry(db, incidentId);
      return;
    case 'status':
      await asOf(db, incidentId, cmd.occurredAt, ctx, async (c) => {
        const resolving = cmd.status === 'resolved';
        await changeStatus(db, incidentId, cmd.status, c, resolving ? cmd.note : undefined);
        // `/status identified <text>`: the text is what was identified, the Current understanding.
        if (cmd.status === 'identified' && cmd.note)
          await setUnderstanding(db, incidentId, cmd.note, { ...c, now: c.now + 1 }, 'status');
        else if (!resolving && cmd.note)
          await addEntry(db, { incidentId, kind: 'note', text: cmd.note }, c);
      });
      return;
    case 'severity':
      await asOf(db, incidentId, cmd.occurredAt, ctx, (c) =>
        changeSeverity(db, incidentId, cmd.severity, cmd.reason, c),
      );
      return;
    case 'role':
      await asOf(db, incidentId, cmd.occurredAt, ctx, (c) =>
        assignRoleFromLog(db, incidentId, cmd, c),
      );
      return;
  }
}

/**
 * Runs a repo command as of `occurredAt` (so milestones and tenures start then) while its
 * entries keep the real logged time: a backdated `/status` is still a backdated entry.
 */
async function asOf(
  _db: WarroomDb,
  _incidentId: string,
  occurredAt: number,
  ctx: CommandContext,
  run: (ctx: CommandContext) => Promise<unknown>,
): Promise<void> {
  // The repo commands take the backdated time through the context: one transaction each.
  await run(occurredAt < ctx.now ? { ...ctx, occurredAt } : ctx);
}

/**
 * `/ic` and `/role`: hands the role to the person through the role board's own repo command, so a
 * role change from the log line and one from the board are the same record (tenure + entry).
 */
async function assignRoleFromLog(
  db: WarroomDb,
  incidentId: string,
  cmd: RoleCommand,
  ctx: CommandContext,
): Promise<void> {
  let key = cmd.roleKey;
  let roleName = cmd.roleName;
  if (cmd.custom) {
    const found = resolveRoleKey(cmd.roleName, await readCustomRoleNames(db, incidentId));
    if (!found) throw new RepoError(`Unknown role "${cmd.roleName}".`, 'role');
    key = found.key;
    roleName = found.name;
  }
  await assignRole(db, incidentId, key, cmd.person, ctx, { roleName });
}
