/** The command line run in-process, as the CLI specs drive it: a fresh data folder, its admin, its staff. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../main/app/cli/run.js';
import { ADMIN, STRONG_PASSWORD, tempDir } from './basics.js';
import { P12_PASSWORD } from './letters.js';
import { testPkcs12 } from './pkcs12.js';

/** The CLI with these environment variables (and this on stdin): each run's exit code, stdout and stderr. */
export function cli(env: Record<string, string> = {}, stdin?: string) {
  return async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await runCli(argv, {
      env,
      out: (t) => (out += t),
      err: (t) => (err += t),
      ...(stdin !== undefined ? { stdin: () => Promise.resolve(stdin) } : {}),
    });
    return { code, out, err };
  };
}

/** The CLI as a staff member the admin added (they chose STRONG_PASSWORD at their first sign-in). */
export const cliAs = (userName: string, env: Record<string, string> = {}) => cli({ AVG_DESK_USER: userName, AVG_DESK_PASSWORD: STRONG_PASSWORD, ...env });

/**
 * A fresh data folder set up with `init` (admin `beheer`): `d` is its `--data` argument, `init` the
 * run that set it up, `admin` the CLI as the admin (new staff get STRONG_PASSWORD).
 */
export async function cliDataFolder(onCleanup: (cleanup: () => void) => void, adminEnv: Record<string, string> = {}) {
  const t = tempDir();
  onCleanup(t.cleanup);
  const d = ['--data', t.dir];
  const init = await cli({ AVG_DESK_PASSWORD: ADMIN.password })(...d, 'init', '--admin', 'beheer', '--name', ADMIN.fullName);
  const admin = cli({ AVG_DESK_USER: 'beheer', AVG_DESK_PASSWORD: ADMIN.password, AVG_DESK_NEW_PASSWORD: STRONG_PASSWORD, ...adminEnv });
  return { dir: t.dir, d, init, admin };
}

/** The organisation's certificate (password P12_PASSWORD) in `dir`, valid around today: the CLI runs on the real clock. */
export function todaysP12(dir: string): string {
  const p12 = join(dir, 'organisatie.p12');
  writeFileSync(p12, testPkcs12(P12_PASSWORD, { notBefore: new Date(Date.now() - 86_400_000), notAfter: new Date(Date.now() + 730 * 86_400_000) }));
  return p12;
}
