import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WarroomDb } from '../schema';
import { freshDb } from '../test-db';
import { clearDraft, loadDraft, saveDraft, timelineDraftKey } from './drafts';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  db.close();
});

describe('drafts', () => {
  it('saves, overwrites, loads and clears a draft per key', async () => {
    const key = timelineDraftKey('inc-1');
    expect(key).toBe('timeline:inc-1');
    expect(await loadDraft(db, key)).toBe('');
    await saveDraft(db, key, 'f: error rate', 1);
    await saveDraft(db, key, 'f: error rate at 40%\nsecond line', 2);
    await saveDraft(db, timelineDraftKey('inc-2'), 'other', 3);
    expect(await loadDraft(db, key)).toBe('f: error rate at 40%\nsecond line');
    expect((await db.drafts.get(key))?.updatedAt).toBe(2);
    await clearDraft(db, key);
    expect(await loadDraft(db, key)).toBe('');
    expect(await loadDraft(db, timelineDraftKey('inc-2'))).toBe('other');
  });

  it('removes the row when the text becomes empty', async () => {
    await saveDraft(db, 'k', 'x', 1);
    await saveDraft(db, 'k', '', 2);
    expect(await db.drafts.count()).toBe(0);
  });
});
