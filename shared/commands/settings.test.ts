import { describe, expect, it } from 'vitest';
import { RepoError } from './refusal';
import { saveSetting } from './settings';

describe('saveSetting', () => {
  it.each([
    ['timeZone', 'local'],
    ['theme', 'light'],
    ['me', 'Alice'],
    ['hypothesisTimeboxMinutes', 20],
  ] as const)('saves %s as one settings row', (key, value) => {
    expect(saveSetting(key, value)).toEqual({ settings: { updated: [{ key, value }] } });
  });

  it.each([
    ['timeZone', 'mars'],
    ['hypothesisTimeboxMinutes', 0],
    ['icNudgeHours', -1],
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
});
