import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * The dev server injects an inline script (React Fast Refresh), which the Content Security Policy
 * in index.html forbids. The policy is for the built app, so the dev server serves the page without it.
 */
function dropCspInDevServer(): Plugin {
  return {
    name: 'avg-desk:drop-csp-in-dev-server',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/u, ''),
  };
}

/**
 * The renderer build, shared by browser mode (`npm run build:web`, served from out/renderer) and the
 * Electron build (electron.vite.config.ts imports `rendererConfig`). `base: './'` because the desktop
 * app loads index.html from disk.
 */
export const rendererConfig: UserConfig = {
  root: 'renderer',
  base: './',
  plugins: [react(), dropCspInDevServer()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    // Electron 45 and current Chromium: no need to transpile for older browsers.
    target: 'es2023',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
  },
};

export default defineConfig(rendererConfig);
