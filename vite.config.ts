/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import electron from 'vite-plugin-electron';
import { contentSecurityPolicyPlugin } from './scripts/csp-plugin.ts';

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
