import { describe, expect, it } from 'vitest';
import { BACKUP_TABLES, type BackupTables } from '../domain/backup';
import type { Incident } from '../domain/incident';
import { RESOLVED } from '../render/testing/fixture';
import {
  BackupImportError,
  factKeys,
  planImport,
  type AnyRow,
  type ImportFacts,
} from './backup-import';

const ctx = { now: Date.UTC(2026, 10, 23), author: 'Alice' };

function file(patch: Partial<BackupTables>): BackupTables {
  const empty = Object.fromEntries(BACKUP_TABLES.map((t) => [t, []])) as unknown as BackupTables;
  return { ...empty, ...patch };
}

const person = (id: string, name: string) => ({ id, name, handle: '', team: '', lastUsedAt: 1 });

function facts(incidents: Incident[], people: AnyRow[] = []): ImportFacts {
  return {
    incidents,
    byKey: { people: new Map(people.map((p) => [p.id as string, p])) },
    byUnique: { people: new Map(people.map((p) => [p.name as string, p])) },
  };
}

describe('planImport', () => {
  it('adds new rows, replaces or skips existing ones, and counts them', () => {
    const tables = file({
      incidents: [RESOLVED],
      people: [person('p1', 'Ann'), person('p2', 'Bob')] as never,
    });
    const here = facts([], [person('p1', 'Ann')]);
    const replace = planImport(tables, here, { onConflict: 'replace', ctx });
    expect(replace.changes.incidents?.added).toEqual([RESOLVED]);
    expect(replace.changes.people).toEqual({
      added: [person('p2', 'Bob')],
      updated: [person('p1', 'Ann')],
    });
    expect(replace.summary.people).toMatchObject({ added: 1, replaced: 1, skipped: 0 });
    const skip = planImport(tables, here, { onConflict: 'skip', ctx });
    expect(skip.changes.people).toEqual({ added: [person('p2', 'Bob')] });
    expect(skip.summary.people).toMatchObject({ added: 1, skipped: 1 });
  });

  it('a name held under another id: replace removes that row first; a renaming clash is refused by path', () => {
    const replace = planImport(
      file({ people: [person('new', 'Ann')] as never }),
      facts([], [person('old', 'Ann')]),
      { onConflict: 'replace', ctx },
    );
    expect(replace.changes.people).toEqual({ added: [person('new', 'Ann')], removed: ['old'] });
    expect(() =>
      planImport(
        file({ people: [person('p1', 'Bob')] as never }),
        facts([], [person('p1', 'Ann'), person('p2', 'Bob')]),
        { onConflict: 'replace', ctx },
      ),
    ).toThrow(BackupImportError);
  });

  it('a taken reference is refused, or renumbered with its record', () => {
    const other = { ...RESOLVED, id: 'someone-else' };
    const tables = file({ incidents: [RESOLVED] });
    expect(() => planImport(tables, facts([other]), { onConflict: 'replace', ctx })).toThrow(
      /already used by a different incident/,
    );
    const renumbered = planImport(tables, facts([other]), {
      onConflict: 'replace',
      newReferences: true,
      ctx,
    });
    const row = renumbered.changes.incidents?.added?.[0];
    expect(row?.ref).not.toBe(RESOLVED.ref);
    expect(row?.renumberedFrom).toEqual({ ref: RESOLVED.ref, importedAt: ctx.now });
    expect(renumbered.changes.timelineEntries?.added?.[0]?.change).toMatchObject({
      type: 'reference',
      from: RESOLVED.ref,
      to: row?.ref,
    });
    expect(renumbered.summary.incidents).toMatchObject({ added: 1, renumbered: 1 });
  });

  it('factKeys lists the keys and unique names the facts must cover', () => {
    const { keys, uniques } = factKeys(file({ people: [person('p1', 'Ann')] as never }));
    expect(keys.people).toEqual(['p1']);
    expect(uniques.people).toEqual(['Ann']);
    expect(uniques.timelineEntries).toBeUndefined();
  });
});
