import { describe, expect, it } from 'vitest';
import { emptyDeclareDraft, isBlankDeclareDraft, parseDeclareDraft } from './ui-store';

describe('Declare dialog drafts', () => {
  it('round-trips through the drafts table text', () => {
    const draft = {
      ...emptyDeclareDraft('2026-11-22T14:00'),
      title: 'Checkout errors',
      severity: 'SEV2' as const,
      services: ['checkout-api'],
      customerFacing: true,
    };
    expect(parseDeclareDraft(JSON.stringify(draft))).toEqual(draft);
  });

  it('reads damaged or foreign text as no draft, and never throws', () => {
    for (const text of ['', '{', 'null', '42', '{"title": 3}', '[]']) {
      expect(parseDeclareDraft(text), text).toBeNull();
    }
    expect(parseDeclareDraft('{"title":"x","severity":"SEV9","services":[1,"a"]}')).toMatchObject({
      title: 'x',
      severity: '',
      services: ['a'],
    });
  });

  it('does not keep a draft with nothing typed', () => {
    expect(isBlankDeclareDraft(emptyDeclareDraft('2026-11-22T14:00'))).toBe(true);
    expect(isBlankDeclareDraft({ ...emptyDeclareDraft(''), impact: 'slow' })).toBe(false);
  });
});

describe('Declare drafts across a change of display zone', () => {
  const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } })
    .process.env;
  it('rewrites typed times for the new zone so they name the same instants', async () => {
    const { declareDraftInZone } = await import('./ui-store');
    const { resetLocalZoneCache } = await import('../../shared/logic/time');
    const saved = env.TZ;
    env.TZ = 'Europe/Berlin';
    resetLocalZoneCache();
    try {
      const typedInUtc = {
        ...emptyDeclareDraft('2026-01-15T12:00'),
        title: 'Checkout errors',
        startedText: '2026-01-15T11:50',
        startedTouched: true,
        detectedText: '2026-01-15T11:55',
        zone: 'utc' as const,
      };
      const local = declareDraftInZone(typedInUtc, 'local');
      expect(local).toMatchObject({
        zone: 'local',
        startedText: '2026-01-15T12:50',
        detectedText: '2026-01-15T12:55',
        acknowledgedText: '',
        title: 'Checkout errors',
      });
      expect(declareDraftInZone(local, 'local')).toBe(local);
      // An untouched start is "now", worked out in the form: it is not rewritten.
      const untouched = declareDraftInZone(
        { ...typedInUtc, startedTouched: false, startedText: '2026-01-15T12:00' },
        'local',
      );
      expect(untouched.startedText).toBe('2026-01-15T12:00');
      // A draft from before zones were recorded is taken as typed in the current zone.
      expect(declareDraftInZone({ ...typedInUtc, zone: null }, 'local').startedText).toBe(
        '2026-01-15T11:50',
      );
      // The zone and the time of the last change survive the drafts table.
      const back = parseDeclareDraft(JSON.stringify({ ...local, savedAt: 123 }));
      expect(back).toMatchObject({ zone: 'local', savedAt: 123 });
    } finally {
      if (saved === undefined) delete env.TZ;
      else env.TZ = saved;
      resetLocalZoneCache();
    }
  });
});
