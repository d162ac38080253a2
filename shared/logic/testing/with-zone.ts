/**
 * Test-only: runs a describe block with the machine's time zone set (as Playwright's
 * `timezoneId` does for a browser context). Node re-reads `process.env.TZ` when it is assigned,
 * for Date and Intl alike. shared/ is type-checked without Node's types, hence the small cast.
 */
import { afterEach, beforeEach } from 'vitest';
import { resetLocalZoneCache } from '../time';

const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } })
  .process.env;

/** Sets the zone (an IANA name, e.g. "America/New_York") before each test, restores it after. */
export function withZone(zone: string): void {
  let saved: string | undefined;
  beforeEach(() => {
    saved = env.TZ;
    env.TZ = zone;
    resetLocalZoneCache();
  });
  afterEach(() => {
    if (saved === undefined) delete env.TZ;
    else env.TZ = saved;
    resetLocalZoneCache();
  });
}
