import { X509Certificate } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { Redis } from '@hocuspocus/extension-redis';
import { Hocuspocus, type Extension, type onAuthenticatePayload } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';
import * as Y from 'yjs';
import { encodeJoinCode } from '../shared/sync/join-code';
import { formatRefusal, seatFormat } from '../shared/sync/sync-format';
import { authorize } from './auth';
import { MessageRateLimiter } from './limits';
import { loadOrCreateSecret, openDocumentStore } from './storage';

/** How a relay is started (see README, "Running a relay"). */
export interface RelayOptions {
  /** TCP port; 0 picks a free one. Default 1234. */
  port?: number;
  /** Address to listen on. Default 127.0.0.1 (this machine only); 0.0.0.0 for the LAN. */
  host?: string;
  /** Folder for the documents and the room secret. Created if missing. */
  stateDir: string;
  /** The room secret; default: the one kept in the state folder (made on first start). */
  secret?: string;
  /** PEM certificate (chain) and key: serve wss:// and put the fingerprint in the join code. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** `redis://[user:password@]host:port[/db]` or `rediss://…`: scale out across processes. */
  redisUrl?: string;
  /** The address seats should dial, if not ws(s)://host:port (a proxy, a DNS name). */
  publicUrl?: string;
  /** Largest WebSocket message accepted, bytes; a bigger one closes the connection. 8 MiB. */
  maxMessageBytes?: number;
  /** Messages a connection may send back to back (500) and per second after that (250). */
  rateLimit?: { burst: number; perSecond: number };
  /** Wait after a change before storing a document, ms (2000), and longest wait (10000). */
  storeDebounceMs?: number;
  storeMaxDebounceMs?: number;
  /** Where diagnostics go (one line each). Default: stderr. */
  log?: (line: string) => void;
}

/** A listening relay. */
export interface RunningRelay {
  /** The port it listens on (the real one when 0 was asked for). */
  port: number;
  /** The address in the join code (ws://… or wss://…). */
  url: string;
  /** `warroom:…`, carrying url, room secret and, with TLS, the certificate fingerprint. */
  joinCode: string;
  /** SHA-256 certificate fingerprint (AB:CD:…) when serving TLS. */
  fingerprint?: string;
  /** Stops accepting, stores every loaded document, closes every connection. Idempotent. */
  close(): Promise<void>;
}

/** Default largest message: 8 MiB, four times the largest incident document measured (2 MB). */
export const DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
export const DEFAULT_RATE_LIMIT = { burst: 500, perSecond: 250 };

/** WebSocket close codes the relay uses (RFC 6455 §7.4.1). */
const POLICY_VIOLATION = 1008;
const MESSAGE_TOO_BIG = 1009;

function firstLanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

/** ws(s)://host:port for seats: a wildcard listen address becomes this machine's LAN address. */
function dialUrl(host: string, port: number, secure: boolean): string {
  let h = host;
  if (h === '0.0.0.0' || h === '::' || h === '') h = firstLanAddress() ?? '127.0.0.1';
  if (h.includes(':')) h = `[${h}]`;
  return `${secure ? 'wss' : 'ws'}://${h}:${port}`;
}

/** ioredis connection settings from a redis:// or rediss:// URL. Throws on another scheme. */
export function redisSettings(url: string): {
  host: string;
  port: number;
  options: { username?: string; password?: string; db?: number; tls?: object };
} {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new Error(`--redis expects redis://host:port or rediss://…, not ${u.protocol}`);
  }
  const options: { username?: string; password?: string; db?: number; tls?: object } = {};
  if (u.username) options.username = decodeURIComponent(u.username);
  if (u.password) options.password = decodeURIComponent(u.password);
  const db = u.pathname.replace(/^\//, '');
  if (db) options.db = Number(db);
  if (u.protocol === 'rediss:') options.tls = {};
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || 6379), options };
}

/**
 * Starts a relay: a Hocuspocus instance on a node:http (or node:https) server, documents kept
 * in `stateDir`, every connection authenticated with the room secret or an incident token.
 * Resolves once listening. Rejects if the port is taken, the state folder cannot be written,
 * the TLS files are unreadable or a --redis URL is malformed.
 */
