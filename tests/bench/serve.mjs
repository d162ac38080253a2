// Builds the browser build into a folder of the bench's own and serves it on 127.0.0.1.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';

/**
 * Builds, adds a blank page and the stack floor (the launch's floors) and serves; returns the URL
 * and a closer.
 */
export async function buildAndServe() {
  const outDir = resolve('.bench-dist');
  // BENCH_NO_MINIFY=1: readable function names in CPU profiles (figures not comparable).
  const minify = process.env.BENCH_NO_MINIFY ? { minify: false } : {};
  await build({
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, ...minify },
  });
  writeFileSync(
    join(outDir, 'blank.html'),
    '<!doctype html><html><head><title>blank</title></head><body></body></html>',
  );
  // The launch's stack floors: React and Dexie reading an empty table (stack-floor/main.js), and
  // React alone (stack-floor/react-only.js).
  const stackRoot = resolve('tests/bench/stack-floor');
  await build({
    configFile: false,
    root: stackRoot,
    base: './',
    logLevel: 'warn',
    build: {
      outDir: join(outDir, 'stack-floor'),
      emptyOutDir: true,
      rollupOptions: {
        input: {
          index: join(stackRoot, 'index.html'),
          'react-only': join(stackRoot, 'react-only.html'),
        },
      },
    },
  });
  const port = 5900 + (process.pid % 90);
  const server = await preview({
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true },
    logLevel: 'warn',
  });
  return { baseURL: `http://127.0.0.1:${port}`, outDir, close: () => server.close() };
}

/**
 * Gzipped size in bytes of the code loaded before the app can start (the initial chunk): the
 * scripts index.html loads and preloads, the chunks they import statically, and the chunk the
 * entry itself imports at once (renderer/boot.ts sets zod's jitless switch, then `import()`s the
 * app: that import is part of start-up, not a page loaded later).
 */
export async function bundleSize(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]+src="\.?\/?([^"]+)"/g)].map((m) => m[1]);
  const preloads = [
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+)"/g),
  ].map((m) => m[1]);
  const seen = new Set();
  const queue = [
    ...srcs.map((f) => ({ file: f, entry: true })),
    ...preloads.map((f) => ({ file: f, entry: false })),
  ];
  let total = 0;
  while (queue.length) {
    const { file, entry } = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(outDir, file), 'utf8');
    total += gzipSync(code).length;
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    const refs = [...code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)].map(
      (m) => m[1],
    );
    // The entry's dynamic import of the app, and the chunks Vite preloads with it (__vite__mapDeps).
    if (entry) refs.push(...[...code.matchAll(/["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => m[1]));
    for (const ref of refs) queue.push({ file: dir + ref, entry: false });
  }
  if (total === 0) {
    for (const f of readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js')))
      total += gzipSync(readFileSync(join(outDir, 'assets', f))).length;
  }
  return total;
}
