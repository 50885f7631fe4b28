import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The dependency direction (docs/ARCHITECTURE.md, "Layers") is enforced by ESLint (eslint.config.js). These cases lint
 * made-up files at real paths, so a weakened rule fails here and not only in review.
 */
const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

describe('import boundaries', () => {
  it.each([
    ['shared/x.ts', "import { readFileSync } from 'node:fs'; export const a = readFileSync;"],
    ['shared/x.ts', "import { createHash } from 'crypto'; export const a = createHash;"],
    ['shared/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['shared/x.ts', "import { useState } from 'react'; export const a = useState;"],
    ['shared/x.ts', "import { PDFDocument } from 'pdf-lib'; export const a = PDFDocument;"],
    ['shared/x.ts', "import { sql } from 'drizzle-orm'; export const a = sql;"],
    ['shared/x.ts', "import { createBackend } from '../main/backend.js'; export const a = createBackend;"],
    ['renderer/src/x.ts', "import { createBackend } from '../../main/backend.js'; export const a = createBackend;"],
    ['renderer/src/x.ts', "import { staff } from '../../db/local/schema.js'; export const a = staff;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;"],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs'; export const a = readFileSync;"],
    ['db/local/x.ts', "import { createBackend } from '../../main/backend.js'; export const a = createBackend;"],
    ['main/services/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['main/api/x.ts', "import { App } from '../../renderer/src/App.js'; export const a = App;"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restricted(file, code)).toBe(true);
  });

  it.each([
    ['renderer/src/x.ts', "import { contract } from '../../shared/api/contract.js'; export const a = contract;"],
    ['main/services/x.ts', "import { staff } from '../../db/local/schema.js'; export const a = staff;"],
    ['main/electron/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['db/local/x.ts', "import { ROLES } from '../../shared/roles.js'; export const a = ROLES;"],
    ['shared/x.ts', "import { z } from 'zod'; export const a = z;"],
  ])('%s may: %s', async (file, code) => {
    expect(await restricted(file, code)).toBe(false);
  });
});
