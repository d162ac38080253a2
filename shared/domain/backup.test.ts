import { describe, expect, it } from 'vitest';
import {
  BACKUP_MAX_BYTES,
  backupFileName,
  backupSizeProblem,
  describeProblem,
  formatPath,
  parseBackupText,
  validateBackup,
} from './backup';
import type { Milestones } from './incident';
import { incidentRow } from './testing/incident';

const empty = (): Record<string, unknown[]> => ({
  incidents: [],
  timelineEntries: [],
  roleAssignments: [],
  hypotheses: [],
  commsUpdates: [],
  actionItems: [],
  postmortems: [],
  people: [],
  services: [],
  runbooks: [],
  settings: [],
});

const person = (id: string, name: string) => ({ id, name, handle: '', team: '', lastUsedAt: 1 });

function file(tables: Record<string, unknown[]> = {}, header: Record<string, unknown> = {}) {
  return {
    format: 'warroom-backup',
    schemaVersion: 2,
    appVersion: '0.1.0',
    exportedAt: '2026-11-22T14:00:00.000Z',
    scope: 'all',
    tables: { ...empty(), ...tables },
    ...header,
  };
}

describe('validateBackup', () => {
  it('accepts a well-formed file, of this or the previous schema version', () => {
    expect(validateBackup(file({ people: [person('p1', 'Bob')] })).ok).toBe(true);
    expect(validateBackup(file({}, { schemaVersion: 1 })).ok).toBe(true);
    expect(validateBackup(file({}, { scope: { incidentId: 'x' } })).ok).toBe(true);
  });

  it('says when a file is not a backup or comes from a newer app', () => {
    const notBackup = validateBackup({ hello: 1 });
    expect(!notBackup.ok && describeProblem(notBackup.problems[0]!)).toMatch(
      /^format: This is not/,
    );
    const newer = validateBackup(file({}, { schemaVersion: 7 }));
    expect(!newer.ok && newer.problems[0]?.message).toMatch(/newer Warroom \(schema version 7/);
    expect(validateBackup([]).ok).toBe(false);
  });

  it('reports the first problems with their paths', () => {
    const result = validateBackup(
      file({ people: [person('p1', 'Bob'), { ...person('p2', 'Eve'), lastUsedAt: 'x' }] }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.path).toBe('tables.people[1].lastUsedAt');
  });

  it('rejects duplicate ids and duplicate unique names inside the file', () => {
    const dupId = validateBackup(file({ people: [person('p1', 'A'), person('p1', 'B')] }));
    expect(!dupId.ok && describeProblem(dupId.problems[0]!)).toBe(
      'tables.people[1].id: Duplicate id "p1" (also at tables.people[0]).',
    );
    const dupName = validateBackup(file({ people: [person('p1', 'A'), person('p2', 'A')] }));
    expect(!dupName.ok && dupName.problems[0]?.path).toBe('tables.people[1].name');
  });
});

describe('parseBackupText', () => {
  it('reports truncated and empty files without throwing', () => {
    const text = JSON.stringify(file());
    const cut = parseBackupText(text.slice(0, 40));
    expect(!cut.ok && cut.problems[0]?.message).toMatch(/not valid JSON \(it may be truncated/);
    expect(parseBackupText('  ').ok).toBe(false);
    expect(parseBackupText(text).ok).toBe(true);
  });
});

describe('helpers', () => {
  it('formats paths like code', () => {
    expect(formatPath(['tables', 'incidents', 3, 'severity'])).toBe('tables.incidents[3].severity');
    expect(formatPath(['sections', 'a b'])).toBe('sections["a b"]');
  });

  it('names files by UTC date', () => {
    const t = Date.UTC(2026, 0, 2, 23, 30);
    expect(backupFileName(t)).toBe('warroom-backup-2026-01-02.json');
    expect(backupFileName(t, 'INC-2026-01-02-001')).toBe(
      'warroom-INC-2026-01-02-001-2026-01-02.json',
    );
  });
});

describe('validateBackup: milestone order', () => {
  const T = Date.UTC(2026, 10, 22, 14, 0, 0);
  const MIN = 60_000;
  const incident = (milestones: Milestones) =>
    incidentRow({
      id: 'i1',
      slug: '#inc-2026-11-22-x',
      title: 'X',
      status: 'resolved',
      milestones,
      resolutionSummary: 'Fixed',
      createdAt: T,
      updatedAt: T,
    });

  it('refuses an incident whose Started is after its Resolved, naming both', () => {
    const out = validateBackup(
      file({
        incidents: [incident({ started: T + 50 * MIN, declared: T, resolved: T + 10 * MIN })],
      }),
    );
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(describeProblem(out.problems[0]!)).toBe(
      'tables.incidents[0].milestones.started: INC-2026-11-22-001: Started must be at or before ' +
        'Declared (2026-11-22 14:00 UTC) and Resolved (2026-11-22 14:10 UTC).',
    );
  });

  it('accepts ordered milestones', () => {
    const ok = incident({ started: T, declared: T + MIN, resolved: T + 10 * MIN });
    expect(validateBackup(file({ incidents: [ok] })).ok).toBe(true);
  });
});

describe('bounded imports (issue 12)', () => {
  it('a file over 500 MB is refused before it is read', () => {
    expect(backupSizeProblem(BACKUP_MAX_BYTES)).toBeNull();
    expect(backupSizeProblem(2_000_000_000)?.message).toBe(
      'The file is 2,000 MB; a Warroom backup is at most 500 MB. Nothing was imported.',
    );
  });

  it('any value nested deeper than the schemas allow is refused by path, without recursion', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const r = validateBackup(file({ settings: [{ key: 'theme', value: deep }] }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]?.path).toMatch(/^tables\.settings\[0\]\.value\[0\]\[0\]/);
      expect(r.problems[0]?.message).toBe('Nested deeper than 24 levels.');
    }
  });

  it('a settings value within the depth limit but deeper than 16 levels is refused at its path', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 17; i++) deep = { a: deep };
    const r = validateBackup(file({ settings: [{ key: 'theme', value: deep }] }));
    expect(!r.ok && describeProblem(r.problems[0]!)).toMatch(
      /^tables\.settings\[0\]\.value(\.a){17}: Nested deeper than 16 levels\.$/,
    );
  });

  it('NUL in an imported name is removed; a lone surrogate is refused with the field', () => {
    const ok = validateBackup(file({ people: [person('p1', 'Bo\u0000b')] }));
    expect(ok.ok && ok.backup.tables.people[0]?.name).toBe('Bob');
    const bad = validateBackup(file({ people: [person('p1', 'Bob \uD83D')] }));
    expect(!bad.ok && describeProblem(bad.problems[0]!)).toMatch(
      /^tables\.people\[0\]\.name: The name contains a broken character/,
    );
  });
});
