import { COMMANDS } from '../../src/cli/commands';
import { exec } from '../../src/cli/program';
import { recordingIo, ROOT } from '../_helpers/synth-app';

describe('the command list', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('lists %s with the name, arguments and options of its implementation', async (_name, entry) => {
    const command = (await entry.load())(recordingIo(ROOT), { code: 0 });
    expect(command.name()).toBe(entry.name);
    expect(entry.usage).toBe(command.usage());
  });

  it('lists every command with its description in --help', async () => {
    const io = recordingIo(ROOT);
    expect(await exec(['--help'], io, COMMANDS)).toBe(0);
    const listing = io.out().replace(/\s+/g, ' ');
    for (const { name, usage, description } of COMMANDS) expect(listing).toContain(` ${name} ${usage} ${description}`);
  });

  it.each([
    ['plan --help', ['plan', '--help']],
    ['help plan', ['help', 'plan']],
  ])('%s shows the description and every option of plan', async (_name, argv) => {
    const io = recordingIo(ROOT);
    expect(await exec(argv, io, COMMANDS)).toBe(0);
    expect(io.out()).toContain('Usage: enrollkit plan [options]');
    expect(io.out()).toContain('show what apply would change in the tenant');
    expect(io.out()).toContain('--detailed-exitcode');
  });

  it('suggests the nearest command for a misspelt one', async () => {
    const io = recordingIo(ROOT);
    expect(await exec(['plna'], io, COMMANDS)).toBe(1);
    expect(io.err()).toContain("unknown command 'plna'");
    expect(io.err()).toContain('plan');
  });
});
