import type * as QRCode from 'qrcode';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { encodeJoinCode, parseJoinCode } from '../../../shared/sync/join-code';
import type { HostRelay, RelayHostStatus } from '../../platform';
import { useOptionalPlatform } from '../../platform/platform-context';
import { Dialog } from '../../ui/dialog';
import { LiveMessage, type LiveMessageValue } from '../../ui/live-message';
import { useSyncController } from './sync-context';

/*
 * Host war room (desktop only): this laptop runs the room's relay. The dialog starts hosting,
 * shows the join code as text and as a QR code, opens the room to the network on request,
 * stops it, and says in plain words when the relay failed, with Start again. The seat that
 * hosts joins its own room, over 127.0.0.1.
 */

const OFF: RelayHostStatus = { state: 'off', lanAllowed: false };

/**
 * The code this laptop's own seat joins with: the shared code with the relay's address turned
 * into 127.0.0.1 (same port, secret and fingerprint), so the seat stays connected whatever
 * the network does, and its code does not change when the room is opened to the network.
 * Returns the code unchanged when it cannot be read.
 */
export function hostSeatCode(joinCode: string): string {
  const parsed = parseJoinCode(joinCode);
  if (!parsed.ok) return joinCode;
  try {
    const url = new URL(parsed.code.url);
    url.hostname = '127.0.0.1';
    return encodeJoinCode({ ...parsed.code, url: url.href.replace(/\/$/, '') });
  } catch {
    return joinCode;
  }
}

/** The relay's status: the latest from main, starting from what main says when mounted. */
function useHostStatus(host: HostRelay | undefined) {
  const [status, setStatus] = useState<RelayHostStatus>(OFF);
  useEffect(() => {
    if (!host) return;
    let heard = false;
    const off = host.onStatus((s) => {
      heard = true;
      setStatus(s);
    });
    void host.status().then((result) => {
      // A change heard meanwhile is newer than this answer.
      if (result.ok && !heard) setStatus(result.value);
    });
    return off;
  }, [host]);
  return [status, setStatus] as const;
}

/**
 * The **Host war room** button and its dialog; renders nothing where the platform cannot host
 * (the browser build). While hosting is on, this seat is in its own room.
 */
export function HostWarRoomButton() {
  const platform = useOptionalPlatform();
  const host = platform?.hostRelay;
  const sync = useSyncController();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useHostStatus(host);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const joined = useRef<string | null>(null);

  /** Runs one request to main; its answer is the status (an IPC failure is shown as such). */
  const request = useCallback(
    async (
      run: () => Promise<{ ok: true; value: RelayHostStatus } | { ok: false; error: string }>,
    ) => {
      setBusy(true);
      setProblem(null);
      try {
        const result = await run();
        if (result.ok) setStatus(result.value);
        else setProblem(result.error);
      } finally {
        setBusy(false);
      }
    },
    [setStatus],
  );

  // The hosting seat joins its own room once the relay is up (again after a new port).
  useEffect(() => {
    if (status.state !== 'on' || !status.joinCode || !sync) return;
    const own = hostSeatCode(status.joinCode);
    if (joined.current === own || sync.getSnapshot().code === own) {
      joined.current = own;
      return;
    }
    joined.current = own;
    void sync.join(own).then((result) => {
      if (!result.ok) setProblem(`This laptop could not join its own room: ${result.message}`);
    });
  }, [status.state, status.joinCode, sync]);

  if (!host) return null;

  const stop = async () => {
    await request(() => host.stop());
    if (joined.current && sync?.getSnapshot().code === joined.current) sync.leave();
    joined.current = null;
  };

  return (
    <>
      <button
        type="button"
        className="button"
        data-state={status.state}
        onClick={() => {
          setOpen(true);
          // Opening the dialog starts hosting when it is off (after a crash: Start again).
          if (status.state === 'off') void request(() => host.start());
        }}
      >
        Host war room
      </button>
      <Dialog open={open} onOpenChange={setOpen} title="Host war room">
        {open ? (
          <HostPanel
            status={status}
            busy={busy}
            problem={problem}
            onStart={() => void request(() => host.start())}
            onStop={() => void stop()}
            onAllowLan={(allowed) => void request(() => host.allowLan(allowed))}
          />
        ) : null}
      </Dialog>
    </>
  );
}

