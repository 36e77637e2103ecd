import { COMMANDS } from '../../src/cli/commands';
import { exec } from '../../src/cli/program';
import { renderImpactMarkdown } from '../../src/cli/render/impact-markdown';
import { GITHUB_COMMENT_LIMIT } from '../../src/cli/render/plan-markdown';
import type { Output } from '../../src/cli/json-output';
import type { PlanImpact } from '../../src/engine';
import { EXAMPLES } from '../_helpers/example-manifests';
import { exampleCopy, recordingIo, removeAppDirs } from '../_helpers/synth-app';

afterAll(removeAppDirs);

/** The examples of user-initiated enrollment, which simulation resolves (ADE profiles are not part of it). */
const USER_INITIATED = EXAMPLES.filter((e) => e !== 'automated-device-enrollment');

async function run(cwd: string, argv: string[]) {
  const io = recordingIo(cwd);
  const code = await exec(argv, io, COMMANDS);
  return { code, out: io.out(), err: io.err() };
}

describe('the impact in plans', () => {
  it.each(USER_INITIATED)('the pull-request comment of the %s example shows whose enrollment changes, near the top and within the comment budget', async (example) => {
    const dir = exampleCopy(example);
    // Explicitly embedded: the stacks of multi-environment belong to tenants of their own.
    const { out } = await run(dir, ['plan', '--backend', 'embedded', '--format', 'markdown']);
    expect(out.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    const table = out.indexOf('| who | what changes | where |');
    expect(table).toBeGreaterThan(out.indexOf('Backend: '));
    expect(table).toBeLessThan(out.indexOf('<details>'));
    expect(out).toMatch(/^\*\*Who is affected\*\* \(\d+ audiences? on iPhone and iPad/m);
    expect(out).toMatch(/\| members of '[^']+' \| enrollment: no enrollment type profile → (enrolls|blocked by platform restriction &quot;[^|]+&quot;) \| on /);
  }, 240_000);

  it('prints the impact in text and JSON, and skips it with --no-impact', async () => {
    const dir = exampleCopy('web-based-enrollment');
    const text = await run(dir, ['plan']);
    expect(text.out).toContain("Who is affected (1 audience on iPhone and iPad, personal and corporate, iOS 14.0, 15.0+):\n  members of 'iOS BYOD users':\n    enrollment: no enrollment type profile -> enrolls on every iOS version\n");
    const [json] = (JSON.parse((await run(dir, ['plan', '--format', 'json'])).out) as Output).plans;
    expect(json!.impact).toMatchObject({
      matrix: { devices: ['iphone', 'ipad'], ownerships: ['personal', 'corporate'], os: [{ from: '14.0', to: '15.0' }, { from: '15.0' }] },
      affected: [{ groups: ['iOS BYOD users'], label: "members of 'iOS BYOD users'", changes: [{ aspect: 'outcome', before: 'no enrollment type profile', after: 'enrolls', where: 'on every iOS version' }] }],
    });
    expect(json!.impact!.affected[0]!.changes[0]!.cases).toHaveLength(8);
    expect((JSON.parse((await run(dir, ['plan', '--no-impact', '--format', 'json'])).out) as Output).plans[0]).not.toHaveProperty('impact');
    expect((await run(dir, ['plan', '--no-impact'])).out).not.toContain('Who is affected');
  }, 240_000);

  it("says no user's enrollment changes when nothing changes, in text and Markdown", async () => {
    const dir = exampleCopy('web-based-enrollment');
    expect((await run(dir, ['apply', '--auto-approve'])).code).toBe(0);
    expect((await run(dir, ['plan'])).out).toContain("Who is affected: no user's enrollment changes.");
    expect((await run(dir, ['plan', '--format', 'markdown'])).out).toContain("**Who is affected:** no user's enrollment changes.");
  }, 240_000);

  it('escapes names in the Markdown table and keeps it short, pointing to the JSON plan for the rest', () => {
    const change = { aspect: 'profile' as const, before: '"A|B"', after: '"<img src=x> **bold** [link](x)"', where: 'on every iOS version', cases: [] };
    const impact: PlanImpact = {
      matrix: { devices: ['iphone', 'ipad'], ownerships: ['personal', 'corporate'], os: [{ from: '14.0' }] },
      audiences: 30,
      affected: Array.from({ length: 30 }, (_, i) => ({ groups: [`G_${i}|x`], label: `members of 'G_${i}|x'`, members: 1240, changes: [change] })),
    };
    const table = renderImpactMarkdown(impact);
    expect(table).toContain(`| members of 'G&#95;0&#124;x' (1,240) | winning profile: &quot;A&#124;B&quot; → &quot;&lt;img src=x&gt; &#42;&#42;bold&#42;&#42; &#91;link&#93;(x)&quot; | on every iOS version |`);
    expect(table.split('\n').filter((l) => l.startsWith('| members of'))).toHaveLength(20);
    expect(table).toContain('…and 10 more differences: `enrollkit plan --format json` lists every one.');
  });
});
