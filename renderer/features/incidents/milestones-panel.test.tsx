import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { INCIDENT } from '../../../shared/render/testing/fixture';
import { MilestonesPanel } from './milestones-panel';

const T = Date.UTC(2026, 10, 22, 14, 0);
const MIN = 60_000;

describe('MilestonesPanel', () => {
  it('names milestones already out of order (older data) instead of hiding it', () => {
    const incident = {
      ...INCIDENT,
      status: 'resolved' as const,
      milestones: { started: T + 50 * MIN, declared: T, resolved: T + 10 * MIN },
    };
    render(<MilestonesPanel incident={incident} zone="utc" />);
    expect(screen.getByRole('note').textContent).toBe(
      'Out of order (recorded before this was checked): Started must be at or before Declared ' +
        '(2026-11-22 14:00 UTC) and Resolved (2026-11-22 14:10 UTC). Durations that depend on it show as —.',
    );
  });

  it('shows no note when the milestones are in order', () => {
    const incident = { ...INCIDENT, milestones: { started: T, declared: T + MIN } };
    render(<MilestonesPanel incident={incident} zone="utc" />);
    expect(screen.queryByRole('note')).toBeNull();
  });
});
