import { describe, expect, it } from 'vitest';
import { RepoError } from './refusal';
import { saveSetting } from './settings';

describe('saveSetting', () => {
  it.each([
    ['timeZone', 'local'],
    ['theme', 'light'],
    ['me', 'Alice'],
    ['hypothesisTimeboxMinutes', 20],
    ['hypothesisTimeboxMinutes', 1440],
    ['cadenceMinutes', { SEV1: 15, SEV2: 30, SEV3: 120, SEV4: 1440 }],
    ['icNudgeHours', 0.5],
    ['icNudgeHours', 24],
  ] as const)('saves %s as one settings row', (key, value) => {
    expect(saveSetting(key, value)).toEqual({ settings: { updated: [{ key, value }] } });
  });

  it.each([
    ['timeZone', 'mars'],
    ['hypothesisTimeboxMinutes', 0],
    ['icNudgeHours', -1],
    // Absurd figures that silently switched reminders, timeboxes or nudges off.
    ['cadenceMinutes', { SEV1: 100_000_000, SEV2: 30, SEV3: 120, SEV4: 1440 }],
    ['cadenceMinutes', { SEV1: 1e9, SEV2: 30, SEV3: 120, SEV4: 1440 }],
    ['cadenceMinutes', { SEV1: 15, SEV2: 30, SEV3: 120, SEV4: 1441 }],
    ['cadenceMinutes', { SEV1: 1.5, SEV2: 30, SEV3: 120, SEV4: 1440 }],
    ['cadenceMinutes', { SEV1: Infinity, SEV2: 30, SEV3: 120, SEV4: 1440 }],
    ['hypothesisTimeboxMinutes', 1441],
    ['hypothesisTimeboxMinutes', 2.5],
    ['icNudgeHours', 25],
    ['icNudgeHours', 0.1],
    ['icNudgeHours', Infinity],
    ['icNudgeHours', NaN],
  ] as const)('refuses an invalid %s, naming the key', (key, value) => {
    let error: unknown;
    try {
      saveSetting(key, value as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RepoError);
    expect((error as RepoError).field).toBe(key);
  });

  it('says the cadence bound in words', () => {
    expect(() =>
      saveSetting('cadenceMinutes', { SEV1: 100_000_000, SEV2: 30, SEV3: 120, SEV4: 1440 }),
    ).toThrow('An update cadence is at most 1440 minutes (24 hours).');
  });
});
