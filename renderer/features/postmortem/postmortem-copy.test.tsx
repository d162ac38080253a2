import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENTRIES, RESOLVED } from '../../../shared/render/testing/fixture';
import { DbProvider } from '../../db/db-context';
import type { WarroomDb } from '../../db/schema';
import { freshDb } from '../../db/test-db';
import { writesUnderWay } from '../../db/writes-settled';
import type { Platform } from '../../platform';
import { PlatformProvider } from '../../platform/platform-context';
import { addActionItem } from '../../db/repo/action-items-edit';
import { PostmortemPage } from './postmortem-page';

/**
 * Copy Markdown and Export Markdown pressed a moment after a change, before the change's commit
 * has landed or the page's live query has re-read it: the text is the record as it stands once
 * this window's writes have settled, and holds what was typed but not saved yet.
 */

let db: WarroomDb;
const ctx = { now: RESOLVED.milestones.resolved! + 3600_000, author: 'Priya' };
beforeEach(async () => {
  db = await freshDb();
  await db.incidents.add(RESOLVED);
  await db.timelineEntries.bulkAdd(ENTRIES.filter((e) => e.incidentId === RESOLVED.id));
  await addActionItem(
    db,
    { incidentId: RESOLVED.id, title: 'Add a pool-size check', owner: 'Sam', priority: 'P1' },
    ctx,
  );
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

function platform() {
  const copy = vi.fn((_p: { text: string }) =>
    Promise.resolve({ ok: true as const, value: undefined }),
  );
  const saveMarkdown = vi.fn((_name: string, _content: string) =>
    Promise.resolve({ ok: true as const, value: { saved: true, path: 'x.md' } }),
  );
  return {
    copy,
    saveMarkdown,
    platform: { kind: 'browser', copy, saveMarkdown } as unknown as Platform,
  };
}

/** The Status cell of the copied action-items table's first row. */
function statusOfFirstAction(markdown: string): string | undefined {
  const row = markdown.split('\n').find((l) => l.startsWith('| 1 | Add a pool-size check'));
  return row?.split('|').map((c) => c.trim())[6];
}

async function openPage() {
  const fake = platform();
  render(
    <DbProvider db={db}>
      <PlatformProvider platform={fake.platform}>
        <PostmortemPage id={RESOLVED.id} />
      </PlatformProvider>
    </DbProvider>,
  );
  const status = await screen.findByLabelText('Status of action 1');
  await waitFor(() => expect(screen.getByText('All changes saved')).toBeVisible());
  return { fake, status };
}

describe('Copy Markdown right after a change', { timeout: 20_000 }, () => {
  it('copies the status just chosen, while its command is still landing', async () => {
    const { fake, status } = await openPage();
    expect(status).toHaveValue('not-started');

    // Chosen with the pointer (committed at once), and Copy pressed in the same moment.
    act(() => {
      fireEvent.change(status, { target: { value: 'in-progress' } });
      fireEvent.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    });
    // The command was under way when Copy was pressed.
    expect(writesUnderWay(db)).toBeGreaterThan(0);
    await waitFor(() => expect(fake.copy).toHaveBeenCalledTimes(1));
    expect(statusOfFirstAction(fake.copy.mock.calls[0]![0].text)).toBe('In Progress');
    expect((await db.actionItems.toArray())[0]?.status).toBe('in-progress');
  });

  it('exports the status just chosen too', async () => {
    const { fake, status } = await openPage();
    act(() => {
      fireEvent.change(status, { target: { value: 'done' } });
      fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    });
    await waitFor(() => expect(fake.saveMarkdown).toHaveBeenCalledTimes(1));
    expect(statusOfFirstAction(fake.saveMarkdown.mock.calls[0]![1])).toBe('Done');
  });

  it('copies a section typed a moment before, before its pause-then-save has fired', async () => {
    const { fake } = await openPage();
    const lessons = screen.getByLabelText('Lessons Learned');
    act(() => {
      fireEvent.change(lessons, { target: { value: 'Canary config changes.' } });
      fireEvent.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    });
    await waitFor(() => expect(fake.copy).toHaveBeenCalledTimes(1));
    expect(fake.copy.mock.calls[0]![0].text).toContain('Canary config changes.');
    // Copy saved it first: the text copied is the text stored.
    expect((await db.postmortems.get(RESOLVED.id))?.sections.lessons).toBe(
      'Canary config changes.',
    );
  });
});
