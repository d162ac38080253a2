import { defineConfig } from '@playwright/test';

// A port (and build folder) of this run's own, so parallel runs on one machine never share a
// server or overwrite each other's build. Workers inherit the variable from the main process.
// Chromium refuses to load a few ports (net::ERR_UNSAFE_PORT); SIP's 5060 and 5061 fall in this
// range, so a run whose pid lands there takes the next free pair instead.
const UNSAFE_PORTS = new Set([5060, 5061]);
let ownPort = 4300 + (process.pid % 1000);
while (UNSAFE_PORTS.has(ownPort)) ownPort += 2;
process.env.E2E_PORT ??= String(ownPort);
const port = Number(process.env.E2E_PORT);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * End-to-end tests drive the browser build in Debian's Chromium (Playwright cannot download its
 * own browsers on our machines). Each test gets a fresh browser context, so a fresh IndexedDB.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: `test-results/${port}`,
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  // Limits for journeys that hang, not speed checks (speed is `npm run bench`'s). With two
  // CPU-bound processes beside `npm test` (TESTING.md), four journeys that pass in 8–20 s on a
  // quiet machine failed on the 5 s wait for a state (a logged row, the palette's field) or on
  // the 30 s journey limit; with a second test run beside those, the 25 s draft, edit and undo
  // journey (three reloads) went over 60 s. Every test waits on state, so a quiet run is not
  // slowed by these; journeys known to be long set 180 s or more of their own.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node scripts/web.mjs --port ${port} --out-dir .e2e-dist/${port}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
