import { Command } from 'commander';
import { breakStackLock, tenantName } from '../../engine';
import { ExitCode } from '../exit-codes';
import { addBackendOptions, backendFlags, environmentOption } from '../backend-options';
import { lastSynthesizedManifest } from '../load-manifests';
import type { CommandFactory } from '../program';
import { confirm } from '../run-apply';
import { StackBackends } from '../stack-backends';

/**
 * `enrollkit unlock`: break the lock of a stack whose apply or destroy died. The lock is broken in
 * the stack's own tenant: the one of `--environment`, else the one the app in the working directory
 * binds the stack to (as last synthesized), else the one the flags select.
 */
export const unlockCommand: CommandFactory = (io, exit) =>
  addBackendOptions(new Command('unlock'))
    .requiredOption('--stack <name>', 'the stack whose lock to break')
    .addOption(environmentOption())
    .option('--auto-approve', 'break the lock without asking for confirmation')
    .action(async (options: Record<string, unknown>) => {
      const stack = String(options.stack);
      const backends = new StackBackends(io, backendFlags(options));
      try {
        const manifest = typeof options.environment === 'string' ? undefined : lastSynthesizedManifest(io, stack);
        const { backend, tenant } =
          typeof options.environment === 'string' ? await backends.forEnvironment(options.environment, stack) : manifest ? await backends.forStack(manifest) : await backends.forFlags();
        const where = `stack ${stack} in tenant ${tenantName(tenant)}`;
        if (!(await confirm(io, `break the lock of ${where} (only if the run holding it died)`, options.autoApprove === true))) {
          exit.code = ExitCode.Error;
          return;
        }
        const broken = await breakStackLock(backend, stack);
        if (broken.length === 0) io.stdout(`The ${where} was not locked.\n`);
        for (const lock of broken) io.stdout(`Broke the lock of ${where}, held by ${lock.holder} since ${lock.since}.\n`);
      } finally {
        await backends.close();
      }
    });
