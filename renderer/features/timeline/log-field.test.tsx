import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Incident } from '../../../shared/domain/incident';
import { loadDraft, saveDraft, timelineDraftKey, timelineHeldDraftKey } from '../../db/repo/drafts';
import type { WarroomDb } from '../../db/schema';
import { failWritesTo } from '../../db/test-db';
import { dbWithIncident } from '../../db/testing';
import { renderWithDb, unmountThenClose } from '../../db/testing-render';
import { subscribeChanges, type ChangeEvent } from '../../db/commit';
import { LogField } from './log-field';

let db: WarroomDb;
let incident: Incident;
beforeEach(async () => {
  ({ db, incident } = await dbWithIncident(
    { title: 'Checkout API errors', severity: 'SEV2', startedAt: Date.now() - 60_000 },
    { now: Date.now(), author: 'Sam' },
  ));
});
afterEach(() => unmountThenClose(db));

function renderField() {
  renderWithDb(
    db,
    <LogField
      incident={incident}
      timeZone="utc"
      timeboxMinutes={15}
      customRoles={[]}
      onHelp={() => undefined}
      onLogged={() => undefined}
    />,
  );
  return screen.getByLabelText('Log entry');
}

const texts = async () =>
  (await db.timelineEntries.where('incidentId').equals(incident.id).toArray())
    .filter((e) => e.kind !== 'system')
    .map((e) => [e.kind, e.text]);

