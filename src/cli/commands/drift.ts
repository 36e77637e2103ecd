import { Command, Option } from 'commander';
import { driftOfStack, hasDrift, type DriftReport, type Plan } from '../../engine';
import { addBackendOptions, backendFlags } from '../backend-options';
import { ExitCode } from '../exit-codes';
import { outputDocument, printJson } from '../json-output';
import { addSynthOptions, loadManifests, manifestOptions } from '../load-manifests';
import type { CommandFactory } from '../program';
import { StackBackends } from '../stack-backends';
import { renderDriftText } from '../render/drift-text';

/** `enrollkit drift`: what changed in the tenant outside the code; exits 2 when something did. */
export const driftCommand: CommandFactory = (io, exit) =>
  addSynthOptions(addBackendOptions(new Command('drift')))
    .option('--stack <name>', 'check only this stack')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: Record<string, unknown>) => {
      const manifests = await loadManifests(io, manifestOptions(options));
      const backends = new StackBackends(io, backendFlags(options));
      try {
        const plans: Plan[] = [];
        const reports: DriftReport[] = [];
        for (const { manifest, backend, tenant } of await backends.forStacks(manifests)) {
          const { plan, report } = await driftOfStack(backend, manifest, tenant);
          plans.push(plan);
          reports.push(report);
        }
        const drifted = reports.some(hasDrift);
        if (options.format === 'json') io.stdout(printJson(outputDocument('drift', true, plans, { drift: reports })));
        else io.stdout(reports.map((r, i) => renderDriftText(r, plans[i]!)).join('\n'));
        if (drifted) exit.code = ExitCode.Changes;
      } finally {
        await backends.close();
      }
    });
