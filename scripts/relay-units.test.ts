// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Document } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { parseJoinCode } from '../shared/sync/join-code';
import { incidentToken } from '../shared/sync/room-token';
import { seatUrl } from '../shared/sync/sync-format';
import { authorize } from '../relay/auth';
import { MessageRateLimiter } from '../relay/limits';
import { optionsFrom } from '../relay/options';
import { redisSettings, startRelay } from '../relay/relay';
import {
  documentFileName,
  documentNameOf,
  loadOrCreateSecret,
  openDocumentStore,
  writeFileAtomic,
} from '../relay/storage';

/** The relay's parts, in-process: storage, tokens, limits, flags, TLS, the utility entry. */

const ROOT = path.resolve(import.meta.dirname, '..');
const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'warroom-relay-unit-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const DOC = 'incident:0190f2a4-1b2c-7000-8abc-0123456789ab';

describe('state folder', () => {
  it.each(['room', DOC, '../x', '../../etc/passwd', '/abs', 'a/b\\c', '..', 'x\0y', 'é🔑'])(
    'keeps %j inside the folder and round-trips its name',
    async (name) => {
      const file = documentFileName(name);
      expect(file).toMatch(/^doc-[0-9a-f]+\.ystate$/);
      expect(documentNameOf(file)).toBe(name);
      const outer = await tempDir();
      const dir = path.join(outer, 'state');
      const store = await openDocumentStore(dir);
      const doc = new Y.Doc();
      doc.getMap('m').set('k', name);
      await store.save(name, Y.encodeStateAsUpdate(doc));
      expect(await readdir(outer)).toEqual(['state']);
      expect(await readdir(dir)).toEqual([file]);
      const back = new Y.Doc();
      Y.applyUpdate(back, (await store.load(name))!);
      expect(back.getMap('m').get('k')).toBe(name);
    },
  );

  it('refuses empty and over-long names, and reads a missing document as null', async () => {
    expect(() => documentFileName('')).toThrow();
    expect(() => documentFileName('x'.repeat(121))).toThrow();
    const store = await openDocumentStore(await tempDir());
    expect(await store.load('room')).toBeNull();
  });

  it('replaces files atomically and leaves no temporary file', async () => {
    const dir = await tempDir();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => writeFileAtomic(dir, 'f', 'x'.repeat(1000 + i))),
    );
    expect(await readdir(dir)).toEqual(['f']);
    expect((await readFile(path.join(dir, 'f'), 'utf8')).length).toBeGreaterThanOrEqual(1000);
    expect((await stat(path.join(dir, 'f'))).mode & 0o777).toBe(0o600);
    await expect(writeFileAtomic(dir, '../escape', 'x')).rejects.toThrow(/outside/);
  });

  it('makes the room secret once (128 bits, mode 0600), and racing relays agree on it', async () => {
    const dir = await tempDir();
    const secrets = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateSecret(dir)));
    expect(new Set(secrets).size).toBe(1);
    expect(secrets[0]).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await loadOrCreateSecret(dir)).toBe(secrets[0]);
    expect(await readdir(dir)).toEqual(['room-secret']);
    expect((await stat(path.join(dir, 'room-secret'))).mode & 0o777).toBe(0o600);
  });
});

describe('authorize', () => {
  const secret = 'the-room-secret-0123456789';
  it.each<[string, string, string, unknown]>([
    ['room secret, room', secret, 'room', { ok: true, scope: 'room' }],
    ['room secret, incident', secret, DOC, { ok: true, scope: 'room' }],
    ['wrong secret', 'nope', 'room', { ok: false, reason: 'invalid-token' }],
    ['empty token', '', DOC, { ok: false, reason: 'invalid-token' }],
    ['secret with a suffix', `${secret}x`, 'room', { ok: false, reason: 'invalid-token' }],
    ['unknown document', secret, 'notes', { ok: false, reason: 'not-a-room-document' }],
    ['path document', secret, '../room', { ok: false, reason: 'not-a-room-document' }],
  ])('%s', async (_name, token, doc, expected) => {
    expect(await authorize(token, doc, secret)).toEqual(expected);
  });

  it('an incident token opens its incident only', async () => {
    const token = await incidentToken(secret, DOC);
    const other = DOC.replace(/b$/, 'c');
    expect(await authorize(token, DOC, secret)).toEqual({ ok: true, scope: 'incident' });
    expect(await authorize(token, other, secret)).toMatchObject({ ok: false });
    expect(await authorize(token, 'room', secret)).toMatchObject({ ok: false });
    expect(await authorize(token, 'directory', secret)).toMatchObject({ ok: false });
    expect(await authorize(await incidentToken('other', DOC), DOC, secret)).toMatchObject({
      ok: false,
    });
  });
});

