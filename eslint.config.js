// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'http',
  'https',
];

/** A table's write methods (Dexie), for the one-write-gateway rule. */
const WRITE_METHODS = 'add|put|update|upsert|delete|bulkAdd|bulkPut|bulkUpdate|bulkDelete|clear';

const rendererBase = {
  paths: [
    { name: 'electron', message: 'renderer/ reaches the desktop only through renderer/platform.' },
  ],
  patterns: [
    {
      group: nodeBuiltins,
      message: 'renderer/ reaches the desktop only through renderer/platform.',
    },
    { group: ['**/electron/**'], message: 'renderer/ must not import from electron/.' },
  ],
};

/** The folders each renderer/ folder may not import from, and why. */
const RENDERER_LAYERS = [
  { folder: 'features', banned: [] },
  {
    folder: 'db',
    banned: ['features', 'store', 'ui', 'platform', 'sync'],
    why: 'renderer/db imports only shared/.',
  },
  {
    folder: 'sync',
    banned: ['features', 'store', 'ui', 'platform'],
    why: 'renderer/sync (the multi-seat engine) imports only db/ and shared/.',
  },
  {
    folder: 'ui',
    banned: ['features', 'store', 'db', 'platform', 'sync'],
    why: 'renderer/ui (primitives) imports only shared/.',
  },
  {
    folder: 'store',
    banned: ['features', 'db', 'ui', 'platform', 'sync'],
    why: 'renderer/store imports only shared/.',
  },
  {
    folder: 'platform',
    banned: ['features', 'db', 'ui', 'store', 'sync'],
    why: 'renderer/platform imports only shared/.',
  },
];

function rendererBoundaries() {
  return [
    {
      files: ['renderer/**/*.{ts,tsx}'],
      rules: { 'no-restricted-imports': ['error', rendererBase] },
    },
    ...RENDERER_LAYERS.filter((l) => l.banned.length > 0).map((l) => ({
      files: [`renderer/${l.folder}/**/*.{ts,tsx}`],
      ignores: ['**/*.test.ts', '**/*.test.tsx'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            ...rendererBase,
            patterns: [
              ...rendererBase.patterns,
              ...l.banned.map((b) => ({
                group: [`**/${b}/**`, `../${b}/*`, `./${b}/*`],
                message: l.why,
              })),
            ],
          },
        ],
      },
    })),
  ];
}

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'release',
      'test-results',
      'playwright-report',
      '.e2e-dist',
      '.bench-dist',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Import boundaries between the three processes' code (ARCHITECTURE.md).
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is pure domain code: no Electron.' }],
          patterns: [
            {
              group: ['react', 'react-*', 'react/*', 'dexie', 'dexie-*', ...nodeBuiltins],
              message: 'shared/ is pure domain code: no React, Dexie, Electron or Node.',
            },
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'shared/ must not import from renderer/ or electron/.',
            },
          ],
        },
      ],
    },
  },
  // Inside renderer/ (ARCHITECTURE.md, boundaries): features → db (read views and commands),
  // store, platform, ui, shared; db → shared; ui → shared only; store → shared only; platform →
  // shared only. Tests may compose across folders; production code may not.
  ...rendererBoundaries(),
  // One write gateway: only renderer/db/commit.ts opens a write transaction or calls a table's
  // write method; everything else builds a change set (shared/commands) and commits it.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: [
      'renderer/db/commit.ts',
      'renderer/db/test-db.ts',
      'renderer/db/migrations/**',
      '**/*.test.ts',
      '**/*.test.tsx',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='transaction'][arguments.0.value=/^(rw|readwrite)/]",
          message:
            'Only renderer/db/commit.ts opens a write transaction: return a change set (shared/commands) and use runCommand / commit.',
        },
        {
          selector: `CallExpression[callee.property.name=/^(${WRITE_METHODS})$/][callee.object.type='MemberExpression'][callee.object.object.name=/^(db|read|database)$/]`,
          message: 'Tables are written only by renderer/db/commit.ts: build a change set instead.',
        },
        {
          selector: `CallExpression[callee.property.name=/^(${WRITE_METHODS})$/][callee.object.callee.property.name='table']`,
          message: 'Tables are written only by renderer/db/commit.ts: build a change set instead.',
        },
        {
          selector: "CallExpression[callee.property.name='modify']",
          message:
            'Collections are modified only by renderer/db/commit.ts: build a change set instead.',
        },
        {
          selector: "CallExpression[callee.property.name='delete'][arguments.length=0]",
          message:
            'Collections are deleted only by renderer/db/commit.ts: build a change set instead.',
        },
        {
          selector: "MemberExpression[property.name='backendDB']",
          message: 'The native IndexedDB connection belongs to renderer/db/commit.ts.',
        },
        // Every typed date and time asks the same way about a daylight-saving change: a time
        // the clocks skipped is refused, one that happened twice asks which instant.
        {
          selector: "JSXAttribute[name.name='type'][value.value='datetime-local']",
          message:
            'Use DateTimeField (renderer/ui/datetime-field.tsx) and settleDateTimeInput: a bare datetime-local input turns a repeated hour into a refusal or a guess.',
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'electron/ must not import from renderer/.' },
          ],
        },
      ],
    },
  },
  // The relay (relay/) runs in Node or an Electron utility process: it shares shared/ with
  // the seats but never reaches into the app's own processes.
  {
    files: ['relay/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'relay/ runs in plain Node: no Electron.' }],
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'relay/ imports only shared/ and Node: not renderer/ or electron/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'electron/ must not import from renderer/.' },
            {
              group: ['**/shared/**'],
              allowTypeImports: true,
              message: 'The preload imports only types from shared/.',
            },
          ],
        },
      ],
    },
  },
);
