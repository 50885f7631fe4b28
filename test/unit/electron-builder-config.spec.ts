import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ocrAssets } from '../../main/redaction/ocr.js';

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
const { minimatch } = fromBuilder('minimatch') as { minimatch(path: string, pattern: string, options: { dot: boolean }): boolean };
const fromHere = createRequire(import.meta.url);

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

  it('ships OCR unpacked: every file the tesseract worker thread reads, and every package it can require', () => {
    const config = yaml.load(text) as BuilderConfig;
    const root = process.cwd();
    const unpacked = (path: string) => config.asarUnpack.some((pattern) => minimatch(path, pattern, { dot: true }));
    const excluded = (path: string) => config.files.some((pattern) => pattern.startsWith('!') && minimatch(path, pattern.slice(1), { dot: true }));
    const assets = ocrAssets();
    const read = [
      join(assets.langPath, 'nld.traineddata.gz'),
      assets.workerPath,
      ...['', '-simd', '-relaxedsimd'].flatMap((build) => ['.js', '.wasm'].map((ext) => join(assets.corePath, `tesseract-core${build}-lstm${ext}`))),
    ].map((path) => relative(root, path));
    for (const path of read) {
      expect(existsSync(path), path).toBe(true);
      expect([path, unpacked(path), excluded(path)]).toEqual([path, true, false]);
    }
    // The worker script resolves its dependencies next to itself, in app.asar.unpacked.
    const packages = new Set<string>();
    const visit = (name: string) => {
      if (packages.has(name)) return;
      packages.add(name);
      const manifest = JSON.parse(readFileSync(fromHere.resolve(`${name}/package.json`), 'utf8')) as { dependencies?: Record<string, string> };
      for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency);
    };
    visit('tesseract.js');
    for (const name of packages) {
      const path = relative(root, join(dirname(fromHere.resolve(`${name}/package.json`)), 'package.json'));
      expect([name, unpacked(path)]).toEqual([name, true]);
    }
  });

  it('packs what the app reads at run time', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
    // drizzle's migrator needs the journal next to the SQL files.
    expect(existsSync('db/local/migrations/meta/_journal.json')).toBe(true);
    // main.ts loads this exact preload file; electron.vite.config.ts must emit it under that name.
    expect(readFileSync('main/app/electron/main.ts', 'utf8')).toContain("'../preload/index.cjs'");
    expect(readFileSync('electron.vite.config.ts', 'utf8')).toMatch(/format: 'cjs', entryFileNames: '\[name\]\.cjs'/u);
  });
});
