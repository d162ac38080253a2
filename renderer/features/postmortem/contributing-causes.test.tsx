import { render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContributingCause } from '../../../shared/domain/records';
import { RESOLVED } from '../../../shared/render/testing/fixture';
import { DbProvider, useDb } from '../../db/db-context';
import type { WarroomDb } from '../../db/schema';
import { failWritesTo, freshDb } from '../../db/test-db';
import { emptyPostmortem, savePostmortem } from '../../db/repo/postmortems';
import { useCauseSuggestions } from './cause-suggestions';
import { ContributingCauses } from './contributing-causes';

const NONE: ContributingCause[] = [];

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
  await db.incidents.bulkAdd([RESOLVED, { ...RESOLVED, id: 'other', ref: 'INC-2026-11-01-009' }]);
  await db.postmortems.add({
    ...emptyPostmortem('other', 'Ann', 1),
    causes: [{ tag: 'Connection pool exhaustion', category: 'environment' }],
  });
});
afterEach(() => db.close());

/** The group as the editor shows it: the stored causes, live, and the suggestions. */
function Harness() {
  const read = useDb();
  const pm = useLiveQuery(() => read.postmortems.get(RESOLVED.id), [read]);
  const causes = pm?.causes ?? NONE;
  const suggestions = useCauseSuggestions(RESOLVED.id, causes);
  return (
    <ContributingCauses incidentId={RESOLVED.id} causes={causes} suggestions={suggestions ?? []} />
  );
}

function setup() {
  render(
    <DbProvider db={db}>
      <Harness />
    </DbProvider>,
  );
  const group = screen.getByRole('group', { name: 'Contributing causes' });
  return {
    group,
    tag: within(group).getByLabelText<HTMLInputElement>('Contributing cause'),
    category: within(group).getByLabelText<HTMLSelectElement>('Cause category'),
  };
}

describe('ContributingCauses', { timeout: 20_000 }, () => {
  it('adds with Enter, brings a known tag’s category, refuses a duplicate beside the field, removes', async () => {
    const user = userEvent.setup();
    const { group, tag, category } = setup();
    // Suggested from the other post-mortem; typing it brings its category along.
    await waitFor(() =>
      expect(group.querySelector('datalist option')).toHaveAttribute(
        'value',
        'Connection pool exhaustion',
      ),
    );
    await user.type(tag, 'connection pool exhaustion');
    expect(category.value).toBe('environment');
    await user.keyboard('{Enter}');
    await within(group).findByRole('button', { name: 'Remove cause connection pool exhaustion' });
    expect(tag.value).toBe('');
    expect((await db.postmortems.get(RESOLVED.id))?.causes).toEqual([
      { tag: 'connection pool exhaustion', category: 'environment' },
    ]);
    // Once here, it is no longer suggested.
    await waitFor(() => expect(group.querySelector('datalist option')).toBeNull());

    await user.type(tag, 'Connection-Pool exhaustion{Enter}');
    expect(await within(group).findByRole('alert')).toHaveTextContent(
      '"connection pool exhaustion" is already a contributing cause (filed under Environment).',
    );
    expect(tag).toHaveAttribute('aria-invalid', 'true');
    expect(tag.value).toBe('Connection-Pool exhaustion');

    await user.click(
      within(group).getByRole('button', { name: 'Remove cause connection pool exhaustion' }),
    );
    await waitFor(async () => expect((await db.postmortems.get(RESOLVED.id))?.causes).toEqual([]));
    expect(tag).toHaveFocus();
  });

  it('keeps the typed tag and says why when the disk is full', async () => {
    const user = userEvent.setup();
    const { group, tag } = setup();
    const freeSpace = failWritesTo(
      'postmortems',
      new DOMException('The disk is full.', 'QuotaExceededError'),
    );
    await user.type(tag, 'Missing canary');
    await user.click(within(group).getByRole('button', { name: 'Add cause' }));
    expect(await within(group).findByRole('alert')).toHaveTextContent(/disk is full/i);
    expect(tag.value).toBe('Missing canary');
    freeSpace();
    await user.click(within(group).getByRole('button', { name: 'Add cause' }));
    await within(group).findByRole('button', { name: 'Remove cause Missing canary' });
  });
});

describe('useCauseSuggestions', { timeout: 20_000 }, () => {
  /** Resolves once Dexie has told its live queries about the next committed write. */
  function nextMutationSignal(): Promise<void> {
    return new Promise((resolve) => {
      const once = () => {
        Dexie.on('storagemutated').unsubscribe(once);
        resolve();
      };
      Dexie.on('storagemutated', once);
    });
  }

  it('does not re-read the other post-mortems when this one is saved (autosave while typing)', async () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <DbProvider db={db}>{children}</DbProvider>
    );
    await db.postmortems.add(emptyPostmortem(RESOLVED.id, 'Ann', 1));
    const { result } = renderHook(() => useCauseSuggestions(RESOLVED.id, NONE), { wrapper });
    await waitFor(() =>
      expect(result.current?.map((s) => s.tag)).toEqual(['Connection pool exhaustion']),
    );
    const seen = new Set([result.current]);
    const track = () => seen.add(result.current);
    const before = seen.size;
    // Three autosaves of the post-mortem being edited, each signalled to the live queries.
    for (let i = 0; i < 3; i++) {
      const signalled = nextMutationSignal();
      await savePostmortem(
        db,
        RESOLVED.id,
        { sections: { lessons: `typed ${i}` } },
        { now: 10 + i, author: 'Ann' },
      );
      await signalled;
      track();
    }
    // Another incident's post-mortem gains a cause: that one is read again.
    await db.postmortems.update('other', {
      causes: [
        { tag: 'Connection pool exhaustion', category: 'environment' },
        { tag: 'Missing canary', category: 'process' },
      ],
    });
    await waitFor(() => {
      track();
      expect(result.current?.map((s) => s.tag).sort()).toEqual([
        'Connection pool exhaustion',
        'Missing canary',
      ]);
    });
    track();
    // One new result (the other post-mortem's change), none for this one's saves.
    expect(seen.size - before).toBe(1);
  });
});
