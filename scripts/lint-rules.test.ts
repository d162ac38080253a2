import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The architecture rules lint enforces (ARCHITECTURE.md): the import boundaries inside
 * renderer/ and the one write gateway. Each is tried on a snippet that breaks it and on one that
 * keeps it, so a rule that silently stopped matching fails here.
 */

// The project's own config, loaded as data (it is plain JavaScript).
const { default: config } = (await import(
  new URL('../eslint.config.js', import.meta.url).href
)) as { default: Linter.Config[] };
const picked = config.filter(
  (c) => c.rules && ('no-restricted-imports' in c.rules || 'no-restricted-syntax' in c.rules),
);
const eslint = new ESLint({
  cwd: new URL('..', import.meta.url).pathname,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
    ...picked,
  ],
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the one write gateway', () => {
  const writes = [
    'await db.incidents.put(row);',
    'await db.timelineEntries.add(entry);',
    "await db.table('drafts').delete(key);",
    "await db.actionItems.where('incidentId').equals(id).modify({ status: 'done' });",
    "await db.people.where('name').equals(n).delete();",
    "await db.transaction('rw', db.incidents, async () => {});",
    'const native = db.backendDB();',
  ];
  it.each(writes)('refuses %s outside the commit module', async (code) => {
    expect(await problems('renderer/features/x/y.ts', code)).toEqual([
      expect.stringMatching(/^no-restricted-syntax: .*commit\.ts/),
    ]);
    expect(await problems('renderer/db/repo/y.ts', code)).toHaveLength(1);
  });

  it('allows them in the commit module, and allows reads and Map/Set deletes anywhere', async () => {
    expect(await problems('renderer/db/commit.ts', writes.join('\n'))).toEqual([]);
    const reads = [
      'await db.incidents.get(id);',
      "await db.transaction('r', db.incidents, async () => {});",
      'seen.delete(id);',
      "await read.timelineEntries.where('incidentId').equals(id).toArray();",
    ].join('\n');
    expect(await problems('renderer/features/x/y.ts', reads)).toEqual([]);
  });
});

describe('import boundaries inside renderer/', () => {
  const cases: [string, string, boolean][] = [
    ['renderer/ui/button.tsx', "import { x } from '../db/repo/errors';", false],
    ['renderer/ui/button.tsx', "import { x } from '../store/ui-store';", false],
    ['renderer/ui/button.tsx', "import { x } from '../features/shell/page-title';", false],
    ['renderer/ui/button.tsx', "import { x } from '../../shared/logic/time';", true],
    ['renderer/db/repo/roles.ts', "import { x } from '../../features/roles/queries';", false],
    ['renderer/db/repo/roles.ts', "import { x } from '../../ui/field';", false],
    ['renderer/db/repo/roles.ts', "import { x } from '../../../shared/commands/roles';", true],
    ['renderer/store/ui-store.ts', "import { x } from '../db/commit';", false],
    ['renderer/features/roles/x.tsx', "import { x } from '../../db/commit';", true],
    ['renderer/features/roles/x.tsx', "import { x } from '../../ui/field';", true],
    ['renderer/features/roles/x.tsx', "import { x } from 'node:fs';", false],
    ['renderer/ui/button.test.tsx', "import { x } from '../db/test-db';", true],
  ];
  it.each(cases)('%s: %s allowed=%s', async (file, code, allowed) => {
    const found = await problems(file, code);
    expect(found.length === 0).toBe(allowed);
  });
});

describe('one datetime-local field', () => {
  const bare =
    'export const F = () => <input type="datetime-local" value="" onChange={() => {}} />;';
  it('refuses a bare datetime-local input in renderer/ code', async () => {
    expect(await problems('renderer/features/x/y.tsx', bare)).toEqual([
      expect.stringMatching(/^no-restricted-syntax: Use DateTimeField/),
    ]);
  });

  it('allows other inputs and the DateTimeField itself', async () => {
    expect(
      await problems('renderer/features/x/y.tsx', 'export const F = () => <input type="date" />;'),
    ).toEqual([]);
    const field = [
      'export const F = () => (',
      '  <input',
      '    // eslint-disable-next-line no-restricted-syntax -- this is the one DateTimeField.',
      '    type="datetime-local"',
      '  />',
      ');',
    ].join('\n');
    expect(await problems('renderer/ui/datetime-field.tsx', field)).toEqual([]);
  });
});
