import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { docBlocks, typeCheckBlocks } from '../_helpers/doc-blocks';
import { ROOT } from '../_helpers/synth-app';

/**
 * A user's first hour, from the packed tarball: `npm test` builds `dist/` before jest runs, and this
 * packs it (without re-running the build, which other tests read meanwhile), installs it into a
 * fresh directory outside the repository with the README's commands, and follows the README.
 */

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const FIRST_STACK = README.slice(README.indexOf('## Your first stack'), README.indexOf('## In code'));

/** The body of the first fenced block of `language` in `text`. */
function fenced(text: string, language: string): string {
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)\\n```').exec(text);
  if (!match?.[1]) throw new Error(`README's first stack has no ${language} block`);
  return match[1];
}

/** The commands of a sh block, without comments. */
function commands(block: string): string[] {
  return block.split('\n').map((line) => line.replace(/#.*$/, '').trim()).filter((line) => line !== '');
}

/** The environment of a user's shell: no npm script variables of this repository's own run. */
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_') && key !== 'CDKTF_OUTDIR' && key !== 'INIT_CWD'));
}

function sh(command: string, cwd: string): { code: number | null; out: string; err: string } {
  const result = spawnSync(command, { cwd, shell: true, env: userEnv(), encoding: 'utf8', timeout: 600_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function expectOk(result: { code: number | null; out: string; err: string }): string {
  if (result.code !== 0) throw new Error(`exit ${String(result.code)}\n${result.out}\n${result.err}`);
  return result.out;
}

/** Type errors of `code` in `dir` under one module resolution. */
function typeErrors(dir: string, name: string, code: string, resolution: 'node10' | 'node16' | 'bundler'): string[] {
  const file = path.join(dir, `resolve-${name}-${resolution}.ts`);
  fs.writeFileSync(file, code);
  const module = { node10: ts.ModuleKind.CommonJS, node16: ts.ModuleKind.Node16, bundler: ts.ModuleKind.ESNext }[resolution];
  const moduleResolution = { node10: ts.ModuleResolutionKind.Node10, node16: ts.ModuleResolutionKind.Node16, bundler: ts.ModuleResolutionKind.Bundler }[resolution];
  // TypeScript 6 deprecates node10 resolution, which users of older TypeScript versions still have.
  const deprecations = resolution === 'node10' ? { ignoreDeprecations: '6.0' } : {};
  const options = { strict: true, noEmit: true, skipLibCheck: true, module, moduleResolution, target: ts.ScriptTarget.ES2022, types: [], ...deprecations };
  const program = ts.createProgram({ rootNames: [file], options });
  return ts.getPreEmitDiagnostics(program).map((d) => `${resolution}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

const CORE_IMPORTS = [
  "import { App, EnrollmentStack, lint, resolveEnrollment, serviceDiscovery } from 'enrollkit';",
  "import { createReferenceServer } from 'enrollkit/server';",
  'export const used = [App, EnrollmentStack, lint, resolveEnrollment, serviceDiscovery, createReferenceServer];',
].join('\n');
const CDKTF_IMPORTS = "import { App, azureadGroup } from 'enrollkit/cdktf';\nexport const used = [App, azureadGroup];\n";
const RESOLUTIONS = ['node10', 'node16', 'bundler'] as const;

describe('enrollkit installed from its packed tarball, as the README says', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'enrollkit-install-'));
  const project = path.join(work, 'contoso-ios');
  let tarball = '';

  beforeAll(() => {
    const packed = JSON.parse(expectOk(sh(`npm pack --ignore-scripts --json --pack-destination ${JSON.stringify(work)}`, ROOT))) as { filename: string }[];
    tarball = path.join(work, packed[0]?.filename ?? '');
    fs.mkdirSync(project);
    // The README's install command, with the tarball in place of the registry's name.
    const install = commands(fenced(FIRST_STACK, 'sh'))[0] ?? '';
    expect(install).toBe('npm install enrollkit');
    expectOk(sh(`${install.replace(/enrollkit$/, JSON.stringify(tarball))} --prefer-offline --no-audit --no-fund`, project));
  }, 900_000);

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('ships a LICENSE and no source maps pointing at unshipped sources', () => {
    const installed = path.join(project, 'node_modules/enrollkit');
    expect(fs.existsSync(path.join(installed, 'LICENSE'))).toBe(true);
    const files = fs.readdirSync(installed, { recursive: true }) as string[];
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const mapped = files.filter((f) => f.endsWith('.js') && fs.readFileSync(path.join(installed, f), 'utf8').includes('sourceMappingURL'));
    expect(mapped).toEqual([]);
  });

  it('installs no cdktf package in a core install, and enrollkit/cdktf names the command that adds them', () => {
    expect(fs.existsSync(path.join(project, 'node_modules/cdktf'))).toBe(false);
    expect(fs.existsSync(path.join(project, 'node_modules/@cdktf'))).toBe(false);
    const result = sh(`node -e "require('enrollkit/cdktf')"`, project);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Fix: npm install @cdktf/provider-azuread@^14.3.1 cdktf@^0.21.0');
  });

  it("runs the README's first stack: synth, lint, plan and apply on the embedded backend, then plans no change", () => {
    fs.writeFileSync(path.join(project, 'cdktf.json'), fenced(FIRST_STACK, 'json'));
    fs.writeFileSync(path.join(project, 'main.ts'), fenced(FIRST_STACK, 'ts'));
    const steps = commands(fenced(FIRST_STACK.slice(FIRST_STACK.indexOf('Then, in that directory')), 'sh'));
    expect(steps).toEqual(['npx enrollkit synth', 'npx enrollkit lint', 'npx enrollkit plan', 'npx enrollkit apply']);
    const [synth, lint, plan, apply] = steps.map((step) => expectOk(sh(step === 'npx enrollkit apply' ? `${step} --auto-approve` : step, project)));
    expect(synth).toContain('stacks/contoso-ios/enrollkit.manifest.json  (stack contoso-ios: 4 resources, 1 group)');
    expect(lint).toContain('contoso-ios');
    expect(plan).toMatch(/create/i);
    expect(apply).toMatch(/creat/i);
    expect(sh('npx enrollkit plan --detailed-exitcode', project).code).toBe(0);
  });

  it('resolves the types of enrollkit and enrollkit/server under node10, node16 and bundler resolution', () => {
    expect(RESOLUTIONS.flatMap((r) => typeErrors(project, 'core', CORE_IMPORTS, r))).toEqual([]);
  });

  it('gives enrollkit/cdktf, its types under every resolution, and every TypeScript block of the docs once the peers are installed', () => {
    const peers = /`(npm install cdktf@[^`]+)`/.exec(FIRST_STACK)?.[1] ?? '';
    expect(peers).toBe('npm install cdktf@^0.21.0 @cdktf/provider-azuread@^14.3.1');
    expectOk(sh(`${peers} --prefer-offline --no-audit --no-fund`, project));
    expectOk(sh(`node -e "const { App } = require('enrollkit/cdktf'); new App({ outdir: 'cdktf.out/peers' })"`, project));
    expect(RESOLUTIONS.flatMap((r) => typeErrors(project, 'cdktf', CDKTF_IMPORTS, r))).toEqual([]);
    expect(typeCheckBlocks(path.join(project, 'doc-blocks'), docBlocks(ROOT))).toEqual([]);
  });
});
