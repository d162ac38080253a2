/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import electron from 'vite-plugin-electron';
import { contentSecurityPolicyPlugin } from './scripts/csp-plugin.ts';

/**
 * Lets the browser fetch the app's start-up code while it is still loading the tiny entry.
 *
 * The entry (renderer/boot.ts) must `import()` the app (zod's jitless switch has to be set
 * first), and Vite preloads a dynamic import's chunks only when that import runs: the app's
 * scripts and stylesheet were requested one round trip after the entry had been fetched and
 * run. This adds `<link rel="modulepreload">` for the chunk the entry imports and every chunk it
 * imports statically, and the stylesheet they need, to the built index.html, so all of them load
 * in parallel with the entry. Preloading fetches and compiles; nothing runs before the entry
 * does, so the order of evaluation is unchanged. Chunks loaded later (lazy pages) are left out.
 */
function preloadStartupChunks(): Plugin {
  return {
    name: 'warroom-preload-startup-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        const entry = ctx.chunk;
        if (!bundle || !entry) return html;
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (file: string): void => {
          const chunk = bundle[file];
          if (!chunk || chunk.type !== 'chunk' || scripts.has(file)) return;
          scripts.add(file);
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          for (const dep of chunk.imports) visit(dep);
        };
        for (const file of [...entry.imports, ...entry.dynamicImports]) visit(file);
        // Files the page already loads (the entry, Vite's own preloads) are not added twice.
        const fresh = (f: string) => !html.includes(`/${f}"`);
        const tags = [
          ...[...styles]
            .filter(fresh)
            .map((f) => `<link rel="stylesheet" crossorigin href="./${f}">`),
          ...[...scripts]
            .filter(fresh)
            .map((f) => `<link rel="modulepreload" crossorigin href="./${f}">`),
        ];
        return html.replace(/\n?\s*<\/head>/, `\n    ${tags.join('\n    ')}\n  </head>`);
      },
    },
  };
}

/**
 * One config for the renderer (browser and desktop), the Electron main and preload bundles,
 * and Vitest's three unit-test projects.
 *
 * The Electron plugin is added only for `--mode electron` (used by `npm start` and packaging),
 * so `npm run web`, Vitest and Playwright never try to launch Electron.
 *
 * Every build's index.html carries the app's Content-Security-Policy as a <meta> tag, and the
 * preview server behind `npm run web` sends it as a header (scripts/csp-plugin.ts).
 */
export default defineConfig(({ mode }) => {
  const forElectron = mode === 'electron';
  return {
    root: 'renderer',
    base: './',
    publicDir: false,
    build: {
      outDir: '../dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
    },
    server: { host: '127.0.0.1', port: 5173, strictPort: true },
    preview: { host: '127.0.0.1', port: 5173, strictPort: true },
    plugins: [
      react(),
      preloadStartupChunks(),
      // The app's CSP as a <meta> tag in the built page and a header from `npm run web`.
      contentSecurityPolicyPlugin(),
      forElectron &&
        electron([
          {
            entry: 'electron/main/index.ts',
            vite: {
              root: '.',
              build: {
                outDir: 'dist-electron/main',
                emptyOutDir: true,
                sourcemap: true,
                rolldownOptions: {
                  external: ['electron'],
                  output: { format: 'es', entryFileNames: 'index.js' },
                },
              },
            },
          },
          {
            // The relay the desktop hosts (Host war room), run by main in a utility process so a
            // relay crash cannot take a window down. One ES module with its dependencies
            // bundled: the packaged app carries no node_modules (electron-builder.yml).
            vite: {
              root: '.',
              build: {
                outDir: 'dist-electron/relay',
                emptyOutDir: true,
                sourcemap: true,
                rolldownOptions: {
                  input: 'relay/utility-entry.ts',
                  external: ['electron'],
                  output: {
                    format: 'es',
                    entryFileNames: 'utility-entry.mjs',
                    codeSplitting: false,
                  },
                },
              },
            },
          },
          {
            // No `entry` here: it turns on library mode, whose output format follows
            // package.json's "type": "module" (ES) and wins over `output.format` below.
            vite: {
              root: '.',
              build: {
                outDir: 'dist-electron/preload',
                emptyOutDir: true,
                sourcemap: 'inline',
                minify: false,
                // Sandboxed preloads must be a single CommonJS file.
                rolldownOptions: {
                  input: 'electron/preload/index.ts',
                  external: ['electron'],
                  output: { format: 'cjs', entryFileNames: 'index.cjs', codeSplitting: false },
                },
              },
            },
          },
        ]),
    ],
    test: {
      root: '.',
      // For tests that hang, not a speed check (speed is `npm run bench`'s). Component tests
      // (render, fake-indexeddb, wait) and property tests (fast-check, 100 runs) take 1–2 s on
      // a quiet machine and went over Vitest's 5 s default on a loaded one. Every project
      // inherits these (`extends: true`).
      testTimeout: 30_000,
      hookTimeout: 30_000,
      projects: [
        {
          extends: true,
          test: {
            name: 'shared',
            root: '.',
            environment: 'node',
            include: ['shared/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/bench/**/*.test.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'electron',
            root: '.',
            environment: 'node',
            include: ['electron/**/*.test.ts', 'resources/**/*.test.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'renderer',
            root: '.',
            environment: 'jsdom',
            include: ['renderer/**/*.test.{ts,tsx}'],
            setupFiles: ['renderer/test-setup.ts'],
          },
        },
      ],
    },
  };
});
