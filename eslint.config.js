// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries (docs/ARCHITECTURE.md, "Layers"), enforced here:
 *   renderer → shared;  main → shared, db;  db → shared;  shared → (nothing of ours, no platform).
 * Only main/electron/ may import 'electron'.
 */
const NODE_BUILTINS = [
  'node:*', 'fs', 'fs/*', 'path', 'path/*', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'tls', 'url',
  'util', 'stream', 'stream/*', 'worker_threads', 'zlib', 'events', 'buffer', 'process', 'dns', 'readline', 'module', 'v8', 'vm',
];
const DATABASE_AND_PDF = ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'drizzle-orm', 'drizzle-orm/*', 'pg', 'pg/*', '@electric-sql/*', 'pdf-lib', '@pdf-lib/*', 'pdfjs-dist', 'pdfjs-dist/*', '@signpdf/*'];

const restrict = (...groups) => ['error', { patterns: groups }];

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
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': restrict(
        { group: NODE_BUILTINS, message: 'shared/ runs everywhere: no Node built-ins.' },
        { group: ['electron', 'react', 'react-dom', 'react/*', '@fluentui/*', ...DATABASE_AND_PDF], message: 'shared/ holds pure rules: no Electron, React, database or PDF library.' },
        { group: ['**/main/**', '**/renderer/**', '**/db/**'], message: 'shared/ imports nothing of the app: the dependency direction is renderer → shared ← main, db.' },
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
        { group: ['electron', ...DATABASE_AND_PDF.filter((p) => !p.startsWith('pdfjs'))], message: 'The renderer talks to the backend through the typed API only.' },
        { group: ['**/main/**', '**/db/**'], message: 'renderer/ may import only shared/ and its own files.' },
      ),
    },
  },
  {
    files: ['db/**'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['electron'], message: 'Only main/electron/ imports electron.' },
        { group: ['**/main/**', '**/renderer/**'], message: 'db/ may import only shared/.' },
      ),
    },
  },
  {
    files: ['main/**'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['electron'], message: 'Only main/electron/ imports electron; the rest of main/ runs in plain Node.' },
        { group: ['**/renderer/**'], message: 'main/ never imports the renderer.' },
      ),
    },
  },
  {
    files: ['main/electron/**'],
    rules: {
      'no-restricted-imports': restrict({ group: ['**/renderer/**'], message: 'main/ never imports the renderer.' }),
    },
  },
  {
    files: ['main/cli/**', 'main/server/start.ts', 'scripts/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
