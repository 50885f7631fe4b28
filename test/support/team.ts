import type { Logger } from '../../main/platform/log.js';
import { addStaff, initialized, tempDir, value } from './backend.js';

/**
 * A desktop with the people most tests need: an admin, intake, two handlers and a dpo, at
 * 25 November 2026, with sessions that outlive the clock jumps tests make. `register` creates a
 * case assigned to the first handler unless the test says otherwise.
 */
export async function team(onCleanup: (cleanup: () => void) => void, options: { logger?: Logger; idleTimeoutSeconds?: number } = {}) {
  const t = tempDir();
  onCleanup(t.cleanup);
  const init = await initialized(t.dir, { idleTimeoutSeconds: 90 * 86_400, ...options });
  const intake = await addStaff(init.backend, init.adminToken, 'balie', ['intake'], 'Ilse Intake');
  const h1 = await addStaff(init.backend, init.adminToken, 'hanna', ['handler'], 'Hanna Behandelaar');
  const h2 = await addStaff(init.backend, init.adminToken, 'henk', ['handler'], 'Henk Behandelaar');
  const dpo = await addStaff(init.backend, init.adminToken, 'fg', ['dpo'], 'Fenna FG');
  const register = async (requester: { name: string; birthDate?: string; [key: string]: unknown }, extra: Record<string, unknown> = {}) =>
    value(
      await init.call(
        'case.create',
        {
          type: 'inzage',
          requester: { relation: 'huurder', ...requester },
          channel: 'brief',
          received: '2026-11-25',
          writtenAndSigned: true,
          handlerId: h1.id,
          ...extra,
        },
        intake.token,
      ),
    ).id;
  return { ...init, dir: t.dir, intake, h1, h2, dpo, register };
}
