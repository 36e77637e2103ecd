import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { planStack } from '../../engine/plan-stack';
import { hasChanges, type Plan } from '../../engine/plan-types';
import { UsageError } from '../../model';
import { addBackendOptions, backendFlags } from '../backend-options';
import { ExitCode } from '../exit-codes';
import { colourEnabled, type CliIo } from '../io';
import { addSynthOptions, loadManifests, manifestOptions } from '../load-manifests';
import type { CommandFactory } from '../program';
import { StackBackends } from '../stack-backends';
import { githubAnnotations, inGithubActions, sourceLocator } from '../render/github-annotations';
import { renderPlanMarkdown } from '../render/plan-markdown';
import { NO_COLOUR, renderPlanText, TERMINAL_COLOUR } from '../render/plan-text';

/** Renders plans for people, as text or Markdown. */
export function renderPlans(plans: readonly Plan[], format: 'text' | 'markdown', io: CliIo): string {
  if (format === 'markdown') return plans.map((p) => renderPlanMarkdown(p)).join('\n');
  return plans.map((p) => renderPlanText(p, colourEnabled(io) ? TERMINAL_COLOUR : NO_COLOUR)).join('\n');
}

/** Prints GitHub annotations for the plans' findings and blockers when running in GitHub Actions. */
export function annotate(io: CliIo, plans: readonly Plan[]): void {
  if (!inGithubActions(io.env)) return;
  const locate = sourceLocator(io.cwd, io.env.GITHUB_WORKSPACE);
  io.stderr(plans.map((p) => githubAnnotations(p, locate)).join(''));
}

/** `enrollkit plan`: diff the stacks against the tenant and print what apply would do. */
export const planCommand: CommandFactory = (io, exit) =>
  addSynthOptions(addBackendOptions(new Command('plan')))
    .option('--stack <name>', 'plan only this stack')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--out <file>', 'save the plan for `enrollkit apply <file>` (one stack)')
    .option('--adopt', 'take over unowned objects whose display name the stack declares')
    .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when there are none')
    .option('--no-impact', "skip working out whose enrollment the plan changes")
    .action(async (options: Record<string, unknown>) => {
      const manifests = await loadManifests(io, manifestOptions(options));
      if (options.out && manifests.length !== 1) throw new UsageError(`--out saves one stack's plan; name it with --stack (stacks: ${manifests.map((m) => m.stack).join(', ')}).`);
      const backends = new StackBackends(io, backendFlags(options));
      try {
        const plans: Plan[] = [];
        for (const manifest of manifests) {
          // Each plan checks its tenant in its first round of reads, before it uses anything read.
          const { backend, checkTenant } = await backends.forPlan(manifest);
          plans.push((await planStack(backend, manifest, { adopt: options.adopt === true, impact: options.impact !== false, checkTenant })).plan);
        }
        const blocked = plans.some((p) => p.blockers.length > 0);
        annotate(io, plans);
        if (options.format === 'json') {
          const { outputDocument, printJson } = await import('../json-output.js');
          io.stdout(printJson(outputDocument('plan', !blocked, plans)));
        } else io.stdout(renderPlans(plans, options.format === 'markdown' ? 'markdown' : 'text', io));
        if (typeof options.out === 'string') {
          const file = resolve(io.cwd, options.out);
          writeFileSync(file, `${JSON.stringify(plans[0], null, 2)}\n`);
          io.stderr(`Saved the plan to ${file}; apply it with: enrollkit apply ${options.out}\n`);
        }
        if (blocked) exit.code = ExitCode.Error;
        else if (options.detailedExitcode && plans.some(hasChanges)) exit.code = ExitCode.Changes;
      } finally {
        await backends.close();
      }
    });
