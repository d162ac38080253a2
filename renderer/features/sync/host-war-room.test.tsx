import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { encodeJoinCode, parseJoinCode } from '../../../shared/sync/join-code';
import type { HostRelay, Platform, RelayHostStatus } from '../../platform';
import { createBrowserPlatform } from '../../platform/browser';
import { PlatformProvider } from '../../platform/platform-context';
import { HostWarRoomButton, hostSeatCode } from './host-war-room';
import { SyncProvider } from './sync-context';
import type { SyncController } from '../../sync/controller';

const SECRET = 'Zm9vYmFyYmF6cXV4cXV1eA';
const codeFor = (host: string, port = 41001) =>
  encodeJoinCode({ url: `ws://${host}:${port}`, secret: SECRET });
const LOOPBACK_CODE = codeFor('127.0.0.1');
const LAN_CODE = codeFor('192.168.1.20');

/** A desktop relay host that starts at once and reports every change, as main does. */
function fakeHost() {
  const listeners = new Set<(s: RelayHostStatus) => void>();
  let status: RelayHostStatus = { state: 'off', lanAllowed: false };
  const emit = (next: RelayHostStatus) => {
    status = next;
    for (const l of listeners) l(next);
  };
  const ok = () => Promise.resolve({ ok: true as const, value: status });
  const on = (lanAllowed: boolean): RelayHostStatus => ({
    state: 'on',
    joinCode: lanAllowed ? LAN_CODE : LOOPBACK_CODE,
    lanAllowed,
  });
  const host = {
    start: vi.fn(() => {
      emit({ state: 'starting', lanAllowed: status.lanAllowed });
      emit(on(status.lanAllowed));
      return ok();
    }),
    stop: vi.fn(() => {
      emit({ state: 'off', lanAllowed: status.lanAllowed });
      return ok();
    }),
    allowLan: vi.fn((allowed: boolean) => {
      if (status.state === 'on') {
        emit({ state: 'starting', lanAllowed: allowed });
        emit(on(allowed));
      } else emit({ ...status, lanAllowed: allowed });
      return ok();
    }),
    status: vi.fn(ok),
    onStatus: (listener: (s: RelayHostStatus) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  } satisfies HostRelay;
  return { host, emit };
}

function fakeSync() {
  let code: string | null = null;
  const sync = {
    join: vi.fn((c: string) => {
      code = c;
      return Promise.resolve({ ok: true as const });
    }),
    leave: vi.fn(() => {
      code = null;
    }),
    getSnapshot: () => ({ code }),
  };
  return sync;
}

function renderButton(platform: Platform | null, sync = fakeSync()) {
  const ui = (
    // The real controller (main's sync-context) has more members than this fake needs.

    <SyncProvider sync={sync as unknown as SyncController}>
      <HostWarRoomButton />
    </SyncProvider>
  );
  render(platform ? <PlatformProvider platform={platform}>{ui}</PlatformProvider> : ui);
  return sync;
}

function desktop() {
  const { host, emit } = fakeHost();
  const copy = vi.fn(() => Promise.resolve({ ok: true as const, value: undefined }));
  const platform = { kind: 'electron', copy, hostRelay: host } as unknown as Platform;
  return { platform, host, emit, copy };
}

async function openDialog() {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Host war room' }));
  const dialog = await screen.findByRole('dialog', { name: 'Host war room' });
  return { user, dialog };
}

describe('hostSeatCode', () => {
  it('points the same room at 127.0.0.1, keeping port and secret', () => {
    expect(hostSeatCode(LAN_CODE)).toBe(LOOPBACK_CODE);
    expect(hostSeatCode(LOOPBACK_CODE)).toBe(LOOPBACK_CODE);
    const parsed = parseJoinCode(hostSeatCode(codeFor('[fe80::1]', 5000)));
    expect(parsed).toEqual({ ok: true, code: { url: 'ws://127.0.0.1:5000', secret: SECRET } });
  });

  it('leaves a code it cannot read as it is', () => {
    expect(hostSeatCode('not a code')).toBe('not a code');
  });
});

describe('HostWarRoomButton', () => {
  it('is shown only where the platform can host a relay', () => {
    renderButton(createBrowserPlatform(window));
    expect(screen.queryByRole('button', { name: 'Host war room' })).toBeNull();
    renderButton(null);
    expect(screen.queryByRole('button', { name: 'Host war room' })).toBeNull();
    renderButton(desktop().platform);
    expect(screen.getByRole('button', { name: 'Host war room' })).toBeInTheDocument();
  });

  it('starts hosting, shows the join code as text and as a QR code, and joins its own room', async () => {
    const { platform, host, copy } = desktop();
    const sync = renderButton(platform);
    const { user, dialog } = await openDialog();
    expect(host.start).toHaveBeenCalledTimes(1);
    expect(await within(dialog).findByLabelText('Join code')).toHaveTextContent(LOOPBACK_CODE);
    const qr = await within(dialog).findByRole('img', { name: 'QR code of the join code' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    await waitFor(() => expect(sync.join).toHaveBeenCalledWith(LOOPBACK_CODE));
    expect(
      within(dialog).getByRole('checkbox', { name: 'Allow other laptops on this network' }),
    ).not.toBeChecked();
    expect(within(dialog).getByText(/opens a port on this network/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Copy join code' }));
    expect(copy).toHaveBeenCalledWith({ text: LOOPBACK_CODE });
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Join code copied.');
  });

  it('the LAN switch asks main to allow the network and shows the new code, the seat stays joined', async () => {
    const { platform, host } = desktop();
    const sync = renderButton(platform);
    const { user, dialog } = await openDialog();
    await waitFor(() => expect(sync.join).toHaveBeenCalledTimes(1));
    const lan = within(dialog).getByRole('checkbox', {
      name: 'Allow other laptops on this network',
    });
    await user.click(lan);
    expect(host.allowLan).toHaveBeenCalledWith(true);
    await waitFor(() => expect(lan).toBeChecked());
    expect(within(dialog).getByLabelText('Join code')).toHaveTextContent(LAN_CODE);
    expect(within(dialog).getByText(/A port is open on this network/)).toBeInTheDocument();
    // The hosting seat keeps its 127.0.0.1 connection: no second join.
    expect(sync.join).toHaveBeenCalledTimes(1);

    await user.click(lan);
    expect(host.allowLan).toHaveBeenLastCalledWith(false);
    await waitFor(() => expect(lan).not.toBeChecked());
  });

  it('a crashed relay is said in plain words, with Start again', async () => {
    const { platform, host, emit } = desktop();
    renderButton(platform);
    const { user, dialog } = await openDialog();
    await within(dialog).findByLabelText('Join code');
    act(() =>
      emit({
        state: 'crashed',
        lanAllowed: false,
        error: 'The relay stopped unexpectedly (exit code 134).',
      }),
    );
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'The war room stopped on this laptop: The relay stopped unexpectedly (exit code 134).',
    );
    expect(within(dialog).queryByLabelText('Join code')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Start again' }));
    expect(host.start).toHaveBeenCalledTimes(2);
    expect(await within(dialog).findByLabelText('Join code')).toHaveTextContent(LOOPBACK_CODE);
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('a crash heard while the dialog is closed does not restart it on opening', async () => {
    const { platform, host, emit } = desktop();
    renderButton(platform);
    act(() => emit({ state: 'crashed', lanAllowed: false, error: 'exit 1' }));
    const { dialog } = await openDialog();
    expect(host.start).not.toHaveBeenCalled();
    expect(within(dialog).getByRole('button', { name: 'Start again' })).toBeInTheDocument();
  });

  it('Stop hosting stops the relay and leaves the room', async () => {
    const { platform, host } = desktop();
    const sync = renderButton(platform);
    const { user, dialog } = await openDialog();
    await waitFor(() => expect(sync.join).toHaveBeenCalled());
    await user.click(within(dialog).getByRole('button', { name: 'Stop hosting' }));
    expect(host.stop).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(sync.leave).toHaveBeenCalled());
    expect(within(dialog).getByText(/Not hosting\. No port is open/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Start hosting' })).toBeInTheDocument();
  });

  it('a failed request to main is shown, not thrown', async () => {
    const { platform, host } = desktop();
    host.start.mockImplementation(
      () =>
        Promise.resolve({ ok: false, error: "No handler registered for 'relay:start'" }) as never,
    );
    renderButton(platform);
    const { dialog } = await openDialog();
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      "No handler registered for 'relay:start'",
    );
  });
});
