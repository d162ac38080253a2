/*
 * The page's entry: sets what must be in place before any other module runs, then loads the app.
 *
 * The app runs under a CSP without 'unsafe-eval' (shared/security/csp.ts), so zod's optional
 * JIT (`new Function`) can never run; unless told `jitless`, zod probes for it the first time a
 * schema parses, and Chromium reports each probe as a CSP violation. Zod reads this global
 * config object when it loads, and some modules parse at import time, so it is set here, in a
 * module that imports nothing, before the app is imported. Parsing gives the same results.
 *
 * The database module is imported before the rest of the app and starts opening IndexedDB when
 * it is evaluated (features/shell/open-db.ts), so the open overlaps the evaluation of React and
 * the pages instead of following it. Both imports stay dynamic: the zod switch must come first.
 * (index.html preloads the app's start-up chunks, so the second import does not wait on the
 * network: see `preloadStartupChunks` in vite.config.ts.)
 */
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };

void import('./features/shell/open-db').finally(() => import('./main'));
