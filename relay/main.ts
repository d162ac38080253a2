import { HELP, optionsFrom } from './options';
import { startRelay } from './relay';

/**
 * `npm run relay`: a Warroom relay as a plain Node process (or container). Prints exactly one
 * line to stdout, `Join code: warroom:…`, once listening; diagnostics go to stderr. SIGTERM or
 * SIGINT stores every document, then exits 0. Exits 1 with a message on stderr when it cannot
 * start (bad flags, port taken, unreadable TLS files, state folder not writable).
 */

function fail(message: string): never {
  process.stderr.write(`relay: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let options;
  try {
    options = optionsFrom(process.argv.slice(2), process.env);
  } catch (error) {
    fail(`${(error as Error).message}\n\n${HELP}`);
  }
  if (options === 'help') {
    process.stdout.write(HELP);
    return;
  }
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
