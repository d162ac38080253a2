// Builds the renderer for the browser and serves it on 127.0.0.1 (PORT or --port overrides 5173).
// Every response carries the app's Content-Security-Policy and security headers, and the built
// page a CSP <meta> tag: both come from the plugin in vite.config.ts (scripts/csp-plugin.ts),
// which `build` and `preview` below load with the rest of the config.
import { resolve } from 'node:path';
import { build, preview } from 'vite';

const flag = process.argv.indexOf('--port');
const port = Number(flag > -1 ? process.argv[flag + 1] : (process.env.PORT ?? 5173));
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`Warroom: "${process.env.PORT}" is not a valid port number.`);
  process.exit(1);
}

// --out-dir lets test runs build into a folder of their own (default: dist/).
const outFlag = process.argv.indexOf('--out-dir');
const outDir = outFlag > -1 ? resolve(process.argv[outFlag + 1] ?? 'dist') : resolve('dist');

await build({ mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await preview({
  build: { outDir },
  preview: { host: '127.0.0.1', port, strictPort: true },
});
console.log(`Warroom is running at http://127.0.0.1:${port} (press Ctrl+C to stop)`);
const stop = () => {
  void server.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
