import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { changedParts, hasChanges, parsePlanFile, planStack, readState, withStackLock, type Plan } from '../../engine';
import { StalePlanError, UsageError } from '../../model';
import { addBackendOptions, backendFlags } from '../backend-options';
import { ExitCode } from '../exit-codes';
import { loadManifests } from '../load-manifests';
import { addLockOptions, lockOptions } from '../lock-options';
import { openBackend } from '../open-backend';
import type { CommandFactory } from '../program';
import { confirm, runApply } from '../run-apply';
import { renderPlans } from './plan';

function readPlanFile(path: string, shown: string): Plan {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the plan file '${shown}': ${(error as Error).message}. Fix: give the file 'enrollkit plan --out' wrote.`);
  }
  return parsePlanFile(json, shown);
}

/** `enrollkit apply`: make the tenant match the stacks, or apply a saved plan exactly. */
export const applyCommand: CommandFactory = (io, exit) =>
  addLockOptions(addBackendOptions(new Command('apply')))
    .description('make the tenant match the stack (or apply a plan saved with plan --out)')
    .argument('[plan]', 'a plan saved with `enrollkit plan --out`')
    .option('--stack <name>', 'apply only this stack')
    .option('--auto-approve', 'apply without asking for confirmation')
    .option('--adopt', 'take over unowned objects whose display name the stack declares')
    .action(async (planFile: string | undefined, options: Record<string, unknown>) => {
      const backend = await openBackend(io, backendFlags(options));
      try {
        if (planFile) {
          const ignored = ['stack', 'adopt'].filter((o) => options[o] !== undefined);
          if (ignored.length > 0) throw new UsageError(`--${ignored.join(' and --')} cannot change a saved plan; make a new one with 'enrollkit plan --out ${planFile}'.`);
          const plan = readPlanFile(resolve(io.cwd, planFile), planFile);
          if (plan.backend !== backend.description) {
            throw new StalePlanError(`the plan was made against ${plan.backend}, not ${backend.description}; apply it with the same backend settings, or make a new plan.`);
          }
          exit.code = await withStackLock(backend, lockOptions(io, options, plan.stack, backend, io.stderr), async () => {
            const state = await readState(backend, plan.groups.map((g) => g.displayName));
            const changed = changedParts(plan.fingerprint, state);
            if (changed.length > 0) {
              throw new StalePlanError(`the tenant changed since the plan was made (${changed.join(', ')}); make a new plan with 'enrollkit plan --out ${planFile}'.`);
            }
            if (!hasChanges(plan)) {
              io.stdout('No changes. The tenant matches the stack.\n');
              return ExitCode.Success;
            }
            return runApply(io, backend, plan);
          });
          return;
        }
        const manifests = await loadManifests(io, typeof options.stack === 'string' ? { stack: options.stack } : {});
        for (const manifest of manifests) {
          const code = await withStackLock(backend, lockOptions(io, options, manifest.stack, backend, io.stderr), async () => {
            const { plan } = await planStack(backend, manifest, { adopt: options.adopt === true });
            io.stdout(renderPlans([plan], 'text', io));
            if (!hasChanges(plan) && plan.blockers.length === 0) return ExitCode.Success;
            if (plan.blockers.length === 0 && !(await confirm(io, `apply these changes to stack ${plan.stack}`, options.autoApprove === true))) return ExitCode.Success;
            return runApply(io, backend, plan);
          });
          if (code !== ExitCode.Success) exit.code = code;
        }
      } finally {
        await backend.close();
      }
    });
