/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import electron from 'vite-plugin-electron';

/**
 * One config for the renderer (browser and desktop), the Electron main and preload bundles,
 * and Vitest's three unit-test projects.
 *
 * The Electron plugin is added only for `--mode electron` (used by `npm start` and packaging),
 * so `npm run web`, Vitest and Playwright never try to launch Electron.
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
            entry: 'electron/preload/index.ts',
            vite: {
              root: '.',
              build: {
                outDir: 'dist-electron/preload',
                emptyOutDir: true,
                sourcemap: 'inline',
                // Sandboxed preloads must be a single CommonJS file.
                rolldownOptions: {
                  external: ['electron'],
                  output: {
                    format: 'cjs',
                    entryFileNames: 'index.cjs',
                    inlineDynamicImports: true,
                  },
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
            include: ['shared/**/*.test.ts', 'scripts/**/*.test.ts'],
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
