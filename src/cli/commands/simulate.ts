import { Command, Option } from 'commander';
import { OsVersionSchema, UsageError, type Manifest } from '../../model';
import { resolveEnrollment, type EnrollmentRequest, type EnrollmentState } from '../../rules';
import { addBackendOptions, backendFlags } from '../backend-options';
import type { CliIo } from '../io';
import { loadManifests } from '../load-manifests';
import type { CommandFactory } from '../program';
import { formatSimulationText } from '../render/simulation-text';
import { openSimulationSource } from '../simulation-source';

interface SimulateOptions {
  os: string;
  device: EnrollmentRequest['device'];
  ownership: EnrollmentRequest['ownership'];
  choice?: EnrollmentRequest['ownership'];
  enrolledDevices?: string;
  user?: string;
  groups?: string;
  source: 'desired' | 'actual';
  stack?: string;
  format: 'text' | 'json';
}

function checkOptions(options: SimulateOptions): void {
  if (!OsVersionSchema.safeParse(options.os).success) {
    throw new UsageError(`--os expects an iOS/iPadOS version such as 17.2 or 14.8 (got "${options.os}")`);
  }
  if ((options.user === undefined) === (options.groups === undefined)) {
    throw new UsageError('name the user with --user UPN (groups read from the backend) or state the groups with --groups A,B; give exactly one');
  }
  if (options.enrolledDevices !== undefined && !/^\d+$/.test(options.enrolledDevices)) {
    throw new UsageError(`--enrolled-devices expects a whole number (got "${options.enrolledDevices}")`);
  }
}

async function desiredState(io: CliIo, stack: string | undefined): Promise<EnrollmentState> {
  const manifests: Manifest[] = await loadManifests(io, stack === undefined ? {} : { stack });
  const [only, ...others] = manifests;
  if (!only || others.length > 0) {
    throw new UsageError(`the app has several stacks (${manifests.map((m) => m.stack).join(', ')}). Fix: pick the one to simulate with --stack`);
  }
  return only;
}

/**
 * A note for stated groups that nothing in the state targets: a misspelled name otherwise reads as
 * "no profile applies". Empty when every group is targeted.
 */
export function unknownGroupsNote(state: EnrollmentState, memberOf: readonly string[]): string {
  const targeted = new Map<string, string>();
  for (const resource of state.resources) {
    for (const { target } of resource.assignments) if (target.type === 'group' || target.type === 'exclusionGroup') targeted.set(target.group.toLowerCase(), target.group);
  }
  const unknown = memberOf.filter((g) => !targeted.has(g.toLowerCase()));
  if (unknown.length === 0) return '';
  const known = [...targeted.values()].sort();
  return `Note: no object of the state is assigned to ${unknown.map((g) => `group "${g}"`).join(', ')}. Fix: check the spelling; the groups its objects target are ${known.length > 0 ? known.map((g) => `"${g}"`).join(', ') : 'none (all users or all devices only)'}\n`;
}

/** `enrollkit simulate`: the resolution of one enrollment, step by step, against the desired or the actual state. */
export const simulateCommand: CommandFactory = (io) =>
  addBackendOptions(new Command('simulate'))
    .description('show step by step what happens when a user enrolls an iPhone or iPad')
    .requiredOption('--os <version>', 'the iOS/iPadOS version of the device, e.g. 17.2')
    .addOption(new Option('--device <device>', 'the device').choices(['iphone', 'ipad']).default('iphone'))
    .addOption(new Option('--ownership <ownership>', 'who owns the device').choices(['personal', 'corporate']).default('personal'))
    .addOption(new Option('--choice <ownership>', 'the answer on a "determine based on user choice" profile (default: the ownership)').choices(['personal', 'corporate']))
    .option('--enrolled-devices <count>', 'devices the user has enrolled already, for the device limit')
    .option('--user <upn>', 'the user; their groups are read from the backend')
    .option('--groups <names>', 'the groups the user is in, comma-separated (what-if)')
    .addOption(new Option('--source <source>', 'simulate against the desired state of the app or the actual tenant').choices(['desired', 'actual']).default('desired'))
    .option('--stack <name>', 'the stack whose desired state to simulate against')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: SimulateOptions & Record<string, unknown>) => {
      checkOptions(options);
      const needsBackend = options.source === 'actual' || options.user !== undefined;
      const source = needsBackend ? await openSimulationSource(io, backendFlags(options)) : undefined;
      try {
        const state = source && options.source === 'actual' ? await source.readState() : await desiredState(io, options.stack);
        const memberOf = source && options.user !== undefined ? await source.memberOf(options.user) : (options.groups ?? '').split(',').map((g) => g.trim()).filter((g) => g !== '');
        const enrolledDevices =
          options.enrolledDevices !== undefined ? Number(options.enrolledDevices) : source && options.user !== undefined ? await source.enrolledDevices(options.user) : undefined;
        const request: EnrollmentRequest = {
          ...(options.user === undefined ? {} : { user: options.user }),
          os: options.os,
          device: options.device,
          ownership: options.ownership,
          memberOf,
          ...(options.choice === undefined ? {} : { choice: options.choice }),
          ...(enrolledDevices === undefined ? {} : { enrolledDevices }),
        };
        const resolution = resolveEnrollment(state, request);
        if (options.groups !== undefined) io.stderr(unknownGroupsNote(state, memberOf));
        io.stdout(options.format === 'json' ? `${JSON.stringify(resolution, null, 2)}\n` : formatSimulationText(resolution));
      } finally {
        await source?.close();
      }
    });
