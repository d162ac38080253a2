// @vitest-environment node
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { incidentToken } from '../shared/sync/room-token';
import { formatRefusal, seatUrl, SYNC_FORMAT } from '../shared/sync/sync-format';
import {
  authFrame,
  closeCode,
  connectSeat,
  frameHeader,
  freePort,
  hasRedisServer,
  killAll,
  MESSAGE,
  queryAwarenessFrame,
  rawSocket,
  recordingWebSocket,
  spawnRedis,
  spawnRelay,
  waitFor,
  type RelayProcess,
  type Seat,
} from './relay-harness';

/**
 * The relay as users run it (`node --import tsx relay/main.ts`, a separate process on
 * 127.0.0.1 with its own state folder), with Node seats on @hocuspocus/provider + yjs.
 */

const INCIDENT_A = 'incident:0190f2a4-1b2c-7000-8abc-0123456789ab';
const INCIDENT_B = 'incident:0190f2a4-1b2c-7000-8abc-0123456789ac';
const SECRET = 'test-secret-0123456789abcdef';

const dirs: string[] = [];
const seats: Seat[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'warroom-relay-'));
  dirs.push(dir);
  return dir;
}
function seat(...args: Parameters<typeof connectSeat>): Seat {
  const s = connectSeat(...args);
  seats.push(s);
  return s;
}
const entries = (s: Seat) => s.doc.getMap<string>('entries');
function logEntries(s: Seat, prefix: string, from: number, to: number): void {
  s.doc.transact(() => {
    for (let i = from; i < to; i++) entries(s).set(`${prefix}-${i}`, `${prefix} entry ${i}`);
  });
}

