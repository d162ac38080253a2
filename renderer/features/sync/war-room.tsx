import { useEffect, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import type { Incident } from '../../../shared/domain/incident';
import type { SyncStatus } from '../../sync/room';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { useCommand } from '../../db/db-context';
import { saveSetting } from '../../db/repo/settings';
import { describeWriteError } from '../../db/repo/errors';
import { useIncidents } from '../incidents/queries';
import { useAssignments } from '../roles/queries';
import { useSettings } from '../settings/use-settings';
import { HostWarRoomButton } from './host-war-room';
import { LastSeenList } from './last-seen-list';
import { useOptionalPlatform } from '../../platform/platform-context';
import { LiveMessage, type LiveMessageValue } from '../../ui/live-message';
import { useSyncController, useSyncSnapshot } from './sync-context';

/**
 * The war-room bar under the header: where this seat stands (Sync status, always shown), Join /
 * Leave war room, who is in the room with their role, and who was seen there this session and
 * is not known to be there now (Last seen). Only where multi-seat is wired.
 */

/** The words of the Sync status line for a status. */
export function statusText(status: SyncStatus): string {
  switch (status.state) {
    case 'solo':
      return 'Not in a war room: this laptop only';
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return `Connected · ${status.present} in the room`;
    case 'reconnecting':
      return status.waiting > 0
        ? `Offline · ${status.waiting} ${status.waiting === 1 ? 'change' : 'changes'} waiting`
        : 'Reconnecting…';
    case 'refused':
      return status.reason;
  }
}

export function WarRoomBar() {
  const sync = useSyncController();
  const snap = useSyncSnapshot();
  const settings = useSettings();
  const incidents = useIncidents();
  const [location] = useLocation();
  const [joining, setJoining] = useState(false);
  const viewing = /^\/incidents\/([^/]+)/.exec(location)?.[1] ?? '';
  const viewingRef = viewing ? incidents?.find((i) => i.id === viewing)?.ref : undefined;
  const tenures = useAssignments(viewing);
  // The roles this person holds in the incident they are looking at (by the name they gave).
  const role = settings.me
    ? (tenures ?? [])
        .filter((t) => t.endedAt == null && t.person === settings.me)
        .map((t) => t.roleName)
        .join(', ')
    : '';
  useEffect(() => {
    sync?.setPresence({
      name: settings.me || 'Someone',
      ...(role ? { role } : {}),
      ...(viewingRef ? { viewing: viewingRef } : {}),
    });
  }, [sync, settings.me, viewingRef, role]);
  useEffect(() => sync?.setFocus(viewing || null), [sync, viewing]);
  if (!sync || !snap) return null;
  const inRoom = snap.status.state !== 'solo';
  const shared = !!viewing && snap.roomIncidents.some((i) => i.id === viewing);
  return (
    <section className="war-room-bar" aria-label="War room">
      {/* Named by its title, not aria-label: a label would make every "Status" field lookup
          by label (the console's Status select) match this line too. */}
      <p role="status" title="Sync status" className="sync-status" data-state={snap.status.state}>
        {statusText(snap.status)}
      </p>
      {inRoom ? (
        <button type="button" className="button" onClick={() => sync.leave()}>
          Leave war room
        </button>
      ) : (
        <button type="button" className="button" onClick={() => setJoining(true)}>
          Join war room
        </button>
      )}
      {inRoom && shared && !snap.singleIncident ? <IncidentJoinCode incidentId={viewing} /> : null}
      <HostWarRoomButton />
      {inRoom ? (
        <section aria-label="In the room" className="in-the-room">
          <ul aria-label="Present">
            {snap.presence.map((p) => (
              <li key={p.clientId}>
                {p.name}
                {p.self ? ' (you)' : ''}
                {p.role ? ` · ${p.role}` : ''}
                {p.viewing ? ` · looking at ${p.viewing}` : ''}
                {p.formatNote ? <strong className="format-note"> · {p.formatNote}</strong> : null}
              </li>
            ))}
          </ul>
          <LastSeenList
            seen={snap.seen}
            present={snap.presence}
            lostAt={snap.lostAt}
            zone={settings.timeZone}
          />
          {snap.status.state !== 'connected' && snap.status.state !== 'refused' ? (
            <p className="field-hint">Not connected: who else is in the room is not known.</p>
          ) : null}
        </section>
      ) : null}
      <JoinDialog
        open={joining}
        onOpenChange={setJoining}
        incidents={incidents ?? []}
        storedName={settings.me}
      />
    </section>
  );
}

/**
 * Copies a join code that opens only the incident being looked at (its token, derived from the
 * room secret): for someone who should see this incident and nothing else of the room.
 */
function IncidentJoinCode({ incidentId }: { incidentId: string }) {
  const sync = useSyncController();
  const platform = useOptionalPlatform();
  const [message, setMessage] = useState<LiveMessageValue | null>(null);
  const copy = async () => {
    const code = await sync?.incidentJoinCode(incidentId);
    if (!code) return;
    const result = await platform?.copy({ text: code });
    setMessage(
      result?.ok
        ? { tone: 'ok', text: 'Join code for this incident copied.' }
        : { tone: 'error', text: `Not copied: ${result?.error ?? 'no clipboard'}` },
    );
  };
  return (
    <>
      <button type="button" className="button" onClick={() => void copy()}>
        Copy join code for this incident
      </button>
      <LiveMessage message={message} />
    </>
  );
}

type Step =
  | { kind: 'code' }
  | { kind: 'share'; candidates: Incident[] }
  | { kind: 'choose'; candidates: Incident[] };

function JoinDialog({
  open,
  onOpenChange,
  incidents,
  storedName,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  incidents: readonly Incident[];
  storedName: string;
}) {
  const sync = useSyncController();
  const run = useCommand();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [name, setName] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  const shownName = name ?? storedName;
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'code' });
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const close = () => {
    onOpenChange(false);
    setStep({ kind: 'code' });
    setError(undefined);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!sync || busy) return;
    const who = shownName.trim();
    if (!who) {
      setNameError('Say who you are: the room shows your name, and your entries carry it.');
      return;
    }
    setBusy(true);
    try {
      if (who !== storedName) {
        try {
          await run(saveSetting, 'me', who);
        } catch (err) {
          setNameError(`Your name was not kept: ${describeWriteError(err)}`);
          return;
        }
      }
      setNameError(undefined);
      const result = await sync.join(code);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setCode('');
      setError(undefined);
      const snapshot = sync.getSnapshot();
      const inRoom = new Set(snapshot.roomIncidents.map((i) => i.id));
      // A code for one incident opens nothing else: there is nothing to share with it.
      const candidates = snapshot.singleIncident ? [] : incidents.filter((i) => !inRoom.has(i.id));
      if (candidates.length === 0) close();
      else {
        setChosen(new Set(candidates.filter((i) => !i.drill).map((i) => i.id)));
        setStep({ kind: 'share', candidates });
      }
    } catch (err) {
      setError(`Could not join: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };
  const share = (list: readonly Incident[]) => {
    sync?.share(list.map((i) => ({ id: i.id, ref: i.ref, title: i.title })));
    close();
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => (o ? onOpenChange(true) : close())}
      title="Join war room"
    >
      {step.kind === 'code' ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Field label="Your name" error={nameError} limit="name">
            <input
              type="text"
              value={shownName}
              autoComplete="name"
              onChange={(e) => {
                setName(e.target.value);
                if (nameError) setNameError(undefined);
              }}
            />
          </Field>
          <Field
            label="Join code"
            error={error}
            hint="Paste the code the hosting seat shows (it starts with warroom)."
          >
            <input
              type="text"
              value={code}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => {
                setCode(e.target.value);
                if (error) setError(undefined);
              }}
            />
          </Field>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              Join
            </button>
          </div>
        </form>
      ) : step.kind === 'share' ? (
        <div>
          <p>
            Share the{' '}
            {step.candidates.length === 1 ? 'incident' : `${step.candidates.length} incidents`}{' '}
            already on this laptop with the room? Drills stay on this laptop unless you choose them.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => share(step.candidates.filter((i) => !i.drill))}
            >
              Share all
            </button>
            <button type="button" className="button" onClick={() => share([])}>
              Share none
            </button>
            <button
              type="button"
              className="button"
              onClick={() => setStep({ kind: 'choose', candidates: step.candidates })}
            >
              Choose incidents
            </button>
          </div>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            share(step.candidates.filter((i) => chosen.has(i.id)));
          }}
        >
          <fieldset>
            <legend>Incidents to share with the room</legend>
            {step.candidates.map((i) => (
              <label key={i.id} className="checkbox-row">
                <input
                  type="checkbox"
                  checked={chosen.has(i.id)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(i.id);
                    else next.delete(i.id);
                    setChosen(next);
                  }}
                />{' '}
                {i.ref} {i.title}
                {i.drill ? ' (drill)' : ''}
              </label>
            ))}
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              Share chosen
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
