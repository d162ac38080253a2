import { thisOrigin } from '../change-events';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_TABLES, parseBackupText, type Backup } from '../../../shared/domain/backup';
import { importedReferenceNote } from '../../../shared/domain/incident';
import { referenceCounter, seatTag } from '../../../shared/logic/reference';
import type { WarroomDb } from '../schema';
import { freshDb } from '../test-db';
import { createActionItem } from './action-items';
import { BackupImportError, exportAll, exportIncident, importBackup } from './backup';
import { sendUpdate } from './comms';
import { openHypothesis } from './hypotheses';
import { declareIncident } from './incidents';
import { addPostmortemCause, openPostmortem } from './postmortems';
import { assignRole } from './roles';
import { saveSetting } from './settings';
import { addEntry } from './timeline';

const NOW = Date.UTC(2026, 10, 22, 14, 0, 0);
const ctx = (now = NOW) => ({ now, author: 'Alice' });
const META = { appVersion: '0.1.0', now: NOW + 3600_000 };

let db: WarroomDb;
const extra: WarroomDb[] = [];
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  db.close();
  for (const d of extra.splice(0)) d.close();
});

async function another(): Promise<WarroomDb> {
  const d = await freshDb();
  extra.push(d);
  return d;
}

/** Two incidents with a bit of everything, written through the real commands. */
async function seed(target: WarroomDb) {
  const a = await declareIncident(
    target,
    {
      title: 'Checkout API errors',
      severity: 'SEV2',
      startedAt: NOW - 600_000,
      services: ['checkout-api'],
    },
    ctx(),
  );
  const b = await declareIncident(
    target,
    { title: 'Login slow', severity: 'SEV3', startedAt: NOW - 60_000 },
    ctx(NOW + 1000),
  );
  await addEntry(
    target,
    { incidentId: a.id, kind: 'finding', text: 'p99 latency 4 s' },
    ctx(NOW + 2000),
  );
  await addEntry(
    target,
    { incidentId: b.id, kind: 'note', text: 'Looking at auth' },
    ctx(NOW + 3000),
  );
  await assignRole(target, a.id, 'ic', 'Bob', ctx(NOW + 4000));
  await openHypothesis(target, a.id, 'Bad deploy', ctx(NOW + 5000));
  await sendUpdate(
    target,
    {
      incidentId: a.id,
      audience: 'engineering',
      type: 'initial',
      subject: 'S',
      body: 'B',
      format: 'plain',
    },
    ctx(NOW + 6000),
  );
  await createActionItem(
    target,
    { incidentId: a.id, title: 'Add alert', owner: 'Bob' },
    ctx(NOW + 7000),
  );
  await openPostmortem(target, a.id, { summary: 'It broke' }, ctx(NOW + 8000));
  await saveSetting(target, 'me', 'Alice');
  return { a, b };
}

async function snapshot(target: WarroomDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of BACKUP_TABLES) out[t] = await target.table(t).toArray();
  return out;
}

/** A backup as it travels: through JSON text and back. */
function roundTrip(backup: Backup): unknown {
  return JSON.parse(JSON.stringify(backup)) as unknown;
}

