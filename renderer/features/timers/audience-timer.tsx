import { useState } from 'react';
import { AUDIENCE_LABELS } from '../../../shared/domain/audience';
import type { Incident } from '../../../shared/domain/incident';
import { nextUpdateOverride, sinceLastText, type AudienceDue } from '../../../shared/logic/cadence';
import { formatTimeOfDay } from '../../../shared/logic/time';
import { useCommand } from '../../db/db-context';
import { markUpdateSent } from '../../db/repo/cadence';
import { describeWriteError } from '../../db/repo/errors';
import { useUiStore } from '../../store/ui-store';
import { useCommandContext, useSettings } from '../settings/use-settings';
import { NextUpdateDialog } from './next-update-dialog';
import { SnoozeDialog } from './snooze-dialog';
import { TimerValue } from './timer-value';
import { BusyButton } from '../../ui/busy-button';

/** One audience: its countdown, time since the last update, "Mark sent" and "Snooze". */
export function AudienceTimer({ incident, due }: { incident: Incident; due: AudienceDue }) {
  const command = useCommand();
  const ctx = useCommandContext();
  const toast = useUiStore((s) => s.toast);
  const [snoozing, setSnoozing] = useState(false);
  const [planning, setPlanning] = useState(false);
  const zone = useSettings().timeZone;
  const planned = stoppedOr(due.state, nextUpdateOverride(incident.cadence[due.audience]));
  // A double click on "Mark sent" would otherwise record two updates.
  const [busy, setBusy] = useState(false);
  const label = AUDIENCE_LABELS[due.audience];
  const stopped = due.state === 'stopped';
  const reason = incident.cadence[due.audience]?.snoozeReason;
  const markSent = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await command(markUpdateSent, incident.id, due.audience, ctx());
    } catch (e) {
      toast(describeWriteError(e, 'action'), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      role="group"
      aria-label={`${label} updates`}
      className={`audience-timer timer-${due.state}`}
      data-state={due.state}
    >
      <div className="audience-timer-head">
        <span className="audience-name">{label}</span> <TimerValue due={due} />
      </div>
      <div className="audience-since muted">{sinceLastText(due)}</div>
      {due.state === 'snoozed' && reason ? (
        <div className="audience-snooze muted">Snoozed: {reason}</div>
      ) : null}
      {planned ? (
        <div className="audience-planned muted">
          Next update set for {formatTimeOfDay(planned.at, zone)}
          {zone === 'utc' ? ' UTC' : ''}: {planned.reason}
        </div>
      ) : null}
      {!stopped || due.resolvedMessageDue ? (
        <div className="audience-actions">
          <BusyButton
            type="button"
            className="button button-small"
            title={`Record that an update went out to ${label} without composing one`}
            busy={busy}
            onClick={() => void markSent()}
          >
            Mark sent
          </BusyButton>
          {stopped ? null : (
            <>
              <button
                type="button"
                className="button button-small"
                onClick={() => setSnoozing(true)}
              >
                Snooze
              </button>
              <button
                type="button"
                className="button button-small"
                // Short on screen (the strip holds three audiences on a laptop); the full name
                // keeps its visible start, as label-in-name asks.
                aria-label="Plan next update"
                title={`Plan next update: say when the next ${label} update will go out (HH:MM)`}
                onClick={() => setPlanning(true)}
              >
                Plan…
              </button>
            </>
          )}
        </div>
      ) : null}
      <NextUpdateDialog
        open={planning}
        onOpenChange={setPlanning}
        incidentId={incident.id}
        audience={due.audience}
      />
      <SnoozeDialog
        open={snoozing}
        onOpenChange={setSnoozing}
        incidentId={incident.id}
        audience={due.audience}
      />
    </div>
  );
}

/** The hand-set next update time, while the countdown is live (not once stopped). */
function stoppedOr<T>(state: AudienceDue['state'], value: T | null): T | null {
  return state === 'stopped' ? null : value;
}
