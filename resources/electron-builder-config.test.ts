import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
> & {
  directories: { buildResources: string; output: string };
  files: string[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; category: string; maintainer: string; icon: string };
  mac: { target: string[]; category: string; icon: string };
  win: { target: string[]; icon: string };
};

function compileSchema() {
  const schema = JSON.parse(
    readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
  ) as object;
  // The schema is draft-07 (ajv's default) with union `type` arrays and a few keywords that
  // ajv's strict mode flags, hence the relaxed options.
  const ajv = new Ajv({ strict: false, allowUnionTypes: true, allErrors: true });
  return ajv.compile(schema);
}

describe('electron-builder.yml', () => {
  const validate = compileSchema();

  it("is valid against electron-builder's own JSON schema", () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check is not vacuous: a misspelt fuse fails it', () => {
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsnode: false } };
    expect(validate(broken)).toBe(false);
  });

  it('identifies the app and keeps build resources here', () => {
    expect(config.appId).toBe('app.warroom.desktop');
    expect(config.productName).toBe('Warroom');
    expect(config.directories).toEqual({ buildResources: 'resources', output: 'release' });
    expect(config.asar).toBe(true);
  });

  it('packages only the built app', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/**', 'dist-electron/**', 'package.json']),
    );
  });

  it('flips every security fuse, and no other (SECURITY.md, "The packaged binary")', () => {
    // toEqual, not toMatchObject: dropping a fuse from the file fails here.
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      // file:// pages get no extra powers (the app never loads file://, it serves app://).
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('targets AppImage and deb on Linux, dmg on macOS, NSIS on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Utility');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.developer-tools');
    expect(config.win.target).toEqual(['nsis']);
  });

  it('points every platform at icons that exist', () => {
    const resources = path.join(root, config.directories.buildResources);
    for (const icon of [config.mac.icon, config.win.icon, config.linux.icon]) {
      expect(() =>
        readFileSync(path.join(resources, icon === 'icons' ? 'icons/512x512.png' : icon)),
      ).not.toThrow();
    }
  });

  it('agrees with package.json on the entry point', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      main: string;
    };
    expect(pkg.main).toBe('dist-electron/main/index.js');
  });
});
