import { useId, useState } from 'react';
import type { Runbook } from '../../../shared/domain/records';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { latestVotes, responderKey } from '../../../shared/logic/runbook';
import { useCommand } from '../../db/db-context';
import { describeWriteError } from '../../db/repo/errors';
import { voteRunbook } from '../../db/repo/runbooks';
import { useUiStore } from '../../store/ui-store';
import { useCommandContext } from '../settings/use-settings';

/**
 * "Was this runbook helpful?" in the console: toggle buttons **Helpful** / **Not helpful** for
 * the current responder. Pressing the other one changes the vote, pressing the pressed one
 * withdraws it; each is a timeline entry, so the vote syncs and the runbook's page counts it
 * (each responder's latest vote).
 */
export function RunbookVote({
  incidentId,
  runbook,
  entries,
}: {
  incidentId: string;
  runbook: Runbook;
  /** The incident's action entries (a live query's answer; undefined until it answers). */
  entries: readonly TimelineEntry[] | undefined;
}) {
  const run = useCommand();
  const context = useCommandContext();
  const toast = useUiStore((s) => s.toast);
  const labelId = useId();
  const [busy, setBusy] = useState(false);
  const votes = latestVotes(entries ?? [], runbook);
  const mine = votes.get(responderKey(context().author)) ?? null;
  const helpful = [...votes.values()].filter(Boolean).length;
  const vote = async (value: boolean) => {
    setBusy(true);
    try {
      await run(
        voteRunbook,
        { incidentId, runbookId: runbook.id, helpful: mine === value ? null : value },
        context(),
      );
    } catch (e) {
      toast(describeWriteError(e, 'action'), 'error');
    } finally {
      setBusy(false);
    }
  };
  const button = (value: boolean, label: string) => (
    <button
      type="button"
      className="button button-small"
      aria-pressed={mine === value}
      disabled={busy || entries === undefined}
      onClick={() => void vote(value)}
    >
      {label}
    </button>
  );
  return (
    <div className="runbook-vote" role="group" aria-labelledby={labelId}>
      <p id={labelId} className="runbook-vote-question">
        Was this runbook helpful?
      </p>
      <div className="runbook-vote-buttons">
        {button(true, 'Helpful')}
        {button(false, 'Not helpful')}
      </div>
      {votes.size > 0 ? (
        <p className="muted">
          {helpful} of {votes.size} {votes.size === 1 ? 'responder' : 'responders'} found it helpful
        </p>
      ) : null}
    </div>
  );
}