export async function startRelay(options: RelayOptions): Promise<RunningRelay> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const store = await openDocumentStore(options.stateDir);
  const secret = options.secret ?? (await loadOrCreateSecret(store.dir));
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const rate = options.rateLimit ?? DEFAULT_RATE_LIMIT;

  const persistence: Extension = {
    extensionName: 'WarroomStateFolder',
    async onAuthenticate({ token, documentName, requestParameters }: onAuthenticatePayload) {
      // Hocuspocus sends `reason` to the seat as permission-denied and sends nothing else; a
      // seat shows it after "The relay refused this seat: ". A seat too old to read the room's
      // documents is refused before its secret is looked at (shared/sync/sync-format.ts).
      const tooOld = formatRefusal(seatFormat(requestParameters));
      if (tooOld) throw Object.assign(new Error(tooOld), { reason: tooOld });
      const grant = await authorize(token, documentName, secret);
      if (!grant.ok) throw Object.assign(new Error(grant.reason), { reason: grant.reason });
      return { scope: grant.scope };
    },
    async onLoadDocument({ documentName, document }) {
      const state = await store.load(documentName);
      if (!state) return;
      Y.applyUpdate(document, state);
      // Hocuspocus broadcasts every update of a document, this one included: queued now, it
      // went out a moment later to the seats that had just asked for the document, so each
      // received the whole stored document again on top of its sync (a 2,000-entry incident:
      // 219 KB per seat per relay restart, decoded for nothing; BENCHMARKS.md run V). Flushed
      // here, before any connection is added, it reaches nobody.
      document.flush();
    },
    async onStoreDocument({ documentName, document }) {
      await store.save(documentName, Y.encodeStateAsUpdate(document));
    },
  };

  const extensions: Extension[] = [persistence];
  if (options.redisUrl) {
    const { host, port, options: redisOptions } = redisSettings(options.redisUrl);
    extensions.push(new Redis({ host, port, options: redisOptions }));
  }

  const hocuspocus = new Hocuspocus({
    name: 'warroom-relay',
    quiet: true,
    extensions,
    debounce: options.storeDebounceMs ?? 2_000,
    maxDebounce: options.storeMaxDebounceMs ?? 10_000,
  });

  interface PeerState {
    connection: ReturnType<Hocuspocus['handleConnection']>;
    limiter: MessageRateLimiter;
    /** Set once the relay decided to close it: later frames are dropped. */
    closing: boolean;
  }
  const peers = new WeakMap<object, PeerState>();
  const ws = crossws({
    serverOptions: { maxPayload: maxMessageBytes, perMessageDeflate: false },
    hooks: {
      open(peer) {
        const connection = hocuspocus.handleConnection(
          peer.websocket as unknown as Parameters<Hocuspocus['handleConnection']>[0],
          peer.request,
        );
        peers.set(peer, {
          connection,
          limiter: new MessageRateLimiter(rate.burst, rate.perSecond),
          closing: false,
        });
      },
      message(peer, message) {
        const state = peers.get(peer);
        if (!state || state.closing) return;
        const data = message.uint8Array();
        if (data.byteLength > maxMessageBytes) {
          // ws's maxPayload normally closes it first (1009); this is the same rule, kept here.
          state.closing = true;
          peer.close(MESSAGE_TOO_BIG, 'Message too big');
          return;
        }
        if (!state.limiter.take()) {
          state.closing = true;
          log(
            `Closing a connection from ${peer.remoteAddress ?? '?'}: over the message rate limit.`,
          );
          peer.close(POLICY_VIOLATION, 'Too many messages');
          return;
        }
        state.connection.handleMessage(data);
      },
      close(peer, event) {
        peers
          .get(peer)
          ?.connection.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' });
        peers.delete(peer);
      },
      error(peer, error) {
        log(`WebSocket error from ${peer.remoteAddress ?? '?'}: ${error.message}`);
      },
    },
  });

  let fingerprint: string | undefined;
  let server: HttpServer;
  const onRequest: Parameters<typeof createHttpServer>[1] = (_req, res) => {
    res.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Warroom relay: connect with a WebSocket (paste the join code into Warroom).\n');
  };
  if (options.tls) {
    fingerprint = new X509Certificate(options.tls.cert).fingerprint256;
    server = createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, onRequest);
  } else {
    server = createHttpServer(onRequest);
  }
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    ws.handleUpgrade(req, socket, head).catch((error: Error) => {
      log(`Upgrade failed: ${error.message}`);
      socket.destroy();
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? 1234, host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = options.publicUrl ?? dialUrl(host, port, Boolean(options.tls));
  const joinCode = encodeJoinCode(fingerprint ? { url, secret, fingerprint } : { url, secret });

  let closing: Promise<void> | undefined;
  const close = () => (closing ??= shutDown());
  async function shutDown(): Promise<void> {
    server.close();
    // Store what is waiting, then let every connection go: Hocuspocus stores each document
    // as its last connection leaves and unloads it.
    hocuspocus.flushPendingStores();
    hocuspocus.closeConnections();
    const deadline = Date.now() + 10_000;
    while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    // Anything still loaded (a store that failed, a lock held by another relay): write it now.
    for (const [name, document] of hocuspocus.documents) {
      try {
        await store.save(name, Y.encodeStateAsUpdate(document));
      } catch (error) {
        log(`Could not store ${name} on shutdown: ${(error as Error).message}`);
      }
    }
    ws.closeAll(1001, 'Relay shutting down', true);
    server.closeAllConnections();
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
  }

  return { port, url, joinCode, ...(fingerprint ? { fingerprint } : {}), close };
}
