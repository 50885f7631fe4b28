// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries (docs/ARCHITECTURE.md, "Layers"), enforced here:
 *   renderer → shared;  main → shared, db;  db → shared;  shared → (nothing of ours, no platform).
 * Only main/app/electron/ may import 'electron'.
 */
const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'path/*',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'tls',
  'url',
  'util',
  'stream',
  'stream/*',
  'worker_threads',
  'zlib',
  'events',
  'buffer',
  'process',
  'dns',
  'readline',
  'module',
  'v8',
  'vm',
];
const DATABASE_AND_PDF = [
  'better-sqlite3',
  'better-sqlite3-multiple-ciphers',
  'drizzle-orm',
  'drizzle-orm/*',
  'pg',
  'pg/*',
  '@electric-sql/*',
  'pdf-lib',
  '@pdf-lib/*',
  'pdfjs-dist',
  'pdfjs-dist/*',
  '@signpdf/*',
];

const restrict = (...groups) => ['error', { patterns: groups }];

/**
 * Layers inside a runtime, by folder. In main/: platform (store, keyring, clock, log, errors, call
 * context) is below every concept and never imports one, nor the app; a concept never imports the
 * app (composition root, dispatcher, Electron, server, CLI). In renderer/src/ the same holds for ui/
 * and api/ (below the concepts) and app/ (the shell, on top).
 */
const CONCEPTS = [
  'cases',
  'deadlines',
  'identity',
  'dossier',
  'redaction',
  'letters',
  'signing',
  'sync',
  'handover',
  'retention',
  'reports',
  'audit',
  'staff',
  'settings',
  'work',
];
const LAYERED_RUNTIMES = [
  { root: 'main/', below: ['platform'], top: 'app' },
  { root: 'renderer/src/', below: ['ui', 'api'], top: 'app' },
];

/** 'platform', 'concept' or 'app' for a path relative to the project root, or null outside the layers. */
function layerOf(path) {
  for (const runtime of LAYERED_RUNTIMES) {
    if (!path.startsWith(runtime.root)) continue;
    const folder = path.slice(runtime.root.length).split('/')[0];
    if (runtime.below.includes(folder)) return { runtime, layer: 'below', folder };
    if (folder === runtime.top) return { runtime, layer: 'top', folder };
    if (CONCEPTS.includes(folder)) return { runtime, layer: 'concept', folder };
  }
  return null;
}

const HERE = import.meta.dirname;
const relativeToRoot = (file) =>
  file
    .slice(HERE.length + 1)
    .split('\\')
    .join('/');

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    if (!context.filename.startsWith(HERE)) return {};
    const file = relativeToRoot(context.filename);
    const from = layerOf(file);
    if (from === null) return {};
    const check = (node) => {
      const specifier = node?.source?.value;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = posixJoin(file.split('/').slice(0, -1).join('/'), specifier);
      const to = layerOf(target);
      if (to === null || to.runtime !== from.runtime) return;
      const root = from.runtime.root;
      if (from.layer === 'below' && to.layer !== 'below') {
        context.report({
          node: node.source,
          message: `${root}${from.folder}/ is below the concepts and ${root}${from.runtime.top}/: it never imports ${root}${to.folder}/. Move what both need down into ${root}${from.folder}/ or pass it in.`,
        });
      } else if (from.layer === 'concept' && to.layer === 'top') {
        context.report({
          node: node.source,
          message: `A concept never imports ${root}${from.runtime.top}/ (the composition root and shell): move what it needs into the concept or below.`,
        });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

function posixJoin(dir, specifier) {
  const parts = dir === '' ? [] : dir.split('/');
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/e2e/screenshots/**', 'db/local/migrations/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  { files: ['main/**', 'renderer/src/**'], plugins: { 'avg-desk': { rules: { layers: layersRule } } }, rules: { 'avg-desk/layers': 'error' } },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': restrict(
        { group: NODE_BUILTINS, message: 'shared/ runs everywhere: no Node built-ins.' },
        {
          group: ['electron', 'react', 'react-dom', 'react/*', '@fluentui/*', ...DATABASE_AND_PDF],
          message: 'shared/ holds pure rules: no Electron, React, database or PDF library.',
        },
        {
          group: ['**/main/**', '**/renderer/**', '**/db/**'],
          message: 'shared/ imports nothing of the app: the dependency direction is renderer → shared ← main, db.',
        },
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        { group: NODE_BUILTINS, message: 'The renderer cannot use Node: it talks to the backend through the API client.' },
        {
          group: ['electron', ...DATABASE_AND_PDF.filter((p) => !p.startsWith('pdfjs'))],
          message: 'The renderer talks to the backend through the typed API only.',
        },
        { group: ['**/main/**', '**/db/**'], message: 'renderer/ may import only shared/ and its own files.' },
      ),
    },
  },
  {
    files: ['db/**'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['electron'], message: 'Only main/app/electron/ imports electron.' },
        { group: ['**/main/**', '**/renderer/**'], message: 'db/ may import only shared/.' },
      ),
    },
  },
  {
    files: ['main/**'],
    ignores: ['main/app/electron/**'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['electron'], message: 'Only main/app/electron/ imports electron; the rest of main/ runs in plain Node.' },
        { group: ['**/renderer/**'], message: 'main/ never imports the renderer.' },
      ),
    },
  },
  {
    files: ['main/app/electron/**'],
    rules: { 'no-restricted-imports': restrict({ group: ['**/renderer/**'], message: 'main/ never imports the renderer.' }) },
  },
  { files: ['main/app/cli/**', 'main/app/start-web.ts', 'scripts/**', 'test/**'], rules: { 'no-console': 'off' } },
);
