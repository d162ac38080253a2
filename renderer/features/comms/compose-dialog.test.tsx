import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLiveQuery } from 'dexie-react-hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Incident } from '../../../shared/domain/incident';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import {
  composeDraftKey,
  composeDraftText,
  composeReopenDraftKey,
} from '../../../shared/logic/compose-draft';
import { sendUpdate } from '../../db/repo/comms';
import { saveDraft } from '../../db/repo/drafts';
import { changeStatus, declareIncident } from '../../db/repo/incidents';
import { inOneCommit } from '../../db/commit';
import { RECORD_CHANGED } from './compose-dialog';
import type { WarroomDb } from '../../db/schema';
import type { Platform } from '../../platform';
import { PlatformProvider } from '../../platform/platform-context';
import { freshDb } from '../../db/test-db';
import { renderWithDb, unmountThenClose } from '../../db/testing-render';
import { CommsActions } from './comms-actions';

// A Reopen session (a sent update being corrected) keeps its edits as a draft of its own, keyed
// by the reopened update: restored when that update is reopened again, gone once it is resent
// or discarded, and never writing or clearing the next update's draft.

const NOW = Date.UTC(2026, 11, 3, 14, 0, 0);
const ctx = { now: NOW, author: 'Alice' };
const SENT_SUBJECT = 'Search latency: investigating';
const CORRECTED = 'Search latency: investigating (corrected)';

let db: WarroomDb;
let incident: Incident;
let updateId: string;
let nextDraft: string;
beforeEach(async () => {
  db = await freshDb();
  incident = await declareIncident(
    db,
    { title: 'Search latency', severity: 'SEV2', startedAt: NOW - 60_000 },
    ctx,
  );
  const sent = await sendUpdate(
    db,
    {
      incidentId: incident.id,
      audience: 'executives',
      type: 'update',
      subject: SENT_SUBJECT,
      body: '## Status\n\nWe are looking into it.',
      format: 'plain',
    },
    ctx,
  );
  updateId = sent.id;
  // The next update, half written.
  nextDraft = composeDraftText({
    audience: 'engineering',
    type: 'update',
    typeTouched: false,
    variant: 'standard',
    subject: 'Search latency: index rebuild at 15:00 UTC',
    message: null,
    savedAt: NOW - 30_000,
  });
  await saveDraft(db, composeDraftKey(incident.id), nextDraft, NOW - 30_000);
});
afterEach(() => unmountThenClose(db));

const storedDraft = async (key: string) => (await db.drafts.get(key))?.text;

async function reopen() {
  const user = userEvent.setup();
  // Nothing is copied here: the platform is only there for the composer's send buttons.
  const view = renderWithDb(
    db,
    <PlatformProvider platform={{ kind: 'browser' } as unknown as Platform}>
      <CommsActions incident={incident} settings={DEFAULT_SETTINGS} />
    </PlatformProvider>,
  );
  const sent = await screen.findByRole('list', { name: 'Sent updates' });
  await user.click(within(sent).getByRole('button', { name: 'Reopen' }));
  const dialog = await screen.findByRole('dialog', { name: 'Compose update' });
  const subject = await within(dialog).findByLabelText('Subject');
  return { user, view, dialog, subject };
}

describe('Compose update over a Reopen', () => {
  it('keeps the correction under the reopened update, restores it on reopening, leaves the next update alone', async () => {
    const first = await reopen();
    expect(first.subject).toHaveValue(SENT_SUBJECT);
    await within(first.dialog).findByText(/Your unsent update from .* is kept for later/);
    await first.user.clear(first.subject);
    await first.user.type(first.subject, CORRECTED);
    const reopenKey = composeReopenDraftKey(incident.id, updateId);
    await waitFor(async () => expect(await storedDraft(reopenKey)).toContain(CORRECTED));
    expect(await storedDraft(composeDraftKey(incident.id))).toBe(nextDraft);

    // The window goes away; the same update is reopened.
    first.view.unmount();
    const again = await reopen();
    await within(again.dialog).findByText(
      /Your unsent correction from \d{2}:\d{2} UTC is restored/,
    );
    await waitFor(() => expect(again.subject).toHaveValue(CORRECTED));

    // Discard draft: back to what was sent, and the correction's draft is gone.
    await again.user.click(within(again.dialog).getByRole('button', { name: 'Discard draft' }));
    expect(again.subject).toHaveValue(SENT_SUBJECT);
    await waitFor(async () => expect(await storedDraft(reopenKey)).toBeUndefined());
    expect(await storedDraft(composeDraftKey(incident.id))).toBe(nextDraft);
  });

  it('a correction back to what was sent keeps nothing', async () => {
    const { user, subject } = await reopen();
    const reopenKey = composeReopenDraftKey(incident.id, updateId);
    await user.type(subject, '!');
    await waitFor(async () => expect(await storedDraft(reopenKey)).toContain(`${SENT_SUBJECT}!`));
    await user.type(subject, '{Backspace}');
    await waitFor(async () => expect(await storedDraft(reopenKey)).toBeUndefined());
    expect(await storedDraft(composeDraftKey(incident.id))).toBe(nextDraft);
  });
});

describe('Compose update: what is copied is what was read', () => {
  it('copies nothing, and says why, when a change lands under the message between reading and copying; the next copy has it', async () => {
    const copied: string[] = [];
    const platform = {
      kind: 'browser',
      copy: vi.fn((payload: { text: string }) => {
        copied.push(payload.text);
        return Promise.resolve({ ok: true, value: undefined });
      }),
    } as unknown as Platform;
    const user = userEvent.setup();
    // The console reads its incident live, as here.
    function LiveComms() {
      const live = useLiveQuery(() => db.incidents.get(incident.id), []);
      return live ? <CommsActions incident={live} settings={DEFAULT_SETTINGS} /> : null;
    }
    renderWithDb(
      db,
      <PlatformProvider platform={platform}>
        <LiveComms />
      </PlatformProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Compose update' }));
    const dialog = await screen.findByRole('dialog', { name: 'Compose update' });
    const message = await within(dialog).findByLabelText('Message');
    expect((message as HTMLTextAreaElement).value).not.toMatch(/Identified/i);

    // A status change issued a moment before Copy, still landing when Copy reads the record.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const change = inOneCommit(db, async () => {
      await gate;
      await changeStatus(db, incident.id, 'identified', ctx, 'Found the bad index');
    });
    const copy = user.click(within(dialog).getByRole('button', { name: 'Copy plain text' }));
    release();
    await copy;
    await change;
    await within(dialog).findByText(RECORD_CHANGED);
    expect(copied).toEqual([]);

    // The screen caught up: the message read now is the one copied.
    await waitFor(() => expect((message as HTMLTextAreaElement).value).toMatch(/Identified/i));
    await user.click(within(dialog).getByRole('button', { name: 'Copy plain text' }));
    await waitFor(() => expect(copied).toHaveLength(1));
    expect(copied[0]).toMatch(/Identified/i);
  });
});
