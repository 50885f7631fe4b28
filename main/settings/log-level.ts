import { readSetting, writeSetting } from '../../db/local/settings/repository.js';
import type { SettingKey } from '../../shared/settings/registry.js';
import type { CallContext } from '../platform/call-context.js';
import type { Logger, LogLevel } from '../platform/log.js';
import type { Vault } from '../platform/vault.js';

const SETTING = 'logLevel' satisfies SettingKey;

/**
 * The admin's log-level setting for the file log. It lives in the encrypted store, so until the
 * first sign-in after a start the level from `AVG_DESK_LOG_LEVEL` (default info) applies; from the
 * first sign-in on, the stored one.
 */
export class LogLevelSetting {
  constructor(
    private readonly vault: Vault,
    private readonly logger: Logger,
  ) {}

  private stored(): LogLevel | null {
    return readSetting(this.vault.open.db, SETTING);
  }

  /** After a sign-in has opened the store. */
  applyStored(): void {
    if (!this.vault.isOpen()) return;
    const level = this.stored();
    if (level) this.logger.setLevel(level);
  }

  get(): { level: LogLevel } {
    return { level: this.stored() ?? this.logger.level };
  }

  set(ctx: CallContext, input: { level: LogLevel }): { level: LogLevel } {
    ctx.setRecord(SETTING);
    ctx.commit((db) => writeSetting(db, SETTING, input.level, ctx.now.toISOString()));
    this.logger.setLevel(input.level);
    return input;
  }
}
