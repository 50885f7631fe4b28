// The builds `npm start` and `npm run start:web` need, made only when their sources changed since the
// last one (build-stamp.mjs): a second start serves what is already built instead of rebuilding.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fingerprint, isFresh, writeStamp } from './build-stamp.mjs';

/** Everything that ends up in a build besides the sources: configs, and the installed libraries (the lock). */
const CONFIG = ['package.json', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.web.json', 'vite.renderer.config.ts'];

const BUILDS = {
  // `npm run build:web`: the renderer alone, for browser mode.
  web: {
    inputs: ['renderer', 'shared', ...CONFIG],
    outputs: ['out/renderer/index.html'],
    command: () => ['vite', ['build', '--config', 'vite.renderer.config.ts']],
  },
  // `npm run build` (electron-vite): main, preload and renderer, for the desktop app.
  electron: {
    inputs: ['main', 'db', 'shared', 'renderer', 'electron.vite.config.ts', 'tsconfig.node.json', ...CONFIG],
    outputs: ['out/main/index.js', 'out/main/worker.js', 'out/preload/index.cjs', 'out/renderer/index.html'],
    command: () => ['electron-vite', ['build']],
  },
};

/** A package's command-line script, run with this Node (no npm or shell in between). */
function packageBin(name) {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve(`${name}/package.json`);
  const { bin } = require(manifest);
  return join(dirname(manifest), typeof bin === 'string' ? bin : bin[name]);
}

/**
 * What it takes to bring `name` ('web' or 'electron') up to date: null when its sources did not
 * change since its last build, otherwise the build command ([program, args]) and `done`, to call
 * after it succeeded. The fingerprint is taken now, before building, so an edit during the build
 * makes the next start build again.
 */
export function staleBuild(name) {
  const build = BUILDS[name];
  const print = fingerprint(build.inputs);
  if (isFresh(name, print, build.outputs)) {
    process.stdout.write('De gebouwde app is actueel; er wordt niet opnieuw gebouwd.\n');
    return null;
  }
  const [tool, args] = build.command();
  return { command: [process.execPath, [packageBin(tool), ...args]], done: () => writeStamp(name, print, build.outputs) };
}

/** Builds `name` when it is stale, in the foreground; returns the build's exit status (0 when none was needed). */
export function ensureBuilt(name) {
  const stale = staleBuild(name);
  if (!stale) return 0;
  const [program, args] = stale.command;
  const result = spawnSync(program, args, { stdio: 'inherit' });
  if (result.status !== 0) return result.status ?? 1;
  stale.done();
  return 0;
}