describe('MessageRateLimiter', () => {
  it('allows a burst, then the sustained rate', () => {
    let now = 0;
    const limiter = new MessageRateLimiter(5, 10, () => now);
    expect(Array.from({ length: 6 }, () => limiter.take())).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    now += 100; // one message's worth at 10/s
    expect(limiter.take()).toBe(true);
    expect(limiter.take()).toBe(false);
    now += 10_000; // refills to the burst, not beyond
    expect(Array.from({ length: 6 }, () => limiter.take()).filter(Boolean)).toHaveLength(5);
  });
});

describe('flags and environment', () => {
  it('defaults to 127.0.0.1:1234 and ./relay-state', () => {
    expect(optionsFrom([], {})).toEqual({
      port: 1234,
      host: '127.0.0.1',
      stateDir: './relay-state',
    });
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      PORT: '4000',
      HOST: '0.0.0.0',
      STATE_DIR: '/srv/relay',
      SECRET: 'env-secret-0123456789',
      REDIS_URL: 'redis://r:6379',
    };
    expect(optionsFrom([], env)).toEqual({
      port: 4000,
      host: '0.0.0.0',
      stateDir: '/srv/relay',
      secret: 'env-secret-0123456789',
      redisUrl: 'redis://r:6379',
    });
    expect(optionsFrom(['--port', '0', '--redis', 'redis://s:1'], env)).toMatchObject({
      port: 0,
      redisUrl: 'redis://s:1',
    });
    expect(optionsFrom([], { PORT: '' })).toMatchObject({ port: 1234 });
  });

  it.each([
    [['--port', 'x'], /not a port/],
    [['--port', '70000'], /not a port/],
    [['--secret', 'short'], /16 characters/],
    [['--tls-cert', 'a.pem'], /go together/],
    [['--bogus'], /Unknown option/],
  ])('refuses %j', (argv, message) => {
    expect(() => optionsFrom(argv, {})).toThrow(message);
  });

  it('reads redis:// URLs', () => {
    expect(redisSettings('redis://127.0.0.1:6380')).toEqual({
      host: '127.0.0.1',
      port: 6380,
      options: {},
    });
    expect(redisSettings('rediss://u:p%40ss@cache:7000/2')).toEqual({
      host: 'cache',
      port: 7000,
      options: { username: 'u', password: 'p@ss', db: 2, tls: {} },
    });
    expect(() => redisSettings('http://x')).toThrow(/redis:\/\//);
  });
});

