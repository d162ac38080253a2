import { act, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RESOLVED } from '../../../shared/render/testing/fixture';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { renderWithDb, unmountThenClose } from '../../db/testing-render';
import { createBrowserPlatform } from '../../platform/browser';
import { PlatformProvider } from '../../platform/platform-context';
import { useUiStore } from '../../store/ui-store';
import { MetricsPage } from './metrics-page';

const MINUTE = 60_000;

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
  await db.incidents.add(RESOLVED);
});
afterEach(() => unmountThenClose(db));

describe('MetricsPage', { timeout: 20_000 }, () => {
  it('renders once a minute, not on every tick of the shared clock', async () => {
    const minuteStart =
      Math.floor((RESOLVED.milestones.resolved ?? 0) / MINUTE) * MINUTE + 5 * MINUTE;
    act(() => useUiStore.getState().tick(minuteStart + 1_000));
    let commits = 0;
    renderWithDb(
      db,
      <PlatformProvider platform={createBrowserPlatform(window)}>
        <Profiler id="metrics" onRender={() => commits++}>
          <MetricsPage />
        </Profiler>
      </PlatformProvider>,
    );
    await screen.findByRole('table', { name: /Incident metrics by severity/ });
    await screen.findByRole('heading', { name: 'Patterns' });
    const settled = commits;
    // 58 ticks inside the same minute: nothing on the page changes, so nothing renders.
    for (let s = 2; s < 60; s++) act(() => useUiStore.getState().tick(minuteStart + s * 1_000));
    expect(commits).toBe(settled);
    // The next minute does render (the figures are recomputed for it).
    act(() => useUiStore.getState().tick(minuteStart + MINUTE));
    expect(commits).toBeGreaterThan(settled);
  });
});
