import { Command } from 'commander';
import { hasChanges, planStack, withStackLock } from '../../engine';
import { addBackendOptions, backendFlags } from '../backend-options';
import { ExitCode } from '../exit-codes';
import { loadManifests } from '../load-manifests';
import { addLockOptions, lockOptions } from '../lock-options';
import { openBackend } from '../open-backend';
import type { CommandFactory } from '../program';
import { confirm, runApply } from '../run-apply';
import { renderPlans } from './plan';

/** `enrollkit destroy`: delete what the stack owns, nothing else. */
export const destroyCommand: CommandFactory = (io, exit) =>
  addLockOptions(addBackendOptions(new Command('destroy')))
    .description('delete every object the stack owns (objects it does not own are never touched)')
    .option('--stack <name>', 'destroy only this stack')
    .option('--auto-approve', 'delete without asking for confirmation')
    .action(async (options: Record<string, unknown>) => {
      const manifests = await loadManifests(io, typeof options.stack === 'string' ? { stack: options.stack } : {});
      const backend = await openBackend(io, backendFlags(options));
      try {
        for (const manifest of manifests) {
          await withStackLock(backend, lockOptions(io, options, manifest.stack, backend, io.stderr), async () => {
            const { plan } = await planStack(backend, manifest, { mode: 'destroy' });
            io.stdout(renderPlans([plan], 'text', io));
            if (!hasChanges(plan)) return;
            if (!(await confirm(io, `delete everything stack ${plan.stack} owns`, options.autoApprove === true))) {
              exit.code = ExitCode.Error;
              return;
            }
            const { code } = await runApply(io, backend, plan);
            if (code !== ExitCode.Success) exit.code = code;
          });
        }
      } finally {
        await backend.close();
      }
    });
