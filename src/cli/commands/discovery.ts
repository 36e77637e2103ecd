import { Command, Option } from 'commander';
import { CLOUD_NAMES, type CloudName } from '../../model/clouds';
import { UsageError } from '../../model/errors';
import { isTenantId, serviceDiscovery } from '../../rules/service-discovery';
import type { CommandFactory } from '../program';

/** `enrollkit discovery`: print the service discovery file of account-driven user enrollment (EK011). */
export const discoveryCommand: CommandFactory = (io) =>
  new Command('discovery')
    .requiredOption('--tenant-id <id>', 'the Microsoft Entra tenant ID (a GUID)')
    .addOption(new Option('--cloud <cloud>', 'the Microsoft cloud of the tenant').choices([...CLOUD_NAMES]).default('public'))
    .action((options: { tenantId: string; cloud: CloudName }) => {
      const tenantId = options.tenantId.trim();
      if (!isTenantId(tenantId)) {
        throw new UsageError(
          `--tenant-id expects the GUID of a Microsoft Entra tenant (got "${options.tenantId}"). Fix: copy the Tenant ID from the Entra admin center overview, e.g. 72f988bf-86f1-41af-91ab-2d7cd011db47`,
        );
      }
      io.stdout(`${JSON.stringify(serviceDiscovery(tenantId, options.cloud))}\n`);
    });
