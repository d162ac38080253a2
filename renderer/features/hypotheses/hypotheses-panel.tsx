import { useState } from 'react';
import { useCommand } from '../../db/db-context';
import { describeWriteError } from '../../db/repo/errors';
import { changeStatus } from '../../db/repo/incidents';
import { useUiStore } from '../../store/ui-store';
import type { ConsoleSlotProps } from '../incidents/console-slot';
import { useCommandContext } from '../settings/use-settings';
import { AddHypothesis } from './add-hypothesis';
import { HypothesisItem } from './hypothesis-item';
import { useHypotheses } from './queries';

/**
 * Region "Hypotheses": each open one with its own timebox countdown, owner and outcome buttons.
 * Every transition is a repo command that writes its timeline entry.
 */
export function HypothesesPanel({ incident, settings }: ConsoleSlotProps) {
  const hypotheses = useHypotheses(incident.id);
  const [offerIdentified, setOfferIdentified] = useState(false);
  const open = hypotheses?.filter((h) => h.status === 'open') ?? [];
  const closed = hypotheses?.filter((h) => h.status !== 'open') ?? [];
  return (
    <section className="panel hypotheses" aria-labelledby="hypotheses-heading">
      <div className="panel-header">
        <h2 id="hypotheses-heading">Hypotheses</h2>
        <AddHypothesis incidentId={incident.id} settings={settings} />
      </div>
      {offerIdentified && incident.status === 'investigating' ? (
        <MoveToIdentified incidentId={incident.id} onDone={() => setOfferIdentified(false)} />
      ) : null}
      {hypotheses && hypotheses.length === 0 ? (
        <p className="muted">
          None yet. Add one, or log <code>h: …</code> on the timeline; each gets a{' '}
          {settings.hypothesisTimeboxMinutes}-minute timebox.
        </p>
      ) : null}
      {open.length ? (
        <ul className="hypothesis-list" aria-label="Open hypotheses">
          {open.map((h) => (
            <HypothesisItem
              key={h.id}
              hypothesis={h}
              onConfirmed={() => setOfferIdentified(true)}
            />
          ))}
        </ul>
      ) : null}
      {closed.length ? (
        <details className="hypotheses-closed">
          <summary>Closed ({closed.length})</summary>
          <ul className="hypothesis-list" aria-label="Closed hypotheses">
            {closed.map((h) => (
              <HypothesisItem key={h.id} hypothesis={h} onConfirmed={() => undefined} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** After a confirmation: offer to move the incident to Identified (the IC decides). */
function MoveToIdentified({ incidentId, onDone }: { incidentId: string; onDone: () => void }) {
  const run = useCommand();
  const ctx = useCommandContext();
  const toast = useUiStore((s) => s.toast);
  const move = async () => {
    try {
      await run(changeStatus, incidentId, 'identified', ctx());
      onDone();
    } catch (e) {
      toast(describeWriteError(e, 'action'), 'error');
    }
  };
  return (
    <div className="hypothesis-prompt" role="status">
      <span>Cause confirmed. Move the incident to Identified?</span>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary button-small"
          onClick={() => void move()}
        >
          Move to Identified
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          Not now
        </button>
      </div>
    </div>
  );
}
