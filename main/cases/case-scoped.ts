import type { LocalDb } from '../../db/local/database.js';
import type { CaseRow } from '../../db/local/cases/repository.js';
import type { CallContext } from '../platform/call-context.js';
import type { Vault } from '../platform/vault.js';
import { loadCase } from './case-access.js';
import type { CaseVault } from '../platform/case-vault.js';

/** What the services working on a case's files share: the open store, the case keys, the case lookup. */
export abstract class CaseScopedService {
  constructor(
    protected readonly vault: Vault,
    protected readonly caseVault: CaseVault,
  ) {}

  protected get db(): LocalDb {
    return this.vault.open.db;
  }

  protected caseRow(ctx: CallContext, caseId: string): CaseRow {
    return loadCase(this.db, ctx, caseId);
  }
}
