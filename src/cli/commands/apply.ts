import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { fingerprintOf, hasChanges, PLAN_FORMAT, planStack, readState, type Plan } from '../../engine';
import { StalePlanError, UsageError } from '../../model';
import { addBackendOptions, backendFlags } from '../backend-options';
import { ExitCode } from '../exit-codes';
import { loadManifests } from '../load-manifests';
import { openBackend } from '../open-backend';
import type { CommandFactory } from '../program';
import { confirm, runApply } from '../run-apply';
import { renderPlans } from './plan';

function readPlanFile(path: string): Plan {
  let plan: Plan;
  try {
    plan = JSON.parse(readFileSync(path, 'utf8')) as Plan;
  } catch (error) {
    throw new UsageError(`cannot read the plan file '${path}': ${(error as Error).message}`);
  }
  if (plan.format !== PLAN_FORMAT) throw new UsageError(`'${path}' is not an enrollkit plan (format ${JSON.stringify(plan.format)}, expected ${PLAN_FORMAT}).`);
  return plan;
}

/** `enrollkit apply`: make the tenant match the stacks, or apply a saved plan exactly. */
export const applyCommand: CommandFactory = (io, exit) =>
  addBackendOptions(new Command('apply'))
    .description('make the tenant match the stack (or apply a plan saved with plan --out)')
    .argument('[plan]', 'a plan saved with `enrollkit plan --out`')
    .option('--stack <name>', 'apply only this stack')
    .option('--auto-approve', 'apply without asking for confirmation')
    .option('--adopt', 'take over unowned objects whose display name the stack declares')
    .action(async (planFile: string | undefined, options: Record<string, unknown>) => {
      const backend = await openBackend(io, backendFlags(options));
      try {
        if (planFile) {
          const plan = readPlanFile(resolve(io.cwd, planFile));
          const state = await readState(backend, plan.groups.map((g) => g.displayName));
          const now = new Map(state.objects.map((o) => [o.id, o.fingerprint]));
          for (const g of plan.groups) now.set(`group:${g.displayName}`, fingerprintOf(state.groupsByName.get(g.displayName)?.map((x) => x.id) ?? []));
          const changed = Object.entries(plan.fingerprint).filter(([id, print]) => now.get(id) !== print).map(([id]) => id);
          if (changed.length > 0) {
            throw new StalePlanError(`the tenant changed since the plan was made (${changed.join(', ')}); make a new plan with 'enrollkit plan --out ${planFile}'.`);
          }
          if (!hasChanges(plan)) {
            io.stdout('No changes. The tenant matches the stack.\n');
            return;
          }
          exit.code = await runApply(io, backend, plan);
          return;
        }
        const manifests = await loadManifests(io, typeof options.stack === 'string' ? { stack: options.stack } : {});
        for (const manifest of manifests) {
          const { plan } = await planStack(backend, manifest, { adopt: options.adopt === true });
          io.stdout(renderPlans([plan], 'text', io));
          if (!hasChanges(plan) && plan.blockers.length === 0) continue;
          if (plan.blockers.length === 0 && !(await confirm(io, `apply these changes to stack ${plan.stack}`, options.autoApprove === true))) continue;
          const code = await runApply(io, backend, plan);
          if (code !== ExitCode.Success) exit.code = code;
        }
      } finally {
        await backend.close();
      }
    });
