import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Incident } from '../../../shared/domain/incident';
import {
  loadDraft,
  saveDraft,
  timelineDraftKey,
  timelineHeldDoneKey,
  timelineHeldDraftKey,
} from '../../db/repo/drafts';
import type { WarroomDb } from '../../db/schema';
import { failWritesTo } from '../../db/test-db';
import { dbWithIncident } from '../../db/testing';
import { renderWithDb, unmountThenClose } from '../../db/testing-render';
import { subscribeChanges, type ChangeEvent } from '../../db/commit';
import { replayUnloadJournal } from '../../db/unload-journal';
import { writesSettled } from '../../db/writes-settled';
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

function renderField(customRoles: readonly string[] = []) {
  renderWithDb(
    db,
    <LogField
      incident={incident}
      timeZone="utc"
      timeboxMinutes={15}
      customRoles={customRoles}
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
    const heldRow = () => loadDraft(db, timelineHeldDraftKey(incident.id));
    const prompt = () => screen.queryByRole('group', { name: 'Entry before the start' });
    /**
     * Holds '-5m f: first alert', types the next line, and answers (`answer`) while the disk is
     * full.
     */
    const failHeldSave = async (answer = 'Log without moving') => {
      const user = userEvent.setup();
      const field = renderField();
      await user.click(field);
      await user.keyboard('-5m f: first alert{Enter}f: typing the next');
      const restore = failWritesTo(
        'timelineEntries',
        new DOMException('The disk is full.', 'QuotaExceededError'),
      );
      try {
        await user.click(screen.getByRole('button', { name: answer }));
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

    it("a failed save stays the held line's own: logging the next line from the field does not ask it again", async () => {
      const { user, field } = await failHeldSave();
      // Enter logs the line typed meanwhile; the held line's failure is not the field's.
      await user.keyboard('{Enter}');
      await waitFor(() => expect(field).toHaveValue(''));
      expect(await texts()).toEqual([['finding', 'typing the next']]);
      expect(notice()).toHaveTextContent('Not logged yet: “-5m f: first alert”');
      expect(screen.getByRole('alert')).toHaveTextContent('Not saved: the disk is full.');
      expect(prompt()).toBeNull();
      const failed = screen.getByRole('group', { name: 'Not logged yet' });
      await user.click(within(failed).getByRole('button', { name: 'Retry' }));
      await waitFor(() => expect(screen.queryByText(/Not logged yet/)).toBeNull());
      expect(await texts()).toEqual([
        ['finding', 'typing the next'],
        ['finding', 'first alert'],
      ]);
      expect(prompt()).toBeNull();
      expect(await heldLines()).toEqual([]);
    });

    it('a failed save comes back after a reload with its answer: Retry moves the start and logs it, not asked again', async () => {
      await failHeldSave('Move start and log');
      // Its draft row says why it waits, and what was answered.
      await waitFor(async () => expect(await heldRow()).toContain('Not saved'));
      const start = (await db.incidents.get(incident.id))?.milestones.started;

      // The window reloads.
      cleanup();
      const field = renderField();
      await waitFor(() =>
        expect(notice()).toHaveTextContent('Not logged yet: “-5m f: first alert”'),
      );
      expect(screen.getByRole('alert')).toHaveTextContent('Not saved: the disk is full.');
      expect(prompt()).toBeNull();
      const user = userEvent.setup();
      await user.click(
        within(screen.getByRole('group', { name: 'Not logged yet' })).getByRole('button', {
          name: 'Retry',
        }),
      );
      await waitFor(() => expect(screen.queryByText(/Not logged yet/)).toBeNull());
      expect(prompt()).toBeNull();
      expect(await texts()).toEqual([['finding', 'first alert']]);
      const entry = (
        await db.timelineEntries.where('incidentId').equals(incident.id).toArray()
      ).find((e) => e.text === 'first alert');
      const moved = (await db.incidents.get(incident.id))?.milestones.started;
      expect(moved).toBe(entry?.occurredAt);
      expect(moved).toBeLessThan(start ?? 0);
      expect(await heldLines()).toEqual([]);
      expect(field).toHaveValue('f: typing the next');
    });

    it("marks the field invalid only for its own text: the held line's failure is described with it", async () => {
      const { field } = await failHeldSave();
      expect(field).toHaveValue('f: typing the next');
      expect(field).not.toHaveAttribute('aria-invalid');
      expect(field).not.toHaveAccessibleDescription(/Not saved|Not logged yet/);
      expect(screen.getByRole('group', { name: 'Not logged yet' })).toHaveAccessibleDescription(
        /^Not saved: the disk is full\./,
      );
    });

    it("a held line's refusal stays with it while the next line is typed, until the line is edited", async () => {
      const user = userEvent.setup();
      // A role the log knows but the incident does not have: the write refuses it.
      const field = renderField(['Vendor liaison']);
      await user.click(field);
      await user.keyboard('-5m /role vendor liaison Dana{Enter}');
      await user.click(screen.getByRole('button', { name: 'Log without moving' }));
      const refusal = await screen.findByRole('alert');
      expect(refusal).toHaveTextContent('Unknown role');
      expect(notice()).toHaveTextContent('Not logged yet: “-5m /role vendor liaison Dana”');
      await user.click(field);
      await user.keyboard('f: the next line');
      expect(screen.getByRole('alert')).toHaveTextContent('Unknown role');
      expect(notice()).toHaveTextContent('Not logged yet: “-5m /role vendor liaison Dana”');
      expect(field).not.toHaveAttribute('aria-invalid');
      await waitFor(async () => expect(await heldRow()).toContain('Unknown role'));
      // Edited: the line goes back in the field and its refusal with it.
      await user.click(screen.getByRole('button', { name: 'Cancel' }));
      expect(field).toHaveValue('-5m /role vendor liaison Dana\nf: the next line');
      expect(screen.queryByRole('alert')).toBeNull();
    });

    it("a held line logged does not clear the field's own failed save and its Retry", async () => {
      const user = userEvent.setup();
      const field = renderField();
      await user.click(field);
      await user.keyboard('-5m f: first alert{Enter}');
      const restore = failWritesTo(
        'timelineEntries',
        new DOMException('The disk is full.', 'QuotaExceededError'),
      );
      try {
        await user.keyboard('f: replica lag 40 s{Enter}');
        expect(await screen.findByRole('alert')).toHaveTextContent('Not saved');
      } finally {
        restore();
      }
      await user.click(screen.getByRole('button', { name: 'Log without moving' }));
      await waitFor(() => expect(screen.queryByText(/Waiting for your answer/)).toBeNull());
      expect(await texts()).toEqual([['finding', 'first alert']]);
      expect(screen.getByRole('alert')).toHaveTextContent('Not saved');
      expect(field).toHaveValue('f: replica lag 40 s');
      expect(field).toHaveAttribute('aria-invalid', 'true');
      await user.click(screen.getByRole('button', { name: 'Retry' }));
      await waitFor(() => expect(field).toHaveValue(''));
      expect(await texts()).toEqual([
        ['finding', 'first alert'],
        ['finding', 'replica lag 40 s'],
      ]);
    });

    it('lines held before the stored ones are read keep both, identical ones too, and the merged list is saved', async () => {
      const key = timelineHeldDraftKey(incident.id);
      // Stored before held lines had ids.
      await saveDraft(
        db,
        key,
        JSON.stringify({ v: 1, lines: [{ line: '-5m n: still failing', parsedAt: Date.now() }] }),
        Date.now(),
      );
      // The stored row is read slowly (a busy disk): the scribe holds a line meanwhile.
      let release = () => undefined as void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const get = db.drafts.get.bind(db.drafts) as (k: string) => Promise<unknown>;
      const spy = vi.spyOn(db.drafts, 'get').mockImplementation((async (k: string) => {
        if (k === key) await gate;
        return get(k);
      }) as unknown as typeof db.drafts.get);
      const user = userEvent.setup();
      const field = renderField();
      await user.click(field);
      await user.keyboard('-5m n: still failing{Enter}');
      await waitFor(() =>
        expect(notice()).toHaveTextContent(
          'Waiting for your answer below: “-5m n: still failing”.',
        ),
      );
      release();
      await waitFor(() => expect(notice()).toHaveTextContent('(1 more line after it)'));
      spy.mockRestore();
      await waitFor(async () =>
        expect(await heldLines()).toEqual(['-5m n: still failing', '-5m n: still failing']),
      );
      for (const left of ['(1 more line after it)', '']) {
        await user.click(screen.getByRole('button', { name: 'Log without moving' }));
        if (left) await waitFor(() => expect(notice()).not.toHaveTextContent(left));
      }
      await waitFor(() => expect(screen.queryByText(/Waiting for your answer/)).toBeNull());
      expect(await texts()).toEqual([
        ['note', 'still failing'],
        ['note', 'still failing'],
      ]);
    });

    /** The unload journal's item for the held lines' row: [storage key, value], or null. */
    const journaledHeld = (): [string, string] | null => {
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i) ?? '';
        const raw = localStorage.getItem(k) ?? '';
        const entry = JSON.parse(raw) as { key?: string };
        if (entry.key === timelineHeldDraftKey(incident.id)) return [k, raw];
      }
      return null;
    };
    const linesOf = (item: [string, string] | null) => {
      const text = item ? (JSON.parse(item[1]) as { text: string }).text : '';
      return text
        ? (JSON.parse(text) as { lines: { line: string }[] }).lines.map((l) => l.line)
        : [];
    };

    it('a line answered adds to the stored done list, also when no line was held at the start', async () => {
      await saveDraft(db, timelineHeldDoneKey(incident.id), JSON.stringify(['logged-before']), 1);
      const user = userEvent.setup();
      const field = renderField();
      await user.click(field);
      await user.keyboard('-5m f: first alert{Enter}');
      await user.click(await screen.findByRole('button', { name: 'Log without moving' }));
      await waitFor(async () => expect(await texts()).toEqual([['finding', 'first alert']]));
      const done = JSON.parse(await loadDraft(db, timelineHeldDoneKey(incident.id))) as string[];
      expect(done).toHaveLength(2);
      expect(done[0]).toBe('logged-before');
    });

    it('an answered line stays in the unload journal until its write lands, and is not asked again after it did', async () => {
      localStorage.clear();
      const user = userEvent.setup();
      let field = renderField();
      await user.click(field);
      await user.keyboard('-5m f: first alert{Enter}-10m a: paged db team{Enter}');
      await waitFor(async () =>
        expect(await heldLines()).toEqual(['-5m f: first alert', '-10m a: paged db team']),
      );
      // The window goes away while the answer's write is under way (its entry being added).
      let midWrite: [string, string] | null = null;
      let seen = false;
      const proto = IDBObjectStore.prototype as unknown as {
        add: (...a: unknown[]) => IDBRequest;
      };
      const add = proto.add;
      proto.add = function (this: IDBObjectStore, ...args: unknown[]) {
        if (this.name === 'timelineEntries' && !seen) {
          seen = true;
          window.dispatchEvent(new Event('pagehide'));
          midWrite = journaledHeld();
        }
        return add.apply(this, args);
      };
      try {
        await user.click(screen.getByRole('button', { name: 'Log without moving' }));
        await waitFor(() => expect(notice()).toHaveTextContent('“-10m a: paged db team”'));
      } finally {
        proto.add = add;
      }
      // Had that write been lost with the window, the line would come back from the journal:
      // it was still there (before, the journal already had it removed: the line was lost).
      expect(linesOf(midWrite)).toEqual(['-5m f: first alert', '-10m a: paged db team']);
      expect(await texts()).toEqual([['finding', 'first alert']]);
      // It landed, but the window was gone before anything else ran: the next start replays
      // what was journaled (both lines) over the row the write left.
      cleanup();
      // The unmount's own draft saves land first (a closed window's would never run).
      await writesSettled(db);
      await new Promise((r) => setTimeout(r, 50));
      await writesSettled(db);
      localStorage.clear();
      localStorage.setItem(...midWrite!);
      expect(await replayUnloadJournal(db)).toBe(1);
      expect(await heldLines()).toEqual(['-5m f: first alert', '-10m a: paged db team']);
      field = renderField();
      await waitFor(() =>
        expect(notice()).toHaveTextContent(
          'Waiting for your answer below: “-10m a: paged db team”.',
        ),
      );
      // The logged one is known by its id in the done list, written with its entry.
      await waitFor(async () => expect(await heldLines()).toEqual(['-10m a: paged db team']));
      expect((await loadDraft(db, timelineHeldDoneKey(incident.id))).length).toBeGreaterThan(2);
      expect(await texts()).toEqual([['finding', 'first alert']]);
      expect(field).toHaveValue('');
      localStorage.clear();
    });
  });
});
