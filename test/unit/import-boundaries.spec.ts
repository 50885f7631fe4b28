import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The dependency direction (docs/ARCHITECTURE.md, "Layers") is enforced by ESLint (eslint.config.js). These cases lint
 * made-up files at real paths, so a weakened rule fails here and not only in review.
 */
const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'avg-desk/layers');
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
    ['main/cases/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['main/app/x.ts', "import { App } from '../../renderer/src/app/App.js'; export const a = App;"],
    // Layers inside main/: platform is below every concept and the app; a concept is below the app.
    ['main/platform/x.ts', "import { CaseService } from '../cases/cases.js'; export const a = CaseService;"],
    ['main/platform/x.ts', "import { createBackend } from '../app/backend.js'; export const a = createBackend;"],
    ['main/platform/central/x.ts', "import { pushOutbox } from '../../sync/push.js'; export const a = pushOutbox;"],
    ['main/cases/x.ts', "import { Dispatcher } from '../app/dispatcher.js'; export const a = Dispatcher;"],
    ['main/cases/x.ts', "export { Dispatcher } from '../app/dispatcher.js';"],
    ['main/sync/x.ts', "export const a = () => import('../app/backend.js');"],
    ['main/letters/x.ts', "export * from '../app/cli/run.js';"],
    // And inside renderer/src/: ui/ and api/ below the concepts, app/ (the shell) on top.
    ['renderer/src/ui/x.ts', "import { CaseScreen } from '../cases/CaseScreen.js'; export const a = CaseScreen;"],
    ['renderer/src/api/x.ts', "import { App } from '../app/App.js'; export const a = App;"],
    ['renderer/src/letters/x.ts', "import { App } from '../app/App.js'; export const a = App;"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restricted(file, code)).toBe(true);
  });

  it.each([
    ['renderer/src/x.ts', "import { contract } from '../../shared/api/contract.js'; export const a = contract;"],
    ['main/cases/x.ts', "import { staff } from '../../db/local/schema.js'; export const a = staff;"],
    ['main/app/electron/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['db/local/x.ts', "import { ROLES } from '../../shared/roles.js'; export const a = ROLES;"],
    ['shared/x.ts', "import { z } from 'zod'; export const a = z;"],
    ['main/cases/x.ts', "import { DomainError } from '../platform/errors.js'; export const a = DomainError;"],
    ['main/cases/x.ts', "import { SessionStore } from '../staff/sessions.js'; export const a = SessionStore;"],
    ['main/app/x.ts', "import { CaseService } from '../cases/cases.js'; export const a = CaseService;"],
    ['main/app/cli/x.ts', "import { Vault } from '../../platform/vault.js'; export const a = Vault;"],
    ['main/platform/x.ts', "import { cases } from '../../db/local/schema.js'; export const a = cases;"],
    ['main/platform/x.ts', "import { letters } from '../../db/local/letters/schema.js'; export const a = letters;"],
    ['main/platform/x.ts', "import { computeDeadline } from '../../shared/deadlines/deadlines.js'; export const a = computeDeadline;"],
    ['renderer/src/cases/x.ts', "import { Page } from '../ui/Page.js'; export const a = Page;"],
    ['renderer/src/app/x.ts', "import { CaseScreen } from '../cases/CaseScreen.js'; export const a = CaseScreen;"],
  ])('%s may: %s', async (file, code) => {
    expect(await restricted(file, code)).toBe(false);
  });
});
