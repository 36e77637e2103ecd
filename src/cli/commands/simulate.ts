import { Command, Option } from 'commander';
import { OsVersionSchema, UsageError, type Manifest } from '../../model';
import { resolveCorporateEnrollment, resolveEnrollment, type CorporateDeviceKind, type CorporateEnrollmentRequest, type EnrollmentRequest, type EnrollmentState } from '../../rules';
import { addBackendOptions, backendFlags, environmentOption } from '../backend-options';
import type { CliIo } from '../io';
import { addSynthOptions, loadManifests, manifestOptions, type LoadManifestsOptions } from '../load-manifests';
import type { CommandFactory } from '../program';
import { formatCorporateSimulationText } from '../render/corporate-simulation-text';
import { formatSimulationText } from '../render/simulation-text';
import { openSimulationSource } from '../simulation-source';

interface SimulateOptions {
  os?: string;
  device: EnrollmentRequest['device'];
  ownership?: EnrollmentRequest['ownership'];
  choice?: EnrollmentRequest['ownership'];
  enrolledDevices?: string;
  user?: string;
  groups?: string;
  source: 'desired' | 'actual';
  stack?: string;
  format: 'text' | 'json';
  serial?: string;
  deviceKind?: CorporateDeviceKind;
  adeToken?: string;
  profile?: string;
  dem?: boolean;
  appleId: boolean;
}

