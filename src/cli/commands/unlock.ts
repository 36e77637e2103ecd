import { Command } from 'commander';
import { breakStackLock } from '../../engine';
import { addBackendOptions, backendFlags } from '../backend-options';
import { openBackend } from '../open-backend';
import type { CommandFactory } from '../program';
import { confirm } from '../run-apply';

/** `enrollkit unlock`: break the lock of a stack whose apply or destroy died. */
export const unlockCommand: CommandFactory = (io) =>
  addBackendOptions(new Command('unlock'))
    .requiredOption('--stack <name>', 'the stack whose lock to break')
    .option('--auto-approve', 'break the lock without asking for confirmation')
    .action(async (options: Record<string, unknown>) => {
      const stack = String(options.stack);
      if (!(await confirm(io, `break the lock of stack ${stack} (only if the run holding it died)`, options.autoApprove === true))) return;
      const backend = await openBackend(io, backendFlags(options));
      try {
        const broken = await breakStackLock(backend, stack);
        if (broken.length === 0) io.stdout(`Stack ${stack} was not locked.\n`);
        for (const lock of broken) io.stdout(`Broke the lock of stack ${stack} held by ${lock.holder} since ${lock.since}.\n`);
      } finally {
        await backend.close();
      }
    });
