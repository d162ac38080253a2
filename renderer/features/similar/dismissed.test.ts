import { beforeEach, describe, expect, it, vi } from 'vitest';

describe('similar incidents dismissal', () => {
  beforeEach(() => {
    vi.resetModules();
    localStorage.clear();
  });

  it('is kept per incident across a reload of the module, and can be undone', async () => {
    const first = await import('./dismissed');
    first.setSimilarDismissed('a', true);
    first.setSimilarDismissed('b', true);
    first.setSimilarDismissed('b', false);
    vi.resetModules();
    const again = await import('./dismissed');
    expect(again.isSimilarDismissed('a')).toBe(true);
    expect(again.isSimilarDismissed('b')).toBe(false);
  });

  it('never writes over a choice another window made meanwhile', async () => {
    const windowA = await import('./dismissed');
    windowA.isSimilarDismissed('x');
    vi.resetModules();
    const windowB = await import('./dismissed');
    windowB.isSimilarDismissed('y');
    windowA.setSimilarDismissed('x', true);
    windowB.setSimilarDismissed('y', true);
    expect(windowA.isSimilarDismissed('y')).toBe(true);
    expect(windowB.isSimilarDismissed('x')).toBe(true);
  });

  it('keeps only the newest ids and survives a corrupt or refusing storage', async () => {
    localStorage.setItem('warroom.similarIncidents.dismissed', '{not json');
    const m = await import('./dismissed');
    expect(m.isSimilarDismissed('x')).toBe(false);
    for (let i = 0; i <= m.MAX_DISMISSED; i++) m.setSimilarDismissed(`i${i}`, true);
    expect(m.isSimilarDismissed('i0')).toBe(false);
    expect(m.isSimilarDismissed(`i${m.MAX_DISMISSED}`)).toBe(true);
    const spy = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    m.setSimilarDismissed('late', true);
    expect(m.isSimilarDismissed('late')).toBe(true);
    spy.mockRestore();
  });
});
