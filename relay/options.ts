import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { RelayOptions } from './relay';

/** `npm run relay -- --help`. */
export const HELP = `Usage: npm run relay -- [flags]

  --port <n>          PORT        TCP port, 0 = any free port (default 1234)
  --host <addr>       HOST        listen address (default 127.0.0.1; 0.0.0.0 for the LAN)
  --state-dir <dir>   STATE_DIR   documents and room secret (default ./relay-state)
  --secret <text>     SECRET      room secret, 16+ characters (default: made once, kept in
                                  the state dir)
  --tls-cert <file>   TLS_CERT    PEM certificate: serve wss:// (needs --tls-key)
  --tls-key <file>    TLS_KEY     PEM private key
  --redis <url>       REDIS_URL   redis://host:port: share rooms across relay processes
  --public-url <url>  PUBLIC_URL  address put in the join code (default ws(s)://host:port)
  --max-message-bytes <n>         largest message accepted (default 8388608)
  --help
`;

/**
 * RelayOptions from command-line flags, falling back to environment variables (an empty
 * variable counts as unset), or 'help' for --help. Reads the TLS files. Throws an Error with a
 * message for the person on a bad flag, an unreadable file or a short secret.
 */
export function optionsFrom(argv: string[], processEnv: NodeJS.ProcessEnv): RelayOptions | 'help' {
  const env = Object.fromEntries(Object.entries(processEnv).filter(([, v]) => v !== ''));
  const { values } = parseArgs({
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
  });
  if (values.help) return 'help';
  const portText = values.port ?? env.PORT ?? '1234';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`not a port: ${portText}`);
  const certFile = values['tls-cert'] ?? env.TLS_CERT;
  const keyFile = values['tls-key'] ?? env.TLS_KEY;
  if (Boolean(certFile) !== Boolean(keyFile))
    throw new Error('--tls-cert and --tls-key go together.');
  const options: RelayOptions = {
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    stateDir: values['state-dir'] ?? env.STATE_DIR ?? './relay-state',
  };
  const secret = values.secret ?? env.SECRET;
  if (secret !== undefined) {
    if (secret.length < 16) throw new Error('a room secret needs at least 16 characters.');
    options.secret = secret;
  }
  if (certFile && keyFile) {
    try {
      options.tls = { cert: readFileSync(certFile), key: readFileSync(keyFile) };
    } catch (error) {
      throw new Error(`cannot read the TLS files: ${(error as Error).message}`, { cause: error });
    }
  }
  const redis = values.redis ?? env.REDIS_URL;
  if (redis) options.redisUrl = redis;
  const publicUrl = values['public-url'] ?? env.PUBLIC_URL;
  if (publicUrl) options.publicUrl = publicUrl;
  const maxBytes = values['max-message-bytes'];
  if (maxBytes !== undefined) {
    const n = Number(maxBytes);
    if (!/^\d+$/.test(maxBytes) || n < 1024) {
      throw new Error('--max-message-bytes must be at least 1024.');
    }
    options.maxMessageBytes = n;
  }
  return options;
}