describe('LogField', () => {
  it('commits on Enter after the write, clears the field and keeps focus', async () => {
    const user = userEvent.setup();
    const field = renderField();
    await user.click(field);
    await user.keyboard('f: pool at 100%{Enter}');
    await waitFor(() => expect(field).toHaveValue(''));
    expect(await texts()).toEqual([['finding', 'pool at 100%']]);
    expect(field).toHaveFocus();
  });

  it('adds a new line on Shift+Enter without committing', async () => {
    const user = userEvent.setup();
    const field = renderField();
    await user.click(field);
    await user.keyboard('first{Shift>}{Enter}{/Shift}second');
    expect(field).toHaveValue('first\nsecond');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(field).toHaveValue(''));
    expect(await texts()).toEqual([['note', 'first\nsecond']]);
  });

  it('keeps the text and shows the usage for a bad command', async () => {
    const user = userEvent.setup();
    const field = renderField();
    await user.click(field);
    await user.keyboard('/sev 9 why{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Give the new severity as 1–4');
    expect(alert).toHaveTextContent('/sev <1-4> <reason>');
    expect(field).toHaveValue('/sev 9 why');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();
  });

  it('commits a plain entry as one change set: pending first, then committed with the row', async () => {
    const calls: [string, string][] = [];
    const events = (e: ChangeEvent) =>
      e.changeSet.changes.timelineEntries?.added?.forEach((row) =>
        calls.push([e.status, row.text]),
      );
    const stop = subscribeChanges(db, events);
    const user = userEvent.setup();
    const field = renderField();
    await user.click(field);
    await user.keyboard('d: roll back{Enter}');
    await waitFor(() => expect(field).toHaveValue(''));
    stop();
    expect(calls).toEqual([
      ['pending', 'roll back'],
      ['committed', 'roll back'],
    ]);
    expect(await texts()).toEqual([['decision', 'roll back']]);
  });

  it('keeps the text with the error when the write fails, and stores nothing', async () => {
    // The disk is full: the native transaction cannot even start.
    const failing = {
      transaction: () => {
        throw new DOMException('The disk is full.', 'QuotaExceededError');
      },
    } as unknown as IDBDatabase;
    const spy = vi.spyOn(db, 'backendDB').mockReturnValue(failing);
    const failed = vi.fn();
    const written = vi.fn();
    const stop = subscribeChanges(db, (e) => {
      if (e.status === 'failed') failed();
      if (e.status === 'committed') written();
    });
    const user = userEvent.setup();
    const field = renderField();
    await user.click(field);
    await user.keyboard('d: roll back{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Not saved: the disk is full. Free some space: Warroom keeps trying and saves again by itself. Your text is kept here.',
    );
    expect(field).toHaveValue('d: roll back');
    expect(field).toHaveFocus();
    expect(failed).toHaveBeenCalledOnce();
    expect(written).not.toHaveBeenCalled();
    stop();
    spy.mockRestore();
    expect(await texts()).toEqual([]);
  });

  it('keeps the text with the error when a command fails', async () => {
    const restore = failWritesTo('hypotheses', new Error('disk full'));
    const user = userEvent.setup();
    const field = renderField();
    await user.click(field);
    await user.keyboard('h: cache stampede{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved: the disk is full.');
    expect(field).toHaveValue('h: cache stampede');
    restore();
    expect(await texts()).toEqual([]);
  });

  it('removes the draft it restored in the same write as the entry', async () => {
    const key = timelineDraftKey(incident.id);
    await saveDraft(db, key, 'f: replica lag 40 s', Date.now());
    const field = renderField();
    await waitFor(() => expect(field).toHaveValue('f: replica lag 40 s'));
    const user = userEvent.setup();
    await user.click(field);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(field).toHaveValue(''));
    expect(await loadDraft(db, key)).toBe('');
    expect(await texts()).toEqual([['finding', 'replica lag 40 s']]);
  });

  it('restores a saved draft and saves new typing after a pause', async () => {
    const key = timelineDraftKey(incident.id);
    await saveDraft(db, key, 'h: half-typed', Date.now());
    const field = renderField();
    await waitFor(() => expect(field).toHaveValue('h: half-typed'));
    const user = userEvent.setup();
    await user.click(field);
    await user.keyboard(' thought');
    await waitFor(() => expect(loadDraft(db, key)).resolves.toBe('h: half-typed thought'));
  });

  describe('lines held for a question (before the start)', () => {
    const heldLines = async () => {
      const text = await loadDraft(db, timelineHeldDraftKey(incident.id));
      return text
        ? (JSON.parse(text) as { lines: { line: string }[] }).lines.map((l) => l.line)
        : [];
    };
    const notice = () => screen.getByText(/Waiting for your answer below|Not logged yet/);
    /** Holds '-5m f: first alert', types the next line, and answers while the disk is full. */
    const failHeldSave = async () => {
      const user = userEvent.setup();
      const field = renderField();
      await user.click(field);
      await user.keyboard('-5m f: first alert{Enter}f: typing the next');
      const restore = failWritesTo(
        'timelineEntries',
        new DOMException('The disk is full.', 'QuotaExceededError'),
      );
      try {
        await user.click(screen.getByRole('button', { name: 'Log without moving' }));
        expect(await screen.findByRole('alert')).toHaveTextContent('Not saved');
      } finally {
        restore();
      }
      return { user, field };
    };

    it('come back held after a reload, each logged on its own, and the draft follows each answer', async () => {
      const user = userEvent.setup();
      let field = renderField();
      await user.click(field);
      await user.keyboard('-5m f: first alert{Enter}-10m a: paged db team{Enter}f: half');
      await waitFor(async () =>
        expect(await heldLines()).toEqual(['-5m f: first alert', '-10m a: paged db team']),
      );
      await waitFor(async () =>
        expect(await loadDraft(db, timelineDraftKey(incident.id))).toBe('f: half'),
      );

      // The window reloads.
      cleanup();
      field = renderField();
      await waitFor(() => expect(field).toHaveValue('f: half'));
      await waitFor(() =>
        expect(notice()).toHaveTextContent(
          'Waiting for your answer below: “-5m f: first alert” (1 more line after it)',
        ),
      );
      await user.click(screen.getByRole('button', { name: 'Log without moving' }));
      await waitFor(() => expect(notice()).toHaveTextContent('“-10m a: paged db team”'));
      // The answered line left the held lines' draft in the same write as its entry.
      expect(await texts()).toEqual([['finding', 'first alert']]);
      expect(await heldLines()).toEqual(['-10m a: paged db team']);
      await user.click(screen.getByRole('button', { name: 'Log without moving' }));
      await waitFor(() => expect(screen.queryByText(/Waiting for your answer/)).toBeNull());
      expect(await texts()).toEqual([
        ['finding', 'first alert'],
        ['action', 'paged db team'],
      ]);
      expect(await heldLines()).toEqual([]);
      expect(field).toHaveValue('f: half');
    });

    it('stay on disk while the next line is logged from the field', async () => {
      const user = userEvent.setup();
      const field = renderField();
      await user.click(field);
      await user.keyboard('-5m f: first alert{Enter}');
      await waitFor(async () => expect(await heldLines()).toEqual(['-5m f: first alert']));
      await user.keyboard('f: replica lag 40 s{Enter}');
      await waitFor(() => expect(field).toHaveValue(''));
      // At once, not only after the next draft save: the field's write did not touch them.
      expect(await heldLines()).toEqual(['-5m f: first alert']);
      expect(await texts()).toEqual([['finding', 'replica lag 40 s']]);
    });

    it('Edit the line after a failed save takes the failure with it: nothing is retried in its place', async () => {
      const { user, field } = await failHeldSave();
      await user.click(screen.getByRole('button', { name: 'Edit the line' }));
      expect(field).toHaveValue('-5m f: first alert\nf: typing the next');
      expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
      expect(await texts()).toEqual([]);
    });

    it('one whose save fails waits again, first in line, and Retry logs it alone', async () => {
      const { user, field } = await failHeldSave();
      // Not pushed into the field in front of the next line (where one Enter would glue them).
      expect(field).toHaveValue('f: typing the next');
      expect(notice()).toHaveTextContent('Not logged yet: “-5m f: first alert”');
      await waitFor(async () => expect(await heldLines()).toEqual(['-5m f: first alert']));
      await user.click(screen.getByRole('button', { name: 'Retry' }));
      await waitFor(() => expect(screen.queryByText(/Not logged yet/)).toBeNull());
      expect(await texts()).toEqual([['finding', 'first alert']]);
      expect(field).toHaveValue('f: typing the next');
      expect(await heldLines()).toEqual([]);
    });
  });
});
