import { describe, expect, it } from 'vitest';
import { CASE_COMMANDS } from '../../main/app/cli/case-commands.js';
import { COMMANDS } from '../../main/app/cli/commands.js';
import { runCli } from '../../main/app/cli/run.js';

/** The docs send readers to `avg-desk --help` for the full list: a command missing there is hidden. */
describe('avg-desk --help', () => {
  it('names every command the command line runs', async () => {
    let help = '';
    const code = await runCli(['--help'], { env: {}, out: (text) => (help += text), err: () => undefined });
    expect(code).toBe(0);
    const missing = [...CASE_COMMANDS, ...COMMANDS]
      .map((command) => command.words.join(' '))
      .filter((words) => !new RegExp(`^ {2}${words}( |$)`, 'mu').test(help));
    expect(missing).toEqual([]);
  });
});