describe('TLS', () => {
  it.skipIf(!existsSync('/usr/bin/openssl'))(
    'serves wss:// and puts the certificate fingerprint in the join code',
    async () => {
      const dir = await tempDir();
      const cert = path.join(dir, 'cert.pem');
      const key = path.join(dir, 'key.pem');
      execFileSync(
        '/usr/bin/openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:P-256',
          '-nodes',
          '-keyout',
          key,
          '-out',
          cert,
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
      const relay = await startRelay({
        port: 0,
        stateDir: path.join(dir, 'state'),
        tls: { cert: await readFile(cert), key: await readFile(key) },
        log: () => undefined,
      });
      try {
        const parsed = parseJoinCode(relay.joinCode);
        expect(parsed).toMatchObject({ ok: true, code: { url: `wss://127.0.0.1:${relay.port}` } });
        const expected = execFileSync('/usr/bin/openssl', [
          'x509',
          '-in',
          cert,
          '-noout',
          '-fingerprint',
          '-sha256',
        ])
          .toString()
          .trim()
          .split('=')[1];
        expect(parsed.ok && parsed.code.fingerprint).toBe(expected);
        // A seat that pins the fingerprint (self-signed, so no CA check) gets a TLS session.
        const seen = await new Promise<string>((resolve, reject) => {
          const ws = new WebSocket(relay.url, { rejectUnauthorized: false });
          ws.once('upgrade', (res) => {
            const socket = res.socket as TLSSocket;
            resolve(socket.getPeerX509Certificate()!.fingerprint256);
            ws.close();
          });
          ws.once('error', reject);
        });
        expect(seen).toBe(expected);
      } finally {
        await relay.close();
      }
    },
    60_000,
  );
});

describe('what the relay sends', () => {
  /** A seat on the relay (Node, one socket), counting the bytes it receives. */
  function seat(url: string, secret: string, doc: Y.Doc) {
    let received = 0;
    class CountingSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols);
        this.on('message', (data: Buffer) => (received += data.byteLength));
      }
    }
    const socket = new HocuspocusProviderWebsocket({
      url: seatUrl(url),
      WebSocketPolyfill: CountingSocket,
    });
    let synced = false;
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: DOC,
      document: doc,
      token: secret,
      awareness: null,
      onSynced: ({ state }) => (synced = state),
    });
    provider.attach();
    return {
      received: () => received,
      synced: () => synced && !provider.hasUnsyncedChanges,
      destroy: () => {
        provider.destroy();
        socket.destroy();
      },
    };
  }

  async function until(test: () => boolean, what: string): Promise<void> {
    for (const deadline = Date.now() + 20_000; !test();) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it('a document loaded from the state folder is not sent whole to the seats that asked for it, on top of their sync', async () => {
    const dir = await tempDir();
    const stored = new Y.Doc();
    const entries = stored.getMap('timelineEntries');
    stored.transact(() => {
      for (let i = 0; i < 500; i++)
        entries.set(`e${i}`, `entry ${i}: the checkout API returns 502s`);
    });
    const state = Y.encodeStateAsUpdate(stored);
    const store = await openDocumentStore(path.join(dir, 'state'));
    await store.save(DOC, state);
    const relay = await startRelay({ port: 0, stateDir: store.dir, log: () => undefined });
    const secret = (parseJoinCode(relay.joinCode) as { ok: true; code: { secret: string } }).code
      .secret;
    // A seat that holds the document already, and one that holds nothing.
    const holding = new Y.Doc();
    Y.applyUpdate(holding, state);
    const a = seat(relay.url, secret, holding);
    const empty = new Y.Doc();
    const b = seat(relay.url, secret, empty);
    try {
      await until(() => a.synced() && b.synced(), 'both seats to sync');
      await until(() => empty.getMap('timelineEntries').size === 500, 'the empty seat to fill');
      // Anything queued for the seats goes out within a turn or two of the relay's loop.
      await new Promise((r) => setTimeout(r, 300));
      expect(state.byteLength).toBeGreaterThan(15_000);
      // The holding seat gets state vectors and acknowledgements, not the document (it got
      // all 17 KB of it again before the fix); the empty one gets it once.
      expect(a.received()).toBeLessThan(2_000);
      expect(b.received()).toBeGreaterThan(state.byteLength);
      expect(b.received()).toBeLessThan(state.byteLength + 2_000);
    } finally {
      a.destroy();
      b.destroy();
      await relay.close();
    }
  }, 60_000);

  it('an update goes to the other seats, not back to the seat it came from', async () => {
    const dir = await tempDir();
    const relay = await startRelay({
      port: 0,
      stateDir: path.join(dir, 'state'),
      log: () => undefined,
    });
    const secret = (parseJoinCode(relay.joinCode) as { ok: true; code: { secret: string } }).code
      .secret;
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const a = seat(relay.url, secret, docA);
    const b = seat(relay.url, secret, docB);
    try {
      await until(() => a.synced() && b.synced(), 'both seats to sync');
      await new Promise((r) => setTimeout(r, 200));
      const [aBefore, bBefore] = [a.received(), b.received()];
      const entries = docA.getMap('timelineEntries');
      docA.transact(() => {
        for (let i = 0; i < 500; i++) entries.set(`e${i}`, `entry ${i}: replica lag 40 s`);
      });
      const size = Y.encodeStateAsUpdate(docA).byteLength;
      await until(() => docB.getMap('timelineEntries').size === 500, 'the other seat to get them');
      await until(() => a.synced(), 'the relay to acknowledge them');
      await new Promise((r) => setTimeout(r, 300));
      expect(b.received() - bBefore).toBeGreaterThan(size);
      // The writer hears the acknowledgement only (it got all 500 back before the patch).
      expect(a.received() - aBefore).toBeLessThan(500);
    } finally {
      a.destroy();
      b.destroy();
      await relay.close();
    }
  }, 60_000);
});