/** The command-line flag of an option (`adeToken` -> `--ade-token`). */
const flagOf = (option: string) => `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** True when the options ask about an organization-owned device (ADE or Apple Configurator). */
function isCorporate(options: SimulateOptions): boolean {
  return options.serial !== undefined || options.deviceKind !== undefined;
}

function checkCorporateOptions(options: SimulateOptions): void {
  const userOnly = (['os', 'ownership', 'choice', 'enrolledDevices'] as const).filter((o) => options[o] !== undefined);
  if (userOnly.length > 0) {
    throw new UsageError(`${userOnly.map(flagOf).join(', ')} ${userOnly.length === 1 ? 'applies' : 'apply'} to user-initiated enrollment, not to a corporate device (--serial, --device-kind). Fix: leave them out`);
  }
  if (options.user !== undefined && options.groups !== undefined) throw new UsageError('name the user with --user UPN or state the groups with --groups A,B, not both');
  if (options.serial !== undefined && !/^[A-Za-z0-9]{8,14}$/.test(options.serial)) {
    throw new UsageError(`--serial expects an Apple serial number such as DMPXK0A1JF8J (got "${options.serial}")`);
  }
}

function checkOptions(options: SimulateOptions): void {
  if (isCorporate(options)) return checkCorporateOptions(options);
  const corporateOnly = (['adeToken', 'profile', 'dem'] as const).filter((o) => options[o] !== undefined);
  if (corporateOnly.length > 0 || !options.appleId) {
    const named = [...corporateOnly.map(flagOf), ...(options.appleId ? [] : ['--no-apple-id'])];
    throw new UsageError(`${named.join(', ')} ${named.length === 1 ? 'applies' : 'apply'} to a corporate device. Fix: add --serial S or --device-kind ade|configurator`);
  }
  if (options.os === undefined || !OsVersionSchema.safeParse(options.os).success) {
    throw new UsageError(`--os expects an iOS/iPadOS version such as 17.2 or 14.8 (got ${options.os === undefined ? 'none' : `"${options.os}"`})`);
  }
  if ((options.user === undefined) === (options.groups === undefined)) {
    throw new UsageError('name the user with --user UPN (groups read from the backend) or state the groups with --groups A,B; give exactly one');
  }
  if (options.enrolledDevices !== undefined && !/^\d+$/.test(options.enrolledDevices)) {
    throw new UsageError(`--enrolled-devices expects a whole number (got "${options.enrolledDevices}")`);
  }
}

async function desiredState(io: CliIo, options: LoadManifestsOptions): Promise<EnrollmentState> {
  const manifests: Manifest[] = await loadManifests(io, options);
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

function corporateRequest(options: SimulateOptions, memberOf: string[]): CorporateEnrollmentRequest {
  return {
    ...(options.serial === undefined ? {} : { serialNumber: options.serial.toUpperCase() }),
    ...(options.deviceKind === undefined ? {} : { deviceKind: options.deviceKind }),
    ...(options.adeToken === undefined ? {} : { token: options.adeToken }),
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    device: options.device,
    ...(options.user === undefined ? {} : { user: options.user }),
    memberOf,
    ...(options.dem ? { deviceEnrollmentManager: true } : {}),
    ...(options.appleId ? {} : { appleId: false }),
  };
}

/** `enrollkit simulate`: the resolution of one enrollment, step by step, against the desired or the actual state. */
export const simulateCommand: CommandFactory = (io) =>
  addSynthOptions(addBackendOptions(new Command('simulate')))
    .option('--os <version>', 'the iOS/iPadOS version of the device, e.g. 17.2 (user-initiated enrollment)')
    .addOption(new Option('--device <device>', 'the device').choices(['iphone', 'ipad']).default('iphone'))
    .addOption(new Option('--ownership <ownership>', 'who owns the device (default: personal)').choices(['personal', 'corporate']))
    .option('--serial <serial>', 'an organization-owned device by serial number: its ADE or Apple Configurator profile applies')
    .addOption(new Option('--device-kind <kind>', 'an organization-owned device from Apple Business Manager (ade) or Apple Configurator').choices(['ade', 'configurator']))
    .option('--ade-token <name>', 'the ADE token of a device without an assigned profile, when the state has several')
    .option('--profile <name>', 'what-if: the corporate device gets this enrollment profile')
    .option('--dem', 'the user signs in with a device enrollment manager account')
    .option('--no-apple-id', 'the user enters no Apple ID')
    .addOption(new Option('--choice <ownership>', 'the answer on a "determine based on user choice" profile (default: the ownership)').choices(['personal', 'corporate']))
    .option('--enrolled-devices <count>', 'devices the user has enrolled already, for the device limit')
    .option('--user <upn>', 'the user; their groups are read from the backend')
    .option('--groups <names>', 'the groups the user is in, comma-separated (what-if)')
    .addOption(new Option('--source <source>', 'simulate against the desired state of the app or the actual tenant').choices(['desired', 'actual']).default('desired'))
    .option('--stack <name>', 'the stack whose desired state to simulate against')
    .addOption(environmentOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: SimulateOptions & Record<string, unknown>) => {
      checkOptions(options);
      const needsBackend = options.source === 'actual' || options.user !== undefined;
      if (options.environment !== undefined && !needsBackend) {
        throw new UsageError('--environment names the tenant to read, and this simulation reads none: it runs against the desired state with the groups of --groups. Fix: add --source actual or --user UPN, or leave --environment out');
      }
      const source = needsBackend ? await openSimulationSource(io, backendFlags(options), typeof options.environment === 'string' ? options.environment : undefined) : undefined;
      try {
        const state = source && options.source === 'actual' ? await source.readState() : await desiredState(io, manifestOptions(options));
        const memberOf = source && options.user !== undefined ? await source.memberOf(options.user) : (options.groups ?? '').split(',').map((g) => g.trim()).filter((g) => g !== '');
        if (options.groups !== undefined) io.stderr(unknownGroupsNote(state, memberOf));
        if (isCorporate(options)) {
          const resolution = resolveCorporateEnrollment(state, corporateRequest(options, memberOf));
          io.stdout(options.format === 'json' ? `${JSON.stringify(resolution, null, 2)}\n` : formatCorporateSimulationText(resolution));
          return;
        }
        const enrolledDevices =
          options.enrolledDevices !== undefined ? Number(options.enrolledDevices) : source && options.user !== undefined ? await source.enrolledDevices(options.user) : undefined;
        const request: EnrollmentRequest = {
          ...(options.user === undefined ? {} : { user: options.user }),
          os: options.os ?? '',
          device: options.device,
          ownership: options.ownership ?? 'personal',
          memberOf,
          ...(options.choice === undefined ? {} : { choice: options.choice }),
          ...(enrolledDevices === undefined ? {} : { enrolledDevices }),
        };
        const resolution = resolveEnrollment(state, request);
        io.stdout(options.format === 'json' ? `${JSON.stringify(resolution, null, 2)}\n` : formatSimulationText(resolution));
      } finally {
        await source?.close();
      }
    });