describe('export → import', () => {
  it('is lossless into a fresh database', async () => {
    await seed(db);
    const backup = await exportAll(db, META);
    expect(backup.scope).toBe('all');
    expect(backup.exportedAt).toBe('2026-11-22T15:00:00.000Z');
    expect(backup.tables.timelineEntries.length).toBeGreaterThan(4);
    const target = await another();
    const summary = await importBackup(target, roundTrip(backup), { onConflict: 'skip' });
    expect(summary.incidents).toEqual({ added: 2, replaced: 0, skipped: 0, renumbered: 0 });
    expect(await snapshot(target)).toEqual(await snapshot(db));
  });

  it('exports one incident with what belongs to it, and imports it alone', async () => {
    const { a, b } = await seed(db);
    const backup = await exportIncident(db, a.id, META);
    expect(backup.scope).toEqual({ incidentId: a.id });
    expect(backup.tables.incidents.map((i) => i.id)).toEqual([a.id]);
    expect(backup.tables.timelineEntries.every((e) => e.incidentId === a.id)).toBe(true);
    expect(backup.tables.postmortems).toHaveLength(1);
    expect(backup.tables.people).toEqual([]);
    const target = await another();
    await importBackup(target, roundTrip(backup), { onConflict: 'skip' });
    expect(await target.incidents.get(b.id)).toBeUndefined();
    expect(await target.timelineEntries.where('incidentId').equals(a.id).count()).toBe(
      await db.timelineEntries.where('incidentId').equals(a.id).count(),
    );
  });

  it('keeps post-mortems’ contributing causes, and reads a backup from before causes as none', async () => {
    const { a } = await seed(db);
    await addPostmortemCause(
      db,
      a.id,
      { tag: 'Connection pool exhaustion', category: 'technology' },
      ctx(NOW + 9000),
    );
    await addPostmortemCause(db, a.id, { tag: 'missing canary', category: 'process' }, ctx());
    const backup = await exportAll(db, META);
    expect(backup.tables.postmortems[0]?.causes).toHaveLength(2);
    const target = await another();
    await importBackup(target, roundTrip(backup), { onConflict: 'skip' });
    expect((await target.postmortems.get(a.id))?.causes).toEqual([
      { tag: 'Connection pool exhaustion', category: 'technology' },
      { tag: 'missing canary', category: 'process' },
    ]);
    // A backup written before causes existed: the post-mortem has none, nothing else lost.
    const older = roundTrip(backup) as Backup;
    for (const pm of older.tables.postmortems) delete pm.causes;
    const third = await another();
    await importBackup(third, older, { onConflict: 'skip' });
    const pm = await third.postmortems.get(a.id);
    expect(pm?.causes).toBeUndefined();
    expect(pm?.sections).toEqual((await db.postmortems.get(a.id))?.sections);
    // A cause filed under no fishbone category is refused, and nothing is written.
    const bad = roundTrip(backup) as Backup;
    (bad.tables.postmortems[0]!.causes![0] as { category: string }).category = 'weather';
    const fourth = await another();
    await expect(importBackup(fourth, bad, { onConflict: 'skip' })).rejects.toBeInstanceOf(
      BackupImportError,
    );
    expect(await fourth.incidents.count()).toBe(0);
  });

  it('refuses to export an incident that does not exist', async () => {
    await expect(exportIncident(db, 'nope', META)).rejects.toThrow(/no longer exists/);
  });
});

