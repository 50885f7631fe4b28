import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config.js';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * `npm run build` (electron-vite build): out/main/index.js (ESM, package.json "main"),
 * out/preload/index.cjs and out/renderer/. Dependencies (the native better-sqlite3-multiple-ciphers
 * and @node-rs/argon2 among them) stay external in main: electron-builder ships them from
 * node_modules, rebuilt for Electron.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rolldownOptions: {
        // The redaction worker is an entry of its own: worker threads load a file (out/main/worker.js).
        input: { index: here('./main/app/electron/main.ts'), worker: here('./main/redaction/worker.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Bundle everything (only 'electron' stays a require): a sandboxed preload cannot load modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: here('./main/app/electron/preload.ts') },
        // A sandboxed preload must be CommonJS; with "type": "module" electron-vite would emit .mjs.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      // electron-vite resolves outDir against the project root, not the renderer root.
      outDir: 'out/renderer',
      rolldownOptions: { input: here('./renderer/index.html') },
    },
  },
});
