import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder cannot build here (it downloads Electron), but the first thing every build does
 * is validate the configuration against its JSON schema. This runs that same validation (from the
 * installed app-builder-lib, with the js-yaml electron-builder reads the file with), so a typo in
 * electron-builder.yml fails `npm test` instead of the release build.
 */
interface ConfigModule {
  validateConfiguration(config: unknown, debugLogger: { readonly isEnabled: boolean }): Promise<void>;
}
interface Yaml {
  load(text: string): unknown;
}

const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js') as ConfigModule;
const yaml = fromBuilder('js-yaml') as Yaml;

const CONFIG_FILE = 'electron-builder.yml';
const text = readFileSync(CONFIG_FILE, 'utf8');
const validate = (source: string) => validateConfiguration(yaml.load(source), { isEnabled: false });

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string };
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  win: { target: { target: string; arch: string[] }[] };
  nsis: Record<string, unknown>;
  publish: null;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validate(text)).resolves.toBeUndefined();
  });

  it.each([
    ['an unknown top-level property (typo)', text.replace('npmRebuild: true', 'npmRebuilt: true'), "unknown property 'npmRebuilt'"],
    ['an unknown nsis option (wrong case)', text.replace('oneClick: false', 'oneclick: false'), 'configuration.nsis should be one of these'],
    ['a wrong type', text.replace('perMachine: false', 'perMachine: [ja]'), 'nsis.perMachine should be a boolean'],
    ['an unknown fuse', text.replace('runAsNode: false', 'runAsNodes: false'), 'configuration.electronFuses should be one of these'],
  ])('fails on a broken copy: %s', async (_label, broken, expected) => {
    expect(broken).not.toBe(text);
    await expect(validate(broken)).rejects.toThrow(expected);
  });

  it('says what the installer must be', () => {
    const config = yaml.load(text) as BuilderConfig;
    expect(config).toMatchObject({
      appId: 'nl.dealliantie.avgdesk',
      productName: 'AVG Desk',
      directories: { output: 'dist' },
      npmRebuild: true,
      win: { target: [{ target: 'nsis', arch: ['x64'] }] },
      nsis: { oneClick: false, perMachine: false, allowElevation: true, allowToChangeInstallationDirectory: true, deleteAppDataOnUninstall: false },
      publish: null,
    });
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3-multiple-ciphers/**', '**/node_modules/@node-rs/**']));
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'db/local/migrations/**', 'package.json']));
  });

  it('packs what the app reads at run time', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
    // drizzle's migrator needs the journal next to the SQL files.
    expect(existsSync('db/local/migrations/meta/_journal.json')).toBe(true);
    // main.ts loads this exact preload file; electron.vite.config.ts must emit it under that name.
    expect(readFileSync('main/electron/main.ts', 'utf8')).toContain("'../preload/index.cjs'");
    expect(readFileSync('electron.vite.config.ts', 'utf8')).toMatch(/format: 'cjs', entryFileNames: '\[name\]\.cjs'/u);
  });
});
