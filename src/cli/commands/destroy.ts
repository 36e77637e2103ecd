import { Command } from 'commander';
import { hasChanges, planStack, withStackLock, type ActualState } from '../../engine';
import { addBackendOptions, backendFlags } from '../backend-options';
import { ExitCode } from '../exit-codes';
import { addSynthOptions, loadManifests, manifestOptions } from '../load-manifests';
import { addLockOptions, lockOptions } from '../lock-options';
import type { CommandFactory } from '../program';
import { StackBackends } from '../stack-backends';
import { confirm, runApply } from '../run-apply';
import { renderPlans } from './plan';

/**
 * The note on the Entra groups the stack created, which destroy keeps: assignments of other
 * configuration may target them, and deleting a group is not undone by applying again.
 */
function keptGroups(stack: string, state: ActualState): string {
  const created = [...state.groupsByName.values()].flat().filter((g) => g.marker?.stack === stack);
  if (created.length === 0) return '';
  const names = created.map((g) => `'${g.displayName}' (${g.id})`).join(', ');
  return `Kept ${created.length} Entra group${created.length === 1 ? '' : 's'} that stack ${stack} created: ${names}. Destroy never deletes groups, which other configuration may target; delete them in the Microsoft Entra admin center when nothing needs them.\n`;
}

/** `enrollkit destroy`: delete what the stack owns, nothing else. */
export const destroyCommand: CommandFactory = (io, exit) =>
  addSynthOptions(addLockOptions(addBackendOptions(new Command('destroy'))))
    .option('--stack <name>', 'destroy only this stack')
    .option('--auto-approve', 'delete without asking for confirmation')
    .action(async (options: Record<string, unknown>) => {
      const manifests = await loadManifests(io, manifestOptions(options));
      const backends = new StackBackends(io, backendFlags(options));
      try {
        for (const { manifest, backend, tenant } of await backends.forStacks(manifests)) {
          await withStackLock(backend, lockOptions(io, options, manifest.stack, backend, io.stderr), async () => {
            const { plan, state } = await planStack(backend, manifest, { mode: 'destroy', tenant });
            io.stdout(renderPlans([plan], 'text', io));
            if (!hasChanges(plan)) {
              io.stdout(keptGroups(plan.stack, state));
              return;
            }
            const what = `delete everything stack ${plan.stack} owns`;
            if (!(await confirm(io, what, options.autoApprove === true, 'the plan above lists every deletion; run enrollkit destroy --auto-approve once it is right'))) {
              exit.code = ExitCode.Error;
              return;
            }
            const { code } = await runApply(io, backend, plan);
            if (code !== ExitCode.Success) exit.code = code;
            io.stdout(keptGroups(plan.stack, state));
          });
        }
      } finally {
        await backends.close();
      }
    });