describe('conflicts', () => {
  it('skip keeps what is there; replace overwrites; both report per table', async () => {
    const { a } = await seed(db);
    const backup = await exportAll(db, META);
    await db.incidents.update(a.id, { title: 'Renamed here' });
    await addEntry(db, { incidentId: a.id, kind: 'note', text: 'Only here' }, ctx(NOW + 9000));

    const skipped = await importBackup(db, roundTrip(backup), { onConflict: 'skip' });
    expect(skipped.incidents).toEqual({ added: 0, replaced: 0, skipped: 2, renumbered: 0 });
    expect(skipped.timelineEntries.added).toBe(0);
    expect((await db.incidents.get(a.id))?.title).toBe('Renamed here');

    const replaced = await importBackup(db, roundTrip(backup), { onConflict: 'replace' });
    expect(replaced.incidents).toEqual({ added: 0, replaced: 2, skipped: 0, renumbered: 0 });
    expect(replaced.timelineEntries.replaced).toBe(backup.tables.timelineEntries.length);
    expect((await db.incidents.get(a.id))?.title).toBe('Checkout API errors');
    // Rows only in the database are never deleted by an import.
    expect(await db.timelineEntries.filter((e) => e.text === 'Only here').count()).toBe(1);
  });

  it('matches people and services by their unique name as well as by id', async () => {
    await seed(db);
    const backup = await exportAll(db, META);
    const target = await another();
    await target.people.add({ id: 'other-id', name: 'Bob', handle: '', team: '', lastUsedAt: 1 });
    const skip = await importBackup(target, roundTrip(backup), { onConflict: 'skip' });
    expect(skip.people.skipped).toBe(1);
    expect((await target.people.where('name').equals('Bob').first())?.id).toBe('other-id');
    const replace = await importBackup(target, roundTrip(backup), { onConflict: 'replace' });
    expect(replace.people.replaced).toBe(1);
    expect((await target.people.where('name').equals('Bob').first())?.id).not.toBe('other-id');
  });

  it('refuses an incident whose reference a different incident already uses, writing nothing', async () => {
    await seed(db);
    const backup = await exportAll(db, META);
    const target = await another();
    await declareIncident(target, { title: 'Local', severity: 'SEV4', startedAt: NOW }, ctx());
    const before = await snapshot(target);
    const error = await importBackup(target, roundTrip(backup), { onConflict: 'replace' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupImportError);
    expect((error as BackupImportError).problems[0]?.path).toBe('tables.incidents[0].ref');
    expect(await snapshot(target)).toEqual(before);
  });
});

describe('import under new references', () => {
  const DAY = '2026-11-22';
  /** The seat tag declarations get when no seat is given (as in these tests). */
  const TAG = seatTag(thisOrigin().seat);

  it('imports an incident whose reference is taken under the day’s next free one, noted on it and its timeline', async () => {
    await seed(db); // INC-…-001 Checkout API errors, INC-…-002 Login slow
    const backup = await exportAll(db, META);
    const target = await another();
    const local = await declareIncident(
      target,
      { title: 'Local', severity: 'SEV4', startedAt: NOW },
      ctx(),
    );
    expect(local.ref).toBe(`INC-${DAY}-001-${TAG}`);
    const importedAt = NOW + 86_400_000;
    const summary = await importBackup(target, roundTrip(backup), {
      onConflict: 'skip',
      newReferences: true,
      ctx: { now: importedAt, author: 'Restorer' },
    });
    expect(summary.incidents).toEqual({ added: 2, replaced: 0, skipped: 0, renumbered: 1 });
    const refs = (await target.incidents.toArray()).map((i) => [i.title, i.ref]).sort();
    expect(refs).toEqual([
      ['Checkout API errors', `INC-${DAY}-003-${TAG}`],
      ['Local', `INC-${DAY}-001-${TAG}`],
      ['Login slow', `INC-${DAY}-002-${TAG}`],
    ]);
    const moved = (await target.incidents.where('ref').equals(`INC-${DAY}-003-${TAG}`).first())!;
    expect(moved.renumberedFrom).toEqual({ ref: `INC-${DAY}-001-${TAG}`, importedAt });
    expect(importedReferenceNote(moved)).toBe(
      `Imported as INC-${DAY}-003-${TAG}; was INC-${DAY}-001-${TAG} in the backup`,
    );
    const entries = await target.timelineEntries.where('incidentId').equals(moved.id).toArray();
    const note = entries.find((e) => e.change?.type === 'reference');
    expect(note).toMatchObject({
      text: `Imported as INC-${DAY}-003-${TAG}; was INC-${DAY}-001-${TAG} in the backup.`,
      author: 'Restorer',
      loggedAt: importedAt,
      change: { from: `INC-${DAY}-001-${TAG}`, to: `INC-${DAY}-003-${TAG}` },
    });
    // Everything else of the incident came along under its id.
    expect(entries.some((e) => e.text === 'p99 latency 4 s')).toBe(true);
    // The declare path counts on from the highest reference of the day.
    const next = await declareIncident(
      target,
      { title: 'After restore', severity: 'SEV4', startedAt: NOW },
      ctx(NOW + 60_000),
    );
    expect(next.ref).toBe(`INC-${DAY}-004-${TAG}`);
  });

  it('gives a renumbered incident a slug no other incident uses', async () => {
    await declareIncident(
      db,
      { title: 'Database outage', severity: 'SEV1', startedAt: NOW },
      ctx(),
    );
    const backup = await exportAll(db, META);
    const target = await another();
    await declareIncident(
      target,
      { title: 'Database outage', severity: 'SEV1', startedAt: NOW },
      ctx(),
    );
    await importBackup(target, roundTrip(backup), { onConflict: 'skip', newReferences: true });
    const slugs = (await target.incidents.toArray()).map((i) => i.slug).sort();
    expect(slugs).toEqual(['#inc-2026-11-22-database-outage', '#inc-2026-11-22-database-outage-2']);
  });

  it('importing the same file again keeps the new reference instead of counting on', async () => {
    await seed(db);
    const backup = roundTrip(await exportAll(db, META));
    const target = await another();
    await declareIncident(target, { title: 'Local', severity: 'SEV4', startedAt: NOW }, ctx());
    await importBackup(target, backup, { onConflict: 'replace', newReferences: true });
    // Replacing it keeps the reference it was given, with or without the choice.
    const again = await importBackup(target, backup, { onConflict: 'replace' });
    expect(again.incidents).toEqual({ added: 0, replaced: 2, skipped: 0, renumbered: 0 });
    expect((await target.incidents.toArray()).map((i) => i.ref).sort()).toEqual([
      `INC-${DAY}-001-${TAG}`,
      `INC-${DAY}-002-${TAG}`,
      `INC-${DAY}-003-${TAG}`,
    ]);
    const skipped = await importBackup(target, backup, { onConflict: 'skip', newReferences: true });
    expect(skipped.incidents.skipped).toBe(2);
    expect(
      (await target.timelineEntries.toArray()).filter((e) => e.change?.type === 'reference'),
    ).toHaveLength(1);
  });

  it('without the choice, the clash is still refused whole and says what to choose', async () => {
    await seed(db);
    const backup = await exportAll(db, META);
    const target = await another();
    await declareIncident(target, { title: 'Local', severity: 'SEV4', startedAt: NOW }, ctx());
    const before = await snapshot(target);
    const error = (await importBackup(target, roundTrip(backup), { onConflict: 'skip' }).catch(
      (e: unknown) => e,
    )) as BackupImportError;
    expect(error.problems[0]?.message).toContain('Import under new references');
    expect(await snapshot(target)).toEqual(before);
  });

  it('property: after any import under new references, references stay unique', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        async (localCount, backupCount) => {
          const source = await another();
          const target = await another();
          for (let i = 0; i < backupCount; i += 1)
            await declareIncident(
              source,
              { title: `Backup ${i}`, severity: 'SEV3', startedAt: NOW },
              ctx(NOW + i),
            );
          for (let i = 0; i < localCount; i += 1)
            await declareIncident(
              target,
              { title: `Local ${i}`, severity: 'SEV3', startedAt: NOW },
              ctx(NOW + i),
            );
          await importBackup(target, roundTrip(await exportAll(source, META)), {
            onConflict: 'skip',
            newReferences: true,
          });
          const all = await target.incidents.toArray();
          expect(all).toHaveLength(localCount + backupCount);
          expect(new Set(all.map((i) => i.ref)).size).toBe(all.length);
          expect(new Set(all.map((i) => i.slug)).size).toBe(all.length);
          const counters = all.map((i) => referenceCounter(i.ref) ?? 0).sort((a, b) => a - b);
          expect(counters[counters.length - 1]).toBeLessThanOrEqual(
            localCount + backupCount + backupCount,
          );
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('broken files', () => {
  it('reports the path of a wrong type and writes nothing', async () => {
    await seed(db);
    const backup = roundTrip(await exportAll(db, META)) as { tables: { incidents: object[] } };
    (backup.tables.incidents[1] as Record<string, unknown>).severity = 'SEV9';
    const target = await another();
    const error = (await importBackup(target, backup, { onConflict: 'skip' }).catch(
      (e: unknown) => e,
    )) as BackupImportError;
    expect(error.problems[0]?.path).toBe('tables.incidents[1].severity');
    expect(await target.incidents.count()).toBe(0);
  });

  it('never writes part of a corrupted file and never throws anything but a refusal', async () => {
    const { a } = await seed(db);
    const text = JSON.stringify(await exportAll(db, META));
    const valid = JSON.parse(text) as unknown;
    const target = await another();
    await declareIncident(
      target,
      { title: 'Keep me', severity: 'SEV4', startedAt: NOW },
      ctx(NOW + 86_400_000),
    );
    const before = await snapshot(target);

    // Corruptions: cut the text, drop a field, change a type, duplicate a row.
    const corrupt = fc.oneof(
      fc.integer({ min: 0, max: text.length - 1 }).map((n) => ({ text: text.slice(0, n) })),
      fc
        .record({
          table: fc.constantFrom(...BACKUP_TABLES.filter((t) => t !== 'settings')),
          index: fc.nat(),
          field: fc.nat(),
          value: fc.oneof(
            fc.constant(undefined),
            fc.string(),
            fc.integer(),
            fc.constant(null),
            fc.boolean(),
          ),
          duplicate: fc.boolean(),
        })
        .map(({ table, index, field, value, duplicate }) => {
          const copy = structuredClone(valid) as {
            tables: Record<string, Record<string, unknown>[]>;
          };
          const rows = copy.tables[table] ?? [];
          const row = rows[index % Math.max(rows.length, 1)];
          if (!row) return { data: copy, skip: true };
          if (duplicate) rows.push({ ...row });
          else {
            const keys = Object.keys(row);
            const key = keys[field % keys.length] ?? 'id';
            if (value === undefined) delete row[key];
            else row[key] = value;
          }
          return { data: copy, skip: false };
        }),
    );

    await fc.assert(
      fc.asyncProperty(corrupt, async (c) => {
        if ('text' in c) {
          const parsed = parseBackupText(c.text);
          expect(parsed.ok).toBe(false);
          if (!parsed.ok) expect(parsed.problems.length).toBeGreaterThan(0);
          return;
        }
        if (c.skip) return;
        const data = c.data;
        try {
          await importBackup(target, data, { onConflict: 'replace' });
          // Some mutations keep the file valid (a string where any string goes): then it is
          // written whole. Put the target back for the next run.
          await target.transaction(
            'rw',
            BACKUP_TABLES.map((t) => target.table(t)),
            async () => {
              for (const t of BACKUP_TABLES) await target.table(t).clear();
              for (const t of BACKUP_TABLES) await target.table(t).bulkAdd(before[t] ?? []);
            },
          );
        } catch (error) {
          expect(error).toBeInstanceOf(BackupImportError);
          expect((error as BackupImportError).problems[0]?.path).toMatch(/^tables\./);
          expect(await snapshot(target)).toEqual(before);
        }
      }),
      { numRuns: 60 },
    );
    expect(a.id).toBeTruthy();
  });

  it('rejects a newer schema version with a clear message', async () => {
    const backup = roundTrip(await exportAll(db, META)) as Record<string, unknown>;
    backup.schemaVersion = 3;
    await expect(importBackup(db, backup, { onConflict: 'skip' })).rejects.toThrow(
      /newer Warroom \(schema version 3/,
    );
  });
});
