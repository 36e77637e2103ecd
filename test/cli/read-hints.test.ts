import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { READ_HINTS_FILE } from '../../src/cli/read-hints-file';
import { rankedApp } from '../_helpers/ranked-app';
import { referenceCli } from '../_helpers/reference-cli';
import { removeAppDirs } from '../_helpers/synth-app';

afterAll(removeAppDirs);
// Each test synthesizes an app and plans it several times against a server.
jest.setTimeout(180_000);

interface HintsFile {
  readonly version: number;
  readonly tenants: Record<string, { parents: Record<string, string[]>; groupIds: Record<string, string>; otherGroupIds: string[] }>;
}

describe('read hints kept between runs', () => {
  const cli = referenceCli();
  const run = (cwd: string, argv: string[]) => cli.run(cwd, argv);

  const hintsOf = (dir: string) => JSON.parse(readFileSync(join(dir, READ_HINTS_FILE), 'utf8')) as HintsFile;

  async function tokenIds(): Promise<string[]> {
    const response = await fetch(`${cli.server.url}/beta/deviceManagement/depOnboardingSettings`, { headers: { Authorization: `Bearer ${cli.server.token}` } });
    return ((await response.json()) as { value: { id: string }[] }).value.map((t) => t.id);
  }

  it('keep the IDs of the tenant’s tokens and groups, no secret, and the next plan says the same', async () => {
    const dir = rankedApp();
    const first = await run(dir, ['plan']);
    expect(first.code).toBe(0);
    const kept = hintsOf(dir);
    expect(kept.version).toBe(1);
    const entries = Object.entries(kept.tenants);
    expect(entries).toHaveLength(1);
    const [key, hints] = entries[0]!;
    expect(key).toContain(cli.server.url);
    expect(Object.values(hints.parents).flat()).toEqual(expect.arrayContaining(await tokenIds()));
    expect(JSON.stringify(kept)).not.toContain(cli.server.token);

    const second = await run(dir, ['plan']);
    expect(second).toEqual(first);
    expect(hintsOf(dir)).toEqual(kept);
  });

  it.each([
    ['is not JSON', () => '{"version": 1, "tenants": '],
    ['names IDs that would change a request path', (key: string) => JSON.stringify({ version: 1, tenants: { [key]: { parents: { adeTokens: ['../../../beta/deviceManagement/managedDevices'] }, groupIds: {}, otherGroupIds: [] } } })],
    ['names tokens and groups the tenant does not have', (key: string) => JSON.stringify({ version: 1, tenants: { [key]: { parents: { adeTokens: ['00000000-0000-0000-0000-00000000dead'] }, groupIds: { Staff: '00000000-0000-0000-0000-00000000beef' }, otherGroupIds: ['00000000-0000-0000-0000-00000000f00d'] } } })],
  ])('give the same plan when the file %s, and are written anew', async (_, contents) => {
    const dir = rankedApp();
    const first = await run(dir, ['plan']);
    const kept = hintsOf(dir);
    const [key] = Object.keys(kept.tenants);
    mkdirSync(join(dir, '.enrollkit'), { recursive: true });
    writeFileSync(join(dir, READ_HINTS_FILE), contents(key!));
    expect(await run(dir, ['plan'])).toEqual(first);
    expect(hintsOf(dir)).toEqual(kept);
  });
});
