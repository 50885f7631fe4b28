import type { ParsedInput, ProcedureOutput } from '../../shared/api/contract.js';
import type { CallContext } from '../platform/call-context.js';
import type { Vault } from '../platform/vault.js';
import type { AuthService } from '../staff/auth.js';
import { removeRestored, restoreBackup } from './backup.js';
import { DomainError } from '../platform/errors.js';

/**
 * Restoring a backup from the first-run screen. Only a fresh installation can restore, and the
 * restore must prove it opens on the spot: with a staff password (which signs that person in) or
 * with the recovery key (which sets a new admin password, as `setup.recover` does). If neither
 * opens it, the restored files are removed again, so the installation stays fresh.
 */
export class RestoreService {
  constructor(
    private readonly vault: Vault,
    private readonly auth: AuthService,
  ) {}

  async restore(ctx: CallContext, input: ParsedInput<'setup.restore'>): Promise<ProcedureOutput<'setup.restore'>> {
    if (this.vault.isInitialized())
      throw new DomainError('ALREADY_INITIALIZED', 'AVG Desk is op deze computer al ingericht. Een back-up herstelt u alleen in een nieuwe installatie.');
    const restored = restoreBackup(input.path ?? Buffer.from(input.dataBase64 ?? '', 'base64'), this.vault.dataDir, this.vault.protector);
    this.vault.discardKeyringChanges();
    try {
      if (input.method === 'password') {
        return { ...restored, session: await this.auth.login(ctx, { userName: input.userName, password: input.password }) };
      }
      await this.auth.recover(ctx, { recoveryKey: input.recoveryKey, userName: input.userName, newPassword: input.newPassword });
      return { ...restored, session: null };
    } catch (error) {
      this.auth.lockIfIdle();
      removeRestored(this.vault.dataDir);
      this.vault.discardKeyringChanges();
      throw error;
    }
  }
}
