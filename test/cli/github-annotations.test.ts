import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { COMMANDS } from '../../src/cli/commands';
import { exec } from '../../src/cli/program';
import { parseManifest } from '../../src/model';
import { exampleCopy, recordingIo, removeAppDirs, ROOT } from '../_helpers/synth-app';

afterAll(removeAppDirs);

/** The 1-based line of the example's main.ts that creates the construct. */
function lineOf(dir: string, text: string): number {
  const lines = readFileSync(join(dir, 'main.ts'), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`no line with ${text}`);
  return index + 1;
}

async function run(dir: string, argv: string[], env: Record<string, string | undefined>) {
  const io = recordingIo(dir);
  Object.assign(io.env as Record<string, string | undefined>, env);
  const code = await exec(argv, io, COMMANDS);
  return { code, out: io.out(), err: io.err() };
}

describe('GitHub annotations of rule findings', () => {
  it('point at the file and line where the app creates the construct: synth records it, lint and plan annotate it in GitHub Actions', async () => {
    const dir = exampleCopy('web-based-enrollment');
    const line = lineOf(dir, "new EnrollmentTypeProfile(stack, 'WebBasedEnrollment'");
    expect((await run(dir, ['synth'], {})).code).toBe(0);
    const manifest = parseManifest(JSON.parse(readFileSync(join(dir, 'cdktf.out/stacks/web-based-enrollment/enrollkit.manifest.json'), 'utf8')));
    expect(manifest.resources.find((r) => r.logicalId === 'WebBasedEnrollment')?.source).toBe(`main.ts:${line}`);

    const inRepository = await run(dir, ['lint'], { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: ROOT });
    expect(inRepository.code).toBe(0);
    const file = `${relative(ROOT, dir).split('\\').join('/')}/main.ts`;
    expect(inRepository.err).toContain(`::warning file=${file},line=${line},title=EK001 in stack web-based-enrollment::web-based-enrollment/WebBasedEnrollment: the profile uses web-based device enrollment`);

    const plan = await run(dir, ['plan', '--no-impact'], { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: undefined, ENROLLKIT_BACKEND: 'embedded' });
    expect(plan.code).toBe(0);
    expect(plan.err).toContain(`::warning file=main.ts,line=${line},title=EK001 in stack web-based-enrollment::`);
    expect(JSON.parse((await run(dir, ['plan', '--no-impact', '--format', 'json'], { ENROLLKIT_BACKEND: 'embedded' })).out).plans[0].findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'EK001', source: `main.ts:${line}` })]),
    );

    const outside = await run(dir, ['lint'], { GITHUB_ACTIONS: '' });
    expect(outside.err).not.toContain('::warning');
  });
});
