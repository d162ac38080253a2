import { useState } from 'react';
import { Link } from 'wouter';
import type { Runbook } from '../../../shared/domain/records';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import { parseChecklist, verifiedSteps } from '../../../shared/logic/runbook';
import { useCommand } from '../../db/db-context';
import { describeWriteError } from '../../db/repo/errors';
import { openRunbook, setRunbookStep } from '../../db/repo/runbooks';
import { useUiStore } from '../../store/ui-store';
import type { ConsoleSlotProps } from '../incidents/console-slot';
import { useCommandContext } from '../settings/use-settings';
import { LastTested } from './last-tested';
import { LazyMarkdownPreview } from './lazy-preview';
import { useActionEntries, useIncidentRunbooks } from './queries';
import { RunbookVote } from './runbook-vote';

/**
 * Region "Runbooks" in the console: the runbooks for the incident's services. Opening one shows
 * it beside the timeline with its verification checklist and "Was this runbook helpful?". Opening it
 * (once per incident), each tick and each vote is a timeline entry, and what is shown is read
 * back from those entries, so it survives reloads, shows in every window and feeds the runbook's
 * effectiveness on its page.
 */
export function IncidentRunbooks({ incident, settings }: ConsoleSlotProps) {
  const runbooks = useIncidentRunbooks(incident.services);
  const [openId, setOpenId] = useState<string | null>(null);
  const run = useCommand();
  const context = useCommandContext();
  const toast = useUiStore((s) => s.toast);
  if (!runbooks || runbooks.length === 0) return null;
  const open = runbooks.find((r) => r.id === openId) ?? null;
  const toggle = (runbook: Runbook) => {
    if (runbook.id === openId) {
      setOpenId(null);
      return;
    }
    setOpenId(runbook.id);
    // Recorded once per incident and runbook (the command checks the timeline); the runbook
    // shows at once whether or not the entry could be written.
    run(openRunbook, { incidentId: incident.id, runbookId: runbook.id }, context()).catch(
      (e: unknown) => toast(describeWriteError(e, 'action'), 'error'),
    );
  };
  return (
    <section className="panel incident-runbooks" aria-labelledby="incident-runbooks-heading">
      <div className="panel-header">
        <h2 id="incident-runbooks-heading">Runbooks</h2>
      </div>
      <ul className="runbook-list">
        {runbooks.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className="button button-small"
              aria-expanded={r.id === openId}
              onClick={() => toggle(r)}
            >
              {r.id === openId ? 'Close' : 'Open'} runbook {r.title}
            </button>
            <span className="muted"> {r.service}</span>
          </li>
        ))}
      </ul>
      {open ? (
        <div className="incident-runbook">
          <h3>{open.title}</h3>
          <p className="runbook-meta">
            <LastTested runbook={open} settings={settings} /> ·{' '}
            <Link href={`/runbooks/${open.id}`}>Edit in Runbooks</Link>
          </p>
          <RunbookUse incidentId={incident.id} runbook={open} />
          <LazyMarkdownPreview source={open.body} label={`Runbook ${open.title}`} />
        </div>
      ) : null}
    </section>
  );
}

/** The checklist and the helpful vote, both derived from one read of the incident's action entries. */
function RunbookUse({ incidentId, runbook }: { incidentId: string; runbook: Runbook }) {
  const entries = useActionEntries(incidentId);
  return (
    <>
      <VerificationChecklist incidentId={incidentId} runbook={runbook} entries={entries} />
      <RunbookVote incidentId={incidentId} runbook={runbook} entries={entries} />
    </>
  );
}

function VerificationChecklist({
  incidentId,
  runbook,
  entries,
}: {
  incidentId: string;
  runbook: Runbook;
  entries: TimelineEntry[] | undefined;
}) {
  const run = useCommand();
  const context = useCommandContext();
  const toast = useUiStore((s) => s.toast);
  // A tick shows at once, until the live query delivers the entry it wrote (the entry count
  // changes) and the state derived from the timeline takes over again.
  const [pending, setPending] = useState<{ index: number; checked: boolean; seen: number } | null>(
    null,
  );
  const steps = parseChecklist(runbook.body);
  if (!steps.length) return <p className="muted">This runbook has no verification checklist.</p>;
  const ticked = verifiedSteps(entries ?? [], runbook, steps);
  const isChecked = (index: number) =>
    pending && pending.index === index && pending.seen === entries?.length
      ? pending.checked
      : ticked.has(index);
  const toggle = async (index: number, checked: boolean) => {
    setPending({ index, checked, seen: entries?.length ?? 0 });
    try {
      await run(
        setRunbookStep,
        { incidentId, runbookId: runbook.id, stepIndex: index, checked },
        context(),
      );
    } catch (e) {
      setPending(null);
      toast(describeWriteError(e, 'action'), 'error');
    }
  };
  return (
    <fieldset className="verification-checklist">
      <legend>Verification checklist</legend>
      {steps.map((step) => {
        const id = `verify-${runbook.id}-${step.index}`;
        return (
          <div key={step.index} className="field field-checkbox">
            <input
              id={id}
              type="checkbox"
              checked={isChecked(step.index)}
              disabled={entries === undefined}
              onChange={(e) => void toggle(step.index, e.target.checked)}
            />
            <label htmlFor={id}>{step.text}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
