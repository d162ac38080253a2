import type { Hypothesis } from '../../../shared/domain/records';
import type { CommandContext } from '../../../shared/commands/context';
import * as cmd from '../../../shared/commands/hypotheses';
import { inOneCommit, runCommand } from '../commit';
import type { WarroomDb } from '../schema';
import { setUnderstanding } from './impact';

export type { HypothesisOutcome, OpenHypothesisOptions } from '../../../shared/commands/hypotheses';

/**
 * Opens a tracked hypothesis and writes its timeline entry (kind "hypothesis") as one change
 * set; the owner defaults to the incident's current Technical Lead. See
 * {@link cmd.openHypothesis} for the timebox rule and the refusals.
 */
export function openHypothesis(
  db: WarroomDb,
  incidentId: string,
  text: string,
  ctx: CommandContext,
  opts: cmd.OpenHypothesisOptions = {},
): Promise<Hypothesis> {
  return runCommand(db, ['roleAssignments'], async (read) => {
    const techLead =
      opts.owner === undefined
        ? cmd.currentHolder(
            await read.roleAssignments
              .where('[incidentId+role]')
              .equals([incidentId, 'tech'])
              .toArray(),
          )
        : '';
    return cmd.openHypothesis(incidentId, text, techLead, ctx, opts);
  });
}

/**
 * Confirms, rules out or abandons an open hypothesis (see {@link cmd.closeHypothesis}). A
 * confirmation also becomes the incident's Current understanding (impact.ts setUnderstanding,
 * its entry one millisecond later), in the same commit, so messages state the cause the record
 * holds. Moving the incident to Identified is left to the caller (the UI offers it), since the
 * IC decides. Refusals as {@link cmd.closeHypothesis} and setUnderstanding.
 */
export function closeHypothesis(
  db: WarroomDb,
  id: string,
  outcome: cmd.HypothesisOutcome,
  ctx: CommandContext,
): Promise<Hypothesis> {
  return inOneCommit(db, async () => {
    const next = await runCommand(db, ['hypotheses'], async (read) =>
      cmd.closeHypothesis(await read.hypotheses.get(id), outcome, ctx),
    );
    if (outcome === 'confirmed')
      await setUnderstanding(
        db,
        next.incidentId,
        next.text,
        { ...ctx, now: ctx.now + 1 },
        'hypothesis',
      );
    return next;
  });
}

/**
 * Extends an open hypothesis's timebox by `minutes` with a required reason: see
 * {@link cmd.extendHypothesisTimebox} for the entry and the refusals.
 */
export function extendHypothesisTimebox(
  db: WarroomDb,
  id: string,
  minutes: number,
  reason: string,
  ctx: CommandContext,
): Promise<Hypothesis> {
  return runCommand(db, ['hypotheses'], async (read) =>
    cmd.extendHypothesisTimebox(await read.hypotheses.get(id), minutes, reason, ctx),
  );
}
