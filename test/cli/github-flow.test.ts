import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../src/cli/commands';
import { exec } from '../../src/cli/program';
import { startReferenceServer, type StartedReferenceServer } from '../../src/server';
import { startGithubStandIn, type GithubStandIn } from '../_helpers/github-stand-in';
import { rankedApp } from '../_helpers/ranked-app';
import { appDir, CDKTF_JSON, recordingIo, removeAppDirs } from '../_helpers/synth-app';

afterAll(removeAppDirs);

const REPOSITORY = 'contoso/enrollment';
const GITHUB_TOKEN = 'ghs_stand-in-token';
const MERGE_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

describe('the GitHub pull-request flow of the action', () => {
  let server: StartedReferenceServer;
  let github: GithubStandIn;
  let work: string;
  beforeEach(async () => {
    server = await startReferenceServer({ data: ':memory:' });
    github = await startGithubStandIn(REPOSITORY, GITHUB_TOKEN);
    work = mkdtempSync(join(tmpdir(), 'enrollkit-github-'));
  });
  afterEach(async () => {
    await server.close();
    await github.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** Runs `enrollkit github <command>` as the action's step does, for a pull_request or a push event. */
  async function step(cwd: string, command: string, event: { pull?: number; sha?: string }) {
    const eventPath = join(work, 'event.json');
    writeFileSync(eventPath, JSON.stringify(event.pull !== undefined ? { pull_request: { number: event.pull } } : { after: event.sha }));
    const summary = join(work, `summary-${command}.md`);
    writeFileSync(summary, '');
    const io = recordingIo(cwd);
    Object.assign(io.env as Record<string, string>, {
      ENROLLKIT_BACKEND: 'reference',
      ENROLLKIT_URL: server.url,
      ENROLLKIT_TOKEN: server.token,
      GITHUB_ACTIONS: 'true',
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_TOKEN,
      GITHUB_SHA: event.sha ?? 'f00dfeed',
      GITHUB_RUN_ID: '42',
      GITHUB_EVENT_NAME: event.pull !== undefined ? 'pull_request' : 'push',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_STEP_SUMMARY: summary,
    });
    const code = await exec(['github', command, '--out-dir', join(work, 'plans')], io, COMMANDS);
    return { code, out: io.out(), err: io.err(), summary: readFileSync(summary, 'utf8') };
  }

  const commentsOf = (pull: number) => github.comments.filter((c) => c.issue === pull);

  it('posts one comment per stack, updates the same comment on the next push, and applies the reviewed plan on merge', async () => {
    const first = await step(rankedApp(), 'plan', { pull: 7 });
    expect(first.code).toBe(0);
    expect(commentsOf(7)).toHaveLength(2);
    expect(commentsOf(7).map((c) => c.body.split('\n')[0])).toEqual([
      expect.stringMatching(/^<!-- enrollkit:stack=other plan=[0-9a-f]{16} -->$/),
      expect.stringMatching(/^<!-- enrollkit:stack=ranked plan=[0-9a-f]{16} -->$/),
    ]);
    expect(first.summary).toContain('### enrollkit plan: <code>ranked</code>');
    expect(readdirSync(join(work, 'plans')).sort()).toEqual(['other.plan.json', 'ranked.plan.json']);

    const pushed = rankedApp({ secondProfile: 'Personal devices, second push' });
    const second = await step(pushed, 'plan', { pull: 7 });
    expect(second.code).toBe(0);
    expect(second.out).toContain('Stack ranked: plan updated on pull request #7.');
    expect(commentsOf(7)).toHaveLength(2);
    const ranked = commentsOf(7).find((c) => c.body.includes('stack=ranked'))!;
    expect(ranked.body).toContain('<b>Personal devices, second push</b>');
    expect(github.requests.filter((r) => r.startsWith('PATCH'))).toHaveLength(2);

    github.pullsOfCommit.set(MERGE_SHA, [7]);
    const merged = await step(pushed, 'apply', { sha: MERGE_SHA });
    expect(merged.code).toBe(0);
    expect(merged.out).toContain('Stack ranked: Applied the plan reviewed in pull request #7');
    expect(commentsOf(7)).toHaveLength(2);
    expect(ranked.body).toMatch(/^<!-- enrollkit:stack=ranked plan=[0-9a-f]{16} -->\n### enrollkit apply: `ranked`\n\n✅ \*\*Applied\*\*: \d+ writes\./);
    expect(merged.summary).toContain('### enrollkit apply: `other`');

    const after = recordingIo(pushed);
    Object.assign(after.env as Record<string, string>, { ENROLLKIT_URL: server.url, ENROLLKIT_TOKEN: server.token });
    expect(await exec(['plan', '--detailed-exitcode'], after, COMMANDS)).toBe(0);
  });

  it('re-plans on merge when the tenant changed since the review, and says so', async () => {
    const app = rankedApp();
    expect((await step(app, 'plan', { pull: 9 })).code).toBe(0);
    const other = rankedApp({ secondProfile: 'Applied from another branch' });
    const io = recordingIo(other);
    Object.assign(io.env as Record<string, string>, { ENROLLKIT_URL: server.url, ENROLLKIT_TOKEN: server.token });
    expect(await exec(['apply', '--stack', 'ranked', '--auto-approve'], io, COMMANDS)).toBe(0);

    github.pullsOfCommit.set(MERGE_SHA, [9]);
    const merged = await step(app, 'apply', { sha: MERGE_SHA });
    expect(merged.code).toBe(0);
    expect(merged.out).toContain('Stack ranked: Re-planned before applying: the plan reviewed in pull request #9 no longer matches');
    expect(merged.out).toContain('Stack other: Applied the plan reviewed in pull request #9');
    expect(commentsOf(9).find((c) => c.body.includes('stack=ranked'))!.body).toContain('Re-planned before applying');
  });

  it('posts a blocked plan and fails the job', async () => {
    const blocked = appDir({
      'cdktf.json': CDKTF_JSON,
      'main.ts': `
import { App, AssignmentTarget, EnrollmentStack, EntraGroup, PlatformRestriction } from 'enrollkit';
const app = new App();
const stack = new EnrollmentStack(app, 'blocked');
const nobody = EntraGroup.fromDisplayName(stack, 'Nobody', 'A group nobody made');
new PlatformRestriction(stack, 'Current', { displayName: 'Current iOS', osMinimumVersion: '16.0', assignments: [AssignmentTarget.group(nobody)] });
app.synth();
`,
    });
    const result = await step(blocked, 'plan', { pull: 8 });
    expect(result.code).toBe(1);
    expect(commentsOf(8)).toHaveLength(1);
    expect(commentsOf(8)[0]!.body).toContain('⛔ **Blocked**');
    expect(commentsOf(8)[0]!.body).toContain("the Entra group 'A group nobody made' does not exist in the tenant");
    expect(result.err).toMatch(/^::error title=apply is blocked for stack blocked::/m);
  });
});
