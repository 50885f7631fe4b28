import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
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

/** Where the PDF viewer finds the fonts a PDF names without embedding them (Helvetica, Times …); renderer/src/ui/pdf/pdfjs.ts uses the same path. */
const PDF_STANDARD_FONTS_DIR = 'pdfjs/standard_fonts/';

/**
 * pdf.js draws the 14 standard PDF fonts from its own font files when a document does not embed
 * them. They are copied next to the built renderer (same origin, so the CSP allows them), and served
 * from node_modules by the dev server. The renderer points `standardFontDataUrl` at this folder.
 */
function pdfStandardFonts(): Plugin {
  const source = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts');
  const files = () => readdirSync(source).filter((name) => ['.pfb', '.ttf'].includes(extname(name)));
  return {
    name: 'avg-desk:pdf-standard-fonts',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.split('?')[0]?.split(`/${PDF_STANDARD_FONTS_DIR}`)[1];
        if (name === undefined || !files().includes(name)) {
          next();
          return;
        }
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(readFileSync(join(source, name)));
      });
    },
    generateBundle() {
      for (const name of files()) this.emitFile({ type: 'asset', fileName: `${PDF_STANDARD_FONTS_DIR}${name}`, source: readFileSync(join(source, name)) });
    },
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
  plugins: [react(), dropCspInDevServer(), pdfStandardFonts()],
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
