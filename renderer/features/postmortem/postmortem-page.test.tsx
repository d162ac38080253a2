import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENTRIES, RESOLVED } from '../../../shared/render/testing/fixture';
import { DbProvider } from '../../db/db-context';
import type { WarroomDb } from '../../db/schema';
import { failWritesTo, freshDb } from '../../db/test-db';
import type { Platform } from '../../platform';
import { PlatformProvider } from '../../platform/platform-context';
import { savePostmortem } from '../../db/repo/postmortems';
import { PostmortemPage } from './postmortem-page';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
  await db.incidents.add(RESOLVED);
  await db.timelineEntries.bulkAdd(ENTRIES.filter((e) => e.incidentId === RESOLVED.id));
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

/** A write refused because storage is full (what IndexedDB raises). */
const quotaFull = () => new DOMException('The disk is full.', 'QuotaExceededError');

describe('PostmortemPage with storage full', { timeout: 20_000 }, () => {
  it('keeps the prefilled text, the editor and Copy/Export; the text is written once a save succeeds', async () => {
    const freeSpace = failWritesTo('postmortems', quotaFull());
    const fake = platform();
    const user = userEvent.setup();
    render(
      <DbProvider db={db}>
        <PlatformProvider platform={fake.platform}>
          <PostmortemPage id={RESOLVED.id} />
        </PlatformProvider>
      </DbProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^Not saved: the disk is full./);
    expect(screen.getByText('Not saved')).toBeVisible();
    // The page is still the editor, with the text drafted from the record.
    const summary = screen.getByLabelText('Executive Summary');
    expect((summary as HTMLTextAreaElement).value).toContain(RESOLVED.impact.summary);
    await user.type(summary, ' Typed while the disk was full.');
    expect((summary as HTMLTextAreaElement).value).toContain('Typed while the disk was full.');

    await user.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    await waitFor(() => expect(fake.copy).toHaveBeenCalledTimes(1));
    expect(fake.copy.mock.calls[0]?.[0].text).toContain('Typed while the disk was full.');
    expect(await screen.findByText('Post-mortem copied as Markdown.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Export Markdown' }));
    await waitFor(() => expect(fake.saveMarkdown).toHaveBeenCalledTimes(1));
    expect(fake.saveMarkdown.mock.calls[0]?.[1]).toContain('Typed while the disk was full.');
    expect(await db.postmortems.count()).toBe(0);

    // Space is freed: "Try saving again" writes everything on the page.
    freeSpace();
    await user.click(screen.getByRole('button', { name: 'Try saving again' }));
    await waitFor(async () =>
      expect((await db.postmortems.get(RESOLVED.id))?.sections.executiveSummary).toContain(
        'Typed while the disk was full.',
      ),
    );
    expect(screen.getByText('All changes saved')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('PostmortemPage shows what is stored', { timeout: 20_000 }, () => {
  it('follows a section restored or changed elsewhere, and saves only the section the user edits', async () => {
    const user = userEvent.setup();
    const ctx = { now: RESOLVED.milestones.resolved! + 3600_000, author: 'Priya' };
    await savePostmortem(
      db,
      RESOLVED.id,
      { sections: { executiveSummary: 'Old summary.', lessons: 'Old lessons.' } },
      ctx,
    );
    render(
      <DbProvider db={db}>
        <PlatformProvider platform={platform().platform}>
          <PostmortemPage id={RESOLVED.id} />
        </PlatformProvider>
      </DbProvider>,
    );
    const summary = await screen.findByLabelText('Executive Summary');
    expect(summary).toHaveValue('Old summary.');
    // Another window (or a restored backup) changes the summary and the 5 Whys.
    await savePostmortem(
      db,
      RESOLVED.id,
      { sections: { executiveSummary: 'Restored summary.' }, fiveWhys: ['Pool too small'] },
      ctx,
    );
    await waitFor(() => expect(summary).toHaveValue('Restored summary.'));
    expect(screen.getByLabelText('Why 1')).toHaveValue('Pool too small');

    const lessons = screen.getByLabelText('Lessons Learned');
    await user.clear(lessons);
    await user.type(lessons, 'Canary config changes.');
    await user.tab();
    await waitFor(async () =>
      expect((await db.postmortems.get(RESOLVED.id))?.sections.lessons).toBe(
        'Canary config changes.',
      ),
    );
    const pm = await db.postmortems.get(RESOLVED.id);
    expect(pm?.sections.executiveSummary).toBe('Restored summary.');
    expect(pm?.fiveWhys).toEqual(['Pool too small']);
    expect(summary).toHaveValue('Restored summary.');
    expect(lessons).toHaveValue('Canary config changes.');
  });
});
