import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startRelay, type RelayOptions } from './relay';

/**
 * `npm run relay`: a Warroom relay as a plain Node process (or container). Prints exactly one
 * line to stdout, `Join code: warroom:…`, once listening; diagnostics go to stderr. SIGTERM or
 * SIGINT stores every document, then exits 0. Exits 1 with a message on stderr when it cannot
 * start (port taken, unreadable TLS files, bad flags).
 */

const HELP = `Usage: npm run relay -- [flags]

  --port <n>          PORT        TCP port, 0 = any free port (default 1234)
  --host <addr>       HOST        listen address (default 127.0.0.1; 0.0.0.0 for the LAN)
  --state-dir <dir>   STATE_DIR   documents and room secret (default ./relay-state)
  --secret <text>     SECRET      room secret (default: made once, kept in the state dir)
  --tls-cert <file>   TLS_CERT    PEM certificate: serve wss:// (needs --tls-key)
  --tls-key <file>    TLS_KEY     PEM private key
  --redis <url>       REDIS_URL   redis://host:port: share rooms across relay processes
  --public-url <url>  PUBLIC_URL  address put in the join code (default ws(s)://host:port)
  --max-message-bytes <n>         largest message accepted (default 8388608)
  --help
`;

function fail(message: string): never {
  process.stderr.write(`relay: ${message}\n`);
  process.exit(1);
}

/** RelayOptions from the command line, falling back to the environment. Exits on bad flags. */
export function optionsFrom(argv: string[], env: NodeJS.ProcessEnv): RelayOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'state-dir': { type: 'string' },
        secret: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        redis: { type: 'string' },
        'public-url': { type: 'string' },
        'max-message-bytes': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n\n${HELP}`);
  }
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const portText = values.port ?? env.PORT ?? '1234';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`not a port: ${portText}`);
  const certFile = values['tls-cert'] ?? env.TLS_CERT;
  const keyFile = values['tls-key'] ?? env.TLS_KEY;
  if (Boolean(certFile) !== Boolean(keyFile)) fail('--tls-cert and --tls-key go together.');
  const options: RelayOptions = {
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    stateDir: values['state-dir'] ?? env.STATE_DIR ?? './relay-state',
  };
  const secret = values.secret ?? env.SECRET;
  if (secret !== undefined) {
    if (secret.length < 16) fail('a room secret needs at least 16 characters.');
    options.secret = secret;
  }
  if (certFile && keyFile) {
    try {
      options.tls = { cert: readFileSync(certFile), key: readFileSync(keyFile) };
    } catch (error) {
      fail(`cannot read the TLS files: ${(error as Error).message}`);
    }
  }
  const redis = values.redis ?? env.REDIS_URL;
  if (redis) options.redisUrl = redis;
  const publicUrl = values['public-url'] ?? env.PUBLIC_URL;
  if (publicUrl) options.publicUrl = publicUrl;
  if (values['max-message-bytes']) {
    const n = Number(values['max-message-bytes']);
    if (!Number.isInteger(n) || n < 1024) fail('--max-message-bytes must be at least 1024.');
    options.maxMessageBytes = n;
  }
  return options;
}

async function main(): Promise<void> {
  const options = optionsFrom(process.argv.slice(2), process.env);
  let relay;
  try {
    relay = await startRelay(options);
  } catch (error) {
    fail((error as Error).message);
  }
  process.stderr.write(`Listening on ${relay.url} (state in ${options.stateDir})\n`);
  process.stdout.write(`Join code: ${relay.joinCode}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: storing documents…\n`);
    relay.close().then(
      () => process.exit(0),
      (error: Error) => fail(`shutdown: ${error.message}`),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

await main();
