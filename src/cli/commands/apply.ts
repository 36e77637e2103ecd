import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { checkTenant, hasChanges, parsePlanFile, planStack, verifySavedPlan, withStackLock, type Backend, type Plan } from '../../engine';
import { StalePlanError, UsageError } from '../../model';
import { addBackendOptions, backendFlags } from '../backend-options';
import { ExitCode } from '../exit-codes';
import { applyReport, errorDocument, outputDocument, printJson, type ApplyReport } from '../json-output';
import { addSynthOptions, loadManifests, manifestOptions } from '../load-manifests';
import { addLockOptions, lockOptions } from '../lock-options';
import { describeError, type CommandFactory } from '../program';
import { confirm, runApply } from '../run-apply';
import { StackBackends } from '../stack-backends';
import { annotate, renderPlans } from './plan';

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
  addSynthOptions(addLockOptions(addBackendOptions(new Command('apply'))))
    .argument('[plan]', 'a plan saved with `enrollkit plan --out`')
    .option('--stack <name>', 'apply only this stack')
    .option('--auto-approve', 'apply without asking for confirmation')
    .option('--adopt', 'take over unowned objects whose display name the stack declares')
    .addOption(new Option('--format <format>', 'output format: text, or JSON with each plan and the result of every step').choices(['text', 'json']).default('text'))
    .action(async (planFile: string | undefined, options: Record<string, unknown>) => {
      const json = options.format === 'json';
      const say = (text: string) => (json ? undefined : io.stdout(text));
      const plans: Plan[] = [];
      const applies: ApplyReport[] = [];
      const apply = async (backend: Backend, plan: Plan) => {
        const { code, result } = await runApply(io, backend, plan, { quiet: json });
        applies.push(applyReport(plan.stack, result));
        if (code !== ExitCode.Success) exit.code = code;
      };
      const backends = new StackBackends(io, backendFlags(options));
      try {
        if (planFile) {
          const ignored = ['stack', 'adopt'].filter((o) => options[o] !== undefined);
          if (ignored.length > 0) throw new UsageError(`--${ignored.join(' and --')} cannot change a saved plan; make a new one with 'enrollkit plan --out ${planFile}'.`);
          const plan = readPlanFile(resolve(io.cwd, planFile), planFile);
          const { backend, tenant } = await backends.forStack(plan.manifest);
          checkTenant(plan.tenant!, tenant, `the plan in '${planFile}' (stack ${plan.stack})`, `apply it with credentials of the tenant it was made against, or make a new plan with 'enrollkit plan --out ${planFile}'.`);
          if (plan.backend !== backend.description) {
            throw new StalePlanError(`the plan was made against ${plan.backend}, not ${backend.description}; apply it with the same backend settings, or make a new plan.`);
          }
          // Verified before the lock, so a refused file writes nothing (not even a lock), and again under it.
          await verifySavedPlan(backend, plan, planFile, tenant);
          await withStackLock(backend, lockOptions(io, options, plan.stack, backend, io.stderr), async () => {
            await verifySavedPlan(backend, plan, planFile, tenant);
            plans.push(plan);
            if (hasChanges(plan)) await apply(backend, plan);
            else say('No changes. The tenant matches the stack.\n');
          });
        } else {
          const manifests = await loadManifests(io, manifestOptions(options));
          for (const { manifest, backend, tenant } of await backends.forStacks(manifests)) {
            await withStackLock(backend, lockOptions(io, options, manifest.stack, backend, io.stderr), async () => {
              const { plan } = await planStack(backend, manifest, { adopt: options.adopt === true, tenant });
              plans.push(plan);
              annotate(io, [plan]);
              say(renderPlans([plan], 'text', io));
              if (!hasChanges(plan) && plan.blockers.length === 0) return;
              if (plan.blockers.length === 0 && !(await confirm(io, `apply these changes to stack ${plan.stack}`, options.autoApprove === true, "or review with 'enrollkit plan --out plan.json' and apply that file"))) {
                exit.code = ExitCode.Error;
                return;
              }
              await apply(backend, plan);
            });
          }
        }
        if (json) io.stdout(printJson(outputDocument('apply', exit.code === ExitCode.Success, plans, { applies })));
      } catch (error) {
        if (!json) throw error;
        io.stderr(describeError(error));
        io.stdout(printJson({ ...errorDocument('apply', error), plans: outputDocument('apply', false, plans).plans, applies }));
        exit.code = ExitCode.Error;
      } finally {
        await backends.close();
      }
    });
