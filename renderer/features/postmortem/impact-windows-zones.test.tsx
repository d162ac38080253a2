import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImpactWindow } from '../../../shared/domain/records';
import { withZone } from '../../../shared/logic/testing/with-zone';
import { ImpactWindows } from './structure-fields';

afterEach(cleanup);

/**
 * Impact window times typed in local time on the night Berlin's clocks go back (25 October
 * 2026, 03:00 CEST → 02:00 CET: 02:30 happens at 00:30 UTC, then at 01:30 UTC) and on the day
 * they go forward (29 March 2026: 02:30 never happens). The same field rules as every other
 * date-and-time field: asked, not refused in general words.
 */
describe('ImpactWindows in local time (Europe/Berlin)', () => {
  withZone('Europe/Berlin');
  const incident = {
    createdAt: Date.UTC(2026, 9, 24, 23, 0),
    milestones: { started: Date.UTC(2026, 9, 24, 23, 0), mitigated: Date.UTC(2026, 9, 25, 3, 0) },
  };

  function editor(windows: ImpactWindow[] = []): ImpactWindow[][] {
    const saved: ImpactWindow[][] = [];
    render(
      <ImpactWindows
        incident={incident}
        windows={windows}
        affectedUsers={null}
        affectedRecords={null}
        timeZone="local"
        now={Date.UTC(2026, 9, 25, 6, 0)}
        onWindows={(next) => saved.push(next)}
        onCounts={() => undefined}
      />,
    );
    return saved;
  }

  it('asks which 02:30 a start means, and saves the window only once one is chosen', () => {
    const saved = editor();
    fireEvent.click(screen.getByRole('button', { name: 'Add impact window' }));
    expect(screen.getByLabelText('Window 1 start')).toHaveValue('2026-10-25T01:00');
    expect(screen.getByLabelText('Window 1 end')).toHaveValue('2026-10-25T04:00');
    const before = saved.length;

    const start = screen.getByLabelText('Window 1 start');
    fireEvent.change(start, { target: { value: '2026-10-25T02:30' } });
    expect(saved).toHaveLength(before);
    expect(start).toHaveAttribute('aria-invalid', 'true');
    expect(start).toHaveAccessibleDescription(/happened twice.*Choose one below\./);
    expect(start).toHaveValue('2026-10-25T02:30');

    const which = screen.getByRole('group', { name: 'Which time?' });
    fireEvent.click(within(which).getByRole('radio', { name: '02:30 UTC+01:00 (second)' }));
    expect(saved.at(-1)).toMatchObject([
      { start: Date.UTC(2026, 9, 25, 1, 30), end: Date.UTC(2026, 9, 25, 3, 0) },
    ]);
    expect(start).not.toHaveAttribute('aria-invalid');
    // The text stays as typed, and the choice stays made.
    expect(start).toHaveValue('2026-10-25T02:30');
    expect(within(which).getByRole('radio', { name: '02:30 UTC+01:00 (second)' })).toBeChecked();
  });

  it('starts a stored window in the repeated hour from the instant stored', () => {
    const first = Date.UTC(2026, 9, 25, 0, 30);
    editor([{ id: 'w1', kind: 'outage', start: first, end: Date.UTC(2026, 9, 25, 3, 0) }]);
    expect(screen.getByLabelText('Window 1 start')).toHaveValue('2026-10-25T02:30');
    expect(screen.getByRole('radio', { name: '02:30 UTC+02:00 (first)' })).toBeChecked();
    expect(screen.getByLabelText('Window 1 start')).not.toHaveAttribute('aria-invalid');
  });

  it('refuses an end the clocks skipped with its reason, the text kept', () => {
    const saved = editor();
    fireEvent.click(screen.getByRole('button', { name: 'Add impact window' }));
    const before = saved.length;
    const end = screen.getByLabelText('Window 1 end');
    fireEvent.change(end, { target: { value: '2026-03-29T02:30' } });
    expect(saved).toHaveLength(before);
    expect(end).toHaveAccessibleDescription(/2026-03-29 02:30 did not happen in Europe\/Berlin/);
    expect(end).toHaveValue('2026-03-29T02:30');
  });
});
