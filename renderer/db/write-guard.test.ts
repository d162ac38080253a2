import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_V2, type WarroomDb } from './schema';
import { overlay } from './write-guard';
import { freshDb } from './test-db';
import { ctx, NOW } from './testing';
import { RepoError } from './repo/errors';
import { changeStatus, declareIncident } from './repo/incidents';
import { addEntry } from './repo/timeline';
import { updateService } from './repo/services-edit';
import { touchServices } from './repo/services';
import { saveSetting } from './repo/settings';

let db: WarroomDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  db.close();
});

const declare = (over: Record<string, unknown> = {}) =>
  declareIncident(db, { title: 'DB down', severity: 'SEV2', startedAt: NOW, ...over }, ctx());

describe('every row written through Dexie meets its schema', () => {
  it('a 1 MB impact summary from the form is refused with the field and the limit', async () => {
    const error = await declare({ impactSummary: 'x'.repeat(1_000_000) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RepoError);
    expect((error as RepoError).message).toBe(
      'The impact summary is 1,000,000 characters; the limit is 5,000.',
    );
    expect((error as RepoError).field).toBe('impactSummary');
    expect(await db.incidents.count()).toBe(0);
    expect(await db.timelineEntries.count()).toBe(0);
  });

  it('NUL and other controls are removed and text is NFC before it is stored', async () => {
    const inc = await declare({ title: 'Caf\u0065\u0301 DB\u0000 down' });
    expect((await db.incidents.get(inc.id))?.title).toBe('Caf\u00E9 DB down');
    const entry = await addEntry(
      db,
      { incidentId: inc.id, kind: 'note', text: 'bell\u0007 here' },
      ctx(),
    );
    expect((await db.timelineEntries.get(entry.id))?.text).toBe('bell here');
  });

  it('a lone surrogate is refused with a message naming the field', async () => {
    const error = (await declare({ title: 'DB \uD83D down' }).catch(
      (e: unknown) => e,
    )) as RepoError;
    expect(error).toBeInstanceOf(RepoError);
    expect(error.field).toBe('title');
    expect(error.message).toMatch(/^The title contains a broken character at position 4/);
    expect(await db.incidents.count()).toBe(0);
  });

  it('a field without its own form check (service owner team) is still held to its limit', async () => {
    await touchServices(db, ['checkout-api'], NOW);
    const svc = (await db.services.toArray())[0]!;
    const error = (await updateService(db, svc.id, {
      ownerTeam: 't'.repeat(101),
      sloTargetPercent: '',
      sloWindowDays: '30',
      runbookId: null,
    }).catch((e: unknown) => e)) as RepoError;
    expect(error).toBeInstanceOf(RepoError);
    expect(error.message).toBe('The name is 101 characters; the limit is 100.');
    expect(error.field).toBe('ownerTeam');
  });

  it('a deeply nested setting is refused before IndexedDB clones it', async () => {
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = [value];
    const error = (await db.settings
      .put({ key: 'templates', value })
      .catch((e: unknown) => e)) as RepoError;
    expect(error).toBeInstanceOf(RepoError);
    expect(error.message).toBe('Nested deeper than 16 levels.');
    expect(error.field).toMatch(/^value\.0\.0/);
    expect(await db.settings.get('templates')).toBeUndefined();
    // A setting the app knows is checked against its own schema first, with a message too.
    await expect(saveSetting(db, 'theme', 'neon' as 'dark')).rejects.toMatchObject({
      name: 'RepoError',
      field: 'theme',
    });
  });

  it('a value stored before its limit existed does not block other changes to the row', async () => {
    const inc = await declare();
    // Written around the guard, as an older version of the app could have.
    const old = (await db.incidents.get(inc.id))!;
    const raw = new Dexie(db.name);
    raw.version(2).stores(SCHEMA_V2);
    await raw.table('incidents').put({
      ...old,
      impact: { ...old.impact, summary: 'x'.repeat(1_000_000) },
    });
    raw.close();
    await changeStatus(db, inc.id, 'identified', ctx(NOW + 1000));
    const after = (await db.incidents.get(inc.id))!;
    expect(after.status).toBe('identified');
    expect(after.impact.summary).toHaveLength(1_000_000);
  });
});

describe('overlay', () => {
  it('keeps fields the schema does not know, at any depth, and takes the cleaned ones', () => {
    const row = {
      title: 'a\u0000',
      extra: 1,
      impact: { summary: 'x', future: true },
      list: [{ t: 1, k: 2 }],
    };
    const parsed = { title: 'a', impact: { summary: 'x' }, list: [{ t: 1 }] };
    expect(overlay(row, parsed)).toEqual({
      title: 'a',
      extra: 1,
      impact: { summary: 'x', future: true },
      list: [{ t: 1, k: 2 }],
    });
  });
});