function HostPanel({
  status,
  busy,
  problem,
  onStart,
  onStop,
  onAllowLan,
}: {
  status: RelayHostStatus;
  busy: boolean;
  problem: string | null;
  onStart: () => void;
  onStop: () => void;
  onAllowLan: (allowed: boolean) => void;
}) {
  const id = useId();
  const running = status.state === 'on' || status.state === 'starting';
  return (
    <div className="host-war-room" data-state={status.state}>
      <StateLine status={status} />
      {status.state === 'on' && status.joinCode ? <JoinCode code={status.joinCode} /> : null}
      {status.state === 'on' && status.error ? <p className="muted">{status.error}</p> : null}
      {problem ? (
        <p role="alert" className="form-error">
          {problem}
        </p>
      ) : null}
      <div className="field field-checkbox">
        <input
          id={`${id}-lan`}
          type="checkbox"
          checked={status.lanAllowed}
          disabled={busy || status.state === 'starting'}
          aria-describedby={`${id}-lan-help`}
          onChange={(e) => onAllowLan(e.target.checked)}
        />
        <label htmlFor={`${id}-lan`}>Allow other laptops on this network</label>
      </div>
      <p id={`${id}-lan-help`} className="muted">
        {status.lanAllowed
          ? 'A port is open on this network: laptops on it that have the join code can join.'
          : 'Off: only this laptop can connect. Switching it on opens a port on this network, so other laptops with the join code can join.'}
      </p>
      <div className="button-row">
        {running ? (
          <button type="button" className="button" onClick={onStop}>
            Stop hosting
          </button>
        ) : status.state === 'crashed' ? (
          <button type="button" className="button button-primary" disabled={busy} onClick={onStart}>
            Start again
          </button>
        ) : (
          <button type="button" className="button button-primary" disabled={busy} onClick={onStart}>
            Start hosting
          </button>
        )}
      </div>
    </div>
  );
}

function StateLine({ status }: { status: RelayHostStatus }) {
  switch (status.state) {
    case 'off':
      return <p>Not hosting. No port is open on this laptop.</p>;
    case 'starting':
      return <p role="status">Starting the war room on this laptop…</p>;
    case 'on':
      return (
        <p>
          Hosting the war room on this laptop
          {status.lanAllowed ? ', open to this network' : ', for this laptop only'}. Others join
          with this code:
        </p>
      );
    case 'crashed':
      return (
        <p role="alert" className="form-error">
          The war room stopped on this laptop: {status.error ?? 'its relay failed.'} Start it again
          to let the seats reconnect; nothing they logged is lost.
        </p>
      );
  }
}

/** The join code as text, a Copy join code button and a QR code of it. */
function JoinCode({ code }: { code: string }) {
  const platform = useOptionalPlatform();
  const [message, setMessage] = useState<LiveMessageValue | null>(null);
  const qr = useQrCode(code);
  const copy = async () => {
    const result = await platform?.copy({ text: code });
    setMessage(
      result?.ok
        ? { tone: 'ok', text: 'Join code copied.' }
        : { tone: 'error', text: `Not copied: ${result?.error ?? 'no clipboard'}` },
    );
  };
  return (
    <div className="host-join-code">
      <p>
        <code aria-label="Join code" className="join-code-text">
          {code}
        </code>
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy join code
        </button>
      </div>
      <LiveMessage message={message} />
      {qr ? <img src={qr} alt="QR code of the join code" width={200} height={200} /> : null}
    </div>
  );
}

type QrModule = typeof QRCode & { default?: typeof QRCode };

/** A QR code of `text` as an SVG data: URL (the CSP allows data: images), or null meanwhile. */
function useQrCode(text: string): string | null {
  const [qr, setQr] = useState<{ text: string; url: string } | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then((mod: QrModule) =>
        // A CommonJS package: its functions are on the default export (module.exports).
        (mod.default ?? mod).toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
      )
      .then(
        (svg) => {
          if (live)
            setQr({ text, url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
        },
        (error: unknown) =>
          console.warn('Warroom: could not draw the join code as a QR code', error),
      );
    return () => {
      live = false;
    };
  }, [text]);
  return qr?.text === text ? qr.url : null;
}