describe('the relay document: what goes back to the sender (patched @hocuspocus/server)', () => {
  /** A connection as the document sees it: its address, and the updates sent to it. */
  function connection(name: string) {
    const updates: Uint8Array[] = [];
    return {
      messageAddress: name,
      updates,
      send(message: Uint8Array) {
        const d = decoding.createDecoder(message);
        decoding.readVarString(d); // the document's address
        if (decoding.readVarUint(d) !== 0) return; // not a sync message
        if (decoding.readVarUint(d) !== 2) return; // not an update
        updates.push(decoding.readVarUint8Array(d));
      },
    };
  }
  const from = (c: object) => ({ source: 'connection', connection: c });
  const turn = () => new Promise((r) => setImmediate(r));

  /** Seat B's entry b1, and seat A's edit of it (which needs b1 to be applied). */
  function entryAndEdit() {
    const b = new Y.Doc();
    const entry = new Y.Map<string>();
    b.getMap('timelineEntries').set('b1', entry);
    entry.set('text', 'db pool exhausted');
    const b1 = Y.encodeStateAsUpdate(b);
    const a = new Y.Doc();
    Y.applyUpdate(a, b1);
    let edit: Uint8Array | null = null;
    a.once('update', (u: Uint8Array) => (edit = u));
    (a.getMap('timelineEntries').get('b1') as Y.Map<string>).set('text', 'edited by A');
    return { b1, edit: edit! };
  }

  it('an update goes to the others, not back to its sender', async () => {
    const { b1, edit } = entryAndEdit();
    const doc = new Document(DOC);
    const [a, b] = [connection(DOC), connection(DOC)];
    doc.addConnection(a as never).addConnection(b as never);
    Y.applyUpdate(doc, b1, from(b));
    await turn();
    Y.applyUpdate(doc, edit, from(a));
    await turn();
    expect(a.updates).toHaveLength(1); // b1, from B
    expect(b.updates).toHaveLength(1); // A's edit
    doc.destroy();
  });

  it('an update that releases another seat’s held-back change goes to its sender too', async () => {
    const { b1, edit } = entryAndEdit();
    const doc = new Document(DOC);
    const [a, b] = [connection(DOC), connection(DOC)];
    doc.addConnection(a as never).addConnection(b as never);
    // A's edit arrives before the entry it edits (the relay restarted before storing b1):
    // the relay holds it back.
    Y.applyUpdate(doc, edit, from(a));
    await turn();
    // B's sync brings b1: A's edit is applied with it, in an update that came from B.
    Y.applyUpdate(doc, b1, from(b));
    await turn();
    const seatB = new Y.Doc();
    Y.applyUpdate(seatB, b1);
    for (const u of b.updates) Y.applyUpdate(seatB, u);
    expect((seatB.getMap('timelineEntries').get('b1') as Y.Map<string>).get('text')).toBe(
      'edited by A',
    );
    doc.destroy();
  });
});

describe('utility-process entry', () => {
  it('starts on a start message, reports the join code, stores and exits on stop', async () => {
    const stateDir = path.join(await tempDir(), 'state');
    // A stand-in for Electron's process.parentPort, driven from the script.
    const script = `
      const listeners = [];
      process.parentPort = {
        on: (_e, l) => listeners.push(l),
        postMessage: (m) => {
          process.stdout.write(JSON.stringify(m) + '\\n');
          if (m.type === 'started') listeners.forEach((l) => l({ data: { type: 'stop' } }));
        },
      };
      await import('./relay/utility-entry.ts');
      listeners.forEach((l) => l({ data: { type: 'start', options: { port: 0, stateDir: ${JSON.stringify(stateDir)} } } }));
    `;
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status, result.stderr).toBe(0);
    const reports = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; joinCode?: string });
    expect(reports.map((r) => r.type)).toEqual(['started', 'stopped']);
    expect(parseJoinCode(reports[0]!.joinCode!)).toMatchObject({ ok: true });
    expect(await readdir(stateDir)).toEqual(['room-secret']);
  }, 60_000);
});
