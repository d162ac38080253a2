// Builds the renderer for the browser and serves it on 127.0.0.1 (PORT or --port overrides 5173).
import { build, preview } from 'vite';

const flag = process.argv.indexOf('--port');
const port = Number(flag > -1 ? process.argv[flag + 1] : (process.env.PORT ?? 5173));
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`Warroom: "${process.env.PORT}" is not a valid port number.`);
  process.exit(1);
}

await build({ mode: 'production', logLevel: 'warn' });
const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: true } });
console.log(`Warroom is running at http://127.0.0.1:${port} (press Ctrl+C to stop)`);
const stop = () => {
  void server.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
