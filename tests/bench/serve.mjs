// Builds the browser build into a folder of the bench's own and serves it on 127.0.0.1.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';

/** Builds, adds a blank page (the launch floor) and serves; returns the URL and a closer. */
export async function buildAndServe() {
  const outDir = resolve('.bench-dist');
  await build({ mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  writeFileSync(
    join(outDir, 'blank.html'),
    '<!doctype html><html><head><title>blank</title></head><body></body></html>',
  );
  const port = 5900 + (process.pid % 90);
  const server = await preview({
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true },
    logLevel: 'warn',
  });
  return { baseURL: `http://127.0.0.1:${port}`, outDir, close: () => server.close() };
}

/** Gzipped size in bytes of the scripts index.html loads up front (the initial chunk). */
export async function bundleSize(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]+src="\.?\/?([^"]+)"/g)].map((m) => m[1]);
  const preloads = [
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+)"/g),
  ].map((m) => m[1]);
  let total = 0;
  for (const file of [...srcs, ...preloads])
    total += gzipSync(readFileSync(join(outDir, file))).length;
  if (total === 0) {
    for (const f of readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js')))
      total += gzipSync(readFileSync(join(outDir, 'assets', f))).length;
  }
  return total;
}