afterAll(async () => {
  for (const s of seats) s.destroy();
  await killAll();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('relay process', () => {
  let relay: RelayProcess;
  let stateDir: string;
  let url: string;

  beforeAll(async () => {
    stateDir = await tempDir();
    relay = await spawnRelay(['--port', '0', '--state-dir', stateDir, '--secret', SECRET]);
    url = relay.parts.url;
  }, 90_000);

  it('prints exactly one line, the join code, on stdout', () => {
    expect(relay.stdout()).toBe(`Join code: ${relay.joinCode}\n`);
    expect(relay.parts).toEqual({ url: `ws://127.0.0.1:${relay.port}`, secret: SECRET });
    expect(relay.stderr()).toContain(`Listening on ws://127.0.0.1:${relay.port}`);
  });

  it('syncs a Y.Map between two seats', async () => {
    const a = seat(url, 'room', SECRET);
    const b = seat(url, 'room', SECRET);
    await waitFor('both seats synced', () => a.synced() && b.synced());
    entries(a).set('from-a', 'hello');
    entries(b).set('from-b', 'hi');
    await waitFor('both keys on both seats', () => entries(a).size === 2 && entries(b).size === 2);
    expect(entries(b).toJSON()).toEqual(entries(a).toJSON());
  });

  it('refuses a wrong secret and sends it nothing of the document', async () => {
    const good = seat(url, INCIDENT_A, SECRET);
    logEntries(good, 'secret', 0, 20);
    await waitFor('the good seat synced', () => good.synced());

    const frames: Uint8Array[] = [];
    const bad = seat(url, INCIDENT_A, 'wrong-secret-0123456789', {
      WebSocketPolyfill: recordingWebSocket(frames),
    });
    await waitFor('the wrong secret refused', () => bad.refused() !== null);
    expect(bad.refused()).toBe('invalid-token');

    // A change made after the refusal reaches a second good seat (a barrier), never the bad one.
    entries(good).set('after', 'refusal');
    const witness = seat(url, INCIDENT_A, SECRET);
    await waitFor('the witness has every entry', () => entries(witness).size === 21);

    expect(entries(bad).size).toBe(0);
    expect(Y.encodeStateVector(bad.doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
    const types = frames.map((f) => frameHeader(f).type);
    expect(types.length).toBeGreaterThan(0);
    expect(types.every((t) => t === MESSAGE.Auth)).toBe(true);
    // A missing token is refused the same way.
    const none = seat(url, INCIDENT_A, '');
    await waitFor('the empty token refused', () => none.refused() !== null);
  });

  it('refuses a seat of an older sync format, with the right secret, and sends it nothing', async () => {
    const good = seat(url, INCIDENT_A, SECRET);
    logEntries(good, 'format', 0, 5);
    await waitFor('the good seat synced', () => good.synced());
    // A seat from before the format (nothing in the query) and one that says format 1.
    for (const format of [null, 1]) {
      const old = seat(url, INCIDENT_A, SECRET, { format });
      await waitFor(`the format-${format} seat refused`, () => old.refused() !== null);
      expect(old.refused()).toBe(formatRefusal(1));
      expect(entries(old).size).toBe(0);
    }
    // This build's format and a newer one are let in.
    for (const format of [SYNC_FORMAT, SYNC_FORMAT + 1]) {
      const s = seat(url, INCIDENT_A, SECRET, { format });
      await waitFor(
        `the format-${format} seat synced`,
        () => s.synced() && entries(s).size === entries(good).size,
      );
      expect(s.refused()).toBeNull();
    }
  });

  it('refuses documents that are not room documents', async () => {
    for (const name of ['notes', 'incident:../../x', '../room', 'incident:not-a-uuid']) {
      const s = seat(url, name, SECRET);
      await waitFor(`${name} refused`, () => s.refused() !== null);
      expect(s.refused()).toBe('not-a-room-document');
    }
    const files = await readdir(stateDir);
    expect(files.every((f) => /^(doc-[0-9a-f]+\.ystate|room-secret)$/.test(f))).toBe(true);
  });

  it('opens one incident with its incident token and refuses it elsewhere', async () => {
    const token = await incidentToken(SECRET, INCIDENT_B);
    const owner = seat(url, INCIDENT_B, SECRET);
    entries(owner).set('b', 'only this incident');
    const guest = seat(url, INCIDENT_B, token);
    await waitFor('the guest sees the incident', () => entries(guest).get('b') !== undefined);
    expect(guest.refused()).toBeNull();
    for (const other of [INCIDENT_A, 'room', 'directory']) {
      const s = seat(url, other, token);
      await waitFor(`${other} refused to the incident token`, () => s.refused() !== null);
      expect(entries(s).size).toBe(0);
    }
  });

  it('closes a connection that sends an oversized message, and keeps serving', async () => {
    const ws = await rawSocket(seatUrl(url));
    const closed = closeCode(ws);
    ws.send(new Uint8Array(8 * 1024 * 1024 + 1));
    expect(await closed).toBe(1009);
    const after = seat(url, 'room', SECRET);
    await waitFor('a seat still syncs', () => after.synced());
  });

  it('closes a connection that floods messages', async () => {
    const ws = await rawSocket(seatUrl(url));
    const closed = closeCode(ws);
    ws.send(authFrame('room', SECRET));
    for (let i = 0; i < 3000; i++) ws.send(queryAwarenessFrame('room'));
    expect(await closed).toBe(1008);
    expect(relay.stderr()).toContain('over the message rate limit');
  });

  it('stores documents on SIGTERM and loads them after a restart', async () => {
    const s = seat(url, INCIDENT_A, SECRET);
    await waitFor('synced', () => s.synced());
    entries(s).set('before-sigterm', 'kept');
    // Wait until the relay has the change (a second seat sees it), then stop it with both
    // seats still connected: the store is debounced, so the shutdown path has to write it.
    const w = seat(url, INCIDENT_A, SECRET);
    await waitFor('the relay has the change', () => entries(w).has('before-sigterm'));
    expect(await relay.stop('SIGTERM')).toBe(0);
    // Gone before the restart, so only the state folder can bring the change back.
    s.destroy();
    w.destroy();

    relay = await spawnRelay([
      '--port',
      String(relay.port),
      '--state-dir',
      stateDir,
      '--secret',
      SECRET,
    ]);
    const fresh = seat(url, INCIDENT_A, SECRET);
    await waitFor('the fresh seat synced', () => fresh.synced());
    expect(entries(fresh).get('before-sigterm')).toBe('kept');
  }, 90_000);
});

describe('relay crash and wipe', () => {
  it('SIGKILLed and restarted on its state folder: seats reconnect and lose nothing', async () => {
    const stateDir = await tempDir();
    let relay = await spawnRelay(['--port', '0', '--state-dir', stateDir]);
    const { url, secret } = relay.parts;
    const a = seat(url, INCIDENT_A, secret);
    const b = seat(url, INCIDENT_A, secret);
    logEntries(a, 'a', 0, 100);
    logEntries(b, 'b', 0, 100);
    await waitFor('200 entries on both', () => entries(a).size === 200 && entries(b).size === 200);

    await relay.stop('SIGKILL');
    logEntries(a, 'a', 100, 200); // offline
    logEntries(b, 'b', 100, 200);
    relay = await spawnRelay(['--port', String(relay.port), '--state-dir', stateDir]);
    expect(relay.parts.secret).toBe(secret); // kept in the state folder
    await waitFor('400 entries on both', () => entries(a).size === 400 && entries(b).size === 400);
    expect(entries(b).toJSON()).toEqual(entries(a).toJSON());

    // The seats leave (the relay stores as the last one goes), the relay crashes again: a new
    // seat still gets all 400 from the state folder alone.
    a.destroy();
    b.destroy();
    const file = path.join(stateDir, `doc-${Buffer.from(INCIDENT_A).toString('hex')}.ystate`);
    await waitFor('the document stored with all 400', () => {
      try {
        const d = new Y.Doc();
        Y.applyUpdate(d, new Uint8Array(readFileSync(file)));
        return d.getMap('entries').size === 400;
      } catch {
        return false;
      }
    });
    await relay.stop('SIGKILL');
    await spawnRelay(['--port', String(relay.port), '--state-dir', stateDir]);
    const c = seat(url, INCIDENT_A, secret);
    await waitFor('the new seat has 400', () => entries(c).size === 400);
  }, 120_000);

  it('wiped and restarted: the seats re-seed it', async () => {
    const stateDir = await tempDir();
    const relay = await spawnRelay(['--port', '0', '--state-dir', stateDir, '--secret', SECRET]);
    const url = relay.parts.url;
    const a = seat(url, INCIDENT_A, SECRET);
    const b = seat(url, INCIDENT_A, SECRET);
    logEntries(a, 'a', 0, 50);
    logEntries(b, 'b', 0, 50);
    await waitFor('100 on both', () => entries(a).size === 100 && entries(b).size === 100);
    await relay.stop('SIGKILL');
    await rm(stateDir, { recursive: true, force: true });
    await spawnRelay(['--port', String(relay.port), '--state-dir', stateDir, '--secret', SECRET]);
    const c = seat(url, INCIDENT_A, SECRET);
    await waitFor(
      'the new seat has all 100 from the re-seeding seats',
      () => entries(c).size === 100,
    );
  }, 120_000);
});

describe('two relays sharing Redis', () => {
  const canRun = hasRedisServer();
  if (!canRun && process.env.CI) {
    it('needs redis-server in CI', () => {
      throw new Error(
        '/usr/bin/redis-server is missing: .ci/run installs it (apt-get install -y redis-server).',
      );
    });
  }
  it.skipIf(!canRun)(
    'one seat on each relay: they converge (skipped without /usr/bin/redis-server; apt-get install -y redis-server)',
    async () => {
      const redisPort = await freePort();
      await spawnRedis(redisPort);
      const stateDir = await tempDir();
      const args = [
        '--port',
        '0',
        '--state-dir',
        stateDir,
        '--secret',
        SECRET,
        '--redis',
        `redis://127.0.0.1:${redisPort}`,
      ];
      const [r1, r2] = await Promise.all([spawnRelay(args), spawnRelay(args)]);
      expect(r1.port).not.toBe(r2.port);
      const a = seat(r1.parts.url, INCIDENT_A, SECRET);
      const b = seat(r2.parts.url, INCIDENT_A, SECRET);
      await waitFor('both synced', () => a.synced() && b.synced());
      logEntries(a, 'a', 0, 100);
      logEntries(b, 'b', 0, 100);
      await waitFor('200 on both seats', () => entries(a).size === 200 && entries(b).size === 200);
      expect(entries(b).toJSON()).toEqual(entries(a).toJSON());
      // And a later single change crosses too.
      entries(b).set('late', 'from relay 2');
      await waitFor('the late change on relay 1', () => entries(a).get('late') === 'from relay 2');
    },
    120_000,
  );
});
