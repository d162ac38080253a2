import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RESOLVED } from '../../../shared/render/testing/fixture';
import { declareIncident } from '../../db/repo/incidents';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { renderWithDb, unmountThenClose } from '../../db/testing-render';
import { writesUnderWay } from '../../db/writes-settled';
import type { Platform } from '../../platform';
import { PlatformProvider } from '../../platform/platform-context';
import { useUiStore } from '../../store/ui-store';
import { MetricsPage } from './metrics-page';

const MINUTE = 60_000;
const resolvedAt = RESOLVED.milestones.resolved ?? 0;

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
  await db.incidents.add(RESOLVED);
  act(() => useUiStore.getState().tick(resolvedAt + 5 * MINUTE));
});
afterEach(() => {
  vi.restoreAllMocks();
  unmountThenClose(db);
});

/** The Count cell of the copied metrics table's row for `severity`. */
function countOf(markdown: string, severity: string): string | undefined {
  const row = markdown.split('\n').find((l) => l.startsWith(`| ${severity} |`));
  return row?.split('|').map((c) => c.trim())[2];
}

describe('Metrics: Copy as Markdown right after a change', { timeout: 20_000 }, () => {
  it('counts an incident declared a moment before, in the table and in a chart', async () => {
    const copy = vi.fn((_p: { text: string }) =>
      Promise.resolve({ ok: true as const, value: undefined }),
    );
    renderWithDb(
      db,
      <PlatformProvider platform={{ kind: 'browser', copy } as unknown as Platform}>
        <MetricsPage />
      </PlatformProvider>,
    );
    await screen.findByRole('heading', { name: 'Patterns' });
    const startedAt = resolvedAt + MINUTE;
    act(() => {
      void declareIncident(
        db,
        { title: 'Login errors', severity: 'SEV3', startedAt },
        { now: startedAt + MINUTE, author: 'Sam' },
      );
      fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown: metrics table' }));
      fireEvent.click(
        screen.getByRole('button', {
          name: 'Copy as Markdown: Incidents by hour of day (UTC)',
        }),
      );
    });
    expect(writesUnderWay(db)).toBeGreaterThan(0);
    await waitFor(() => expect(copy).toHaveBeenCalledTimes(2));
    const texts = copy.mock.calls.map((c) => c[0].text);
    const table = texts.find((t) => t.includes('Incident metrics'))!;
    expect(countOf(table, 'All')).toBe('2');
    expect(countOf(table, 'SEV3')).toBe('1');
    const hours = texts.find((t) => t.includes('Hour (UTC)'))!;
    const hour = new Date(startedAt).getUTCHours();
    const sameHour = new Date(RESOLVED.milestones.started ?? 0).getUTCHours() === hour ? 2 : 1;
    const two = (n: number) => String(n).padStart(2, '0');
    expect(hours).toContain(`| ${two(hour)}:00–${two(hour)}:59 | ${sameHour} |`);
  });
});
