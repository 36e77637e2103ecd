import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { COMMANDS } from '../../src/cli/commands';
import type { Output } from '../../src/cli/json-output';
import { exec } from '../../src/cli/program';
import { rankedApp } from '../_helpers/ranked-app';
import { recordingIo, removeAppDirs, ROOT } from '../_helpers/synth-app';

afterAll(removeAppDirs);

const SCHEMA_FILE = join(ROOT, 'docs/output.schema.json');
const validate = new Ajv2020({ allErrors: true, validateFormats: false }).compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);

async function run(cwd: string, argv: string[], options: { env?: Record<string, string>; answer?: string } = {}) {
  const io = recordingIo(cwd);
  Object.assign(io.env as Record<string, string>, { GITHUB_ACTIONS: '' }, options.env ?? {});
  const answer = options.answer;
  const code = await exec(argv, answer === undefined ? io : { ...io, prompt: async () => answer }, COMMANDS);
  return { code, out: io.out(), err: io.err() };
}

/** Parses JSON output and checks it against the published schema. */
function parsed(out: string): Output {
  const json = JSON.parse(out) as Output;
  const valid = validate(json);
  if (!valid) throw new Error(`output does not match docs/output.schema.json: ${JSON.stringify(validate.errors, null, 2)}`);
  return json;
}

describe('machine-readable output', () => {
  it('prints the package version with --version', async () => {
    const { code, out } = await run(ROOT, ['--version']);
    expect(code).toBe(0);
    expect(out.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('publishes the JSON Schema generated from the output schema in docs/output.schema.json', async () => {
    const { code, out } = await run(ROOT, ['schema']);
    expect(code).toBe(0);
    // When this fails, the output schema changed: regenerate the file as docs/plan-format.md says.
    expect(JSON.parse(out)).toEqual(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
  });

  it('prints one shape for one stack or many, and apply --format json reports every step; both match the schema', async () => {
    const dir = rankedApp();
    const one = parsed((await run(dir, ['plan', '--stack', 'other', '--format', 'json'])).out);
    expect(one.plans.map((p) => p.stack)).toEqual(['other']);
    const both = parsed((await run(dir, ['plan', '--format', 'json'])).out);
    expect(both).toMatchObject({ format: 'enrollkit.output/v1', command: 'plan', ok: true });
    expect(both.plans.map((p) => p.stack)).toEqual(['other', 'ranked']);

    const applied = await run(dir, ['apply', '--auto-approve', '--format', 'json']);
    expect(applied.code).toBe(0);
    const output = parsed(applied.out);
    expect(output.command).toBe('apply');
    expect(output.applies!.map((a) => [a.stack, a.ok])).toEqual([
      ['other', true],
      ['ranked', true],
    ]);
    const ranked = output.applies!.find((a) => a.stack === 'ranked')!;
    expect(ranked.results).toHaveLength(output.plans.find((p) => p.stack === 'ranked')!.steps.length);
    expect(ranked.results.every((r) => r.status === 'done')).toBe(true);
    expect(ranked.results.find((r) => r.step === 'create:Corporate')?.createdId).toEqual(expect.any(String));
    expect(applied.err).toMatch(/\[0\/\d+\] ranked: sending \d+ writes? \(\d+\.\d s elapsed\)/);
  });

  it('prints errors as JSON on standard output with --format json', async () => {
    const dir = rankedApp();
    const unknown = await run(dir, ['plan', '--stack', 'nope', '--format', 'json']);
    expect(unknown.code).toBe(1);
    expect(parsed(unknown.out)).toMatchObject({ ok: false, plans: [], error: { code: 'EK_USAGE', message: expect.stringContaining('stack "nope" is not in the app') } });

    const noApproval = await run(dir, ['apply', '--format=json']);
    expect(noApproval.code).toBe(1);
    expect(parsed(noApproval.out)).toMatchObject({ command: 'apply', ok: false, error: { code: 'EK_USAGE', message: expect.stringContaining('--auto-approve') } });

    const badOption = await run(dir, ['plan', '--format', 'json', '--colour']);
    expect(badOption.code).toBe(1);
    expect(parsed(badOption.out).error).toMatchObject({ code: 'EK_USAGE', message: expect.stringContaining("unknown option '--colour'") });
  });

  it('exits 1 when the user declines the prompt, and changes nothing', async () => {
    const dir = rankedApp();
    const declined = await run(dir, ['apply', '--stack', 'other'], { answer: 'no' });
    expect(declined.code).toBe(1);
    expect(declined.err).toMatch(/Cancelled: nothing was changed/);
    expect((await run(dir, ['plan', '--stack', 'other', '--detailed-exitcode'])).code).toBe(2);
  });

  it('annotates rule findings for GitHub when running in GitHub Actions', async () => {
    const dir = rankedApp();
    const { err } = await run(dir, ['plan', '--stack', 'ranked'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(err).toMatch(/^::warning file=main\.ts,line=\d+,title=EK\d{3} in stack ranked::ranked\//m);
    const outside = await run(dir, ['plan', '--stack', 'ranked']);
    expect(outside.err).not.toMatch(/::warning/);
  });
});

describe('priority numbering', () => {
  it('numbers priorities from 1 in text, Markdown and JSON, for profiles and restrictions alike, and as simulate does', async () => {
    const dir = rankedApp();
    const text = (await run(dir, ['plan', '--stack', 'ranked'])).out;
    expect(text).toContain("enrollment type profile: 1 'Corporate devices', 2 'Personal devices'");
    expect(text).toContain("platform restriction: 1 'Current iOS', 2 'Older iOS'");
    const markdown = (await run(dir, ['plan', '--stack', 'ranked', '--format', 'markdown'])).out;
    expect(markdown).toMatch(/Enrollment type profile order after apply[^\n]*\n\n1\. <b>Corporate devices<\/b>\n2\. <b>Personal devices<\/b>/);
    expect(markdown).toMatch(/Platform restriction order after apply[^\n]*\n\n1\. <b>Current iOS<\/b>/);
    const json = parsed((await run(dir, ['plan', '--stack', 'ranked', '--format', 'json'])).out);
    const orders = Object.fromEntries(json.plans[0]!.priorityOrders.map((o) => [o.priorityClass, o.objects.map((x) => [x.rank, x.displayName])]));
    expect(orders).toEqual({
      enrollmentTypeProfile: [
        [1, 'Corporate devices'],
        [2, 'Personal devices'],
      ],
      platformRestriction: [
        [1, 'Current iOS'],
        [2, 'Older iOS'],
      ],
    });

    const simulateArgs = ['simulate', '--stack', 'ranked', '--groups', 'Staff', '--os', '17.0'];
    const desired = (await run(dir, simulateArgs)).out;
    expect(desired).toContain('"Current iOS" (priority 1');
    expect(desired).toContain('"Corporate devices" (priority 1');
    expect(desired).toContain('"Personal devices" (priority 2)');

    expect((await run(dir, ['apply', '--stack', 'ranked', '--auto-approve'])).code).toBe(0);
    const actual = (await run(dir, [...simulateArgs, '--source', 'actual'])).out;
    expect(actual).toContain('"Current iOS" (priority 1');
    expect(actual).toContain('"Corporate devices" (priority 1');
    expect(actual).toContain('"Personal devices" (priority 2)');
  });
});
