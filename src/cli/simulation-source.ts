import { readEnrolledDeviceCount, readMemberOf, readState, tenantFactsOf } from '../engine';
import type { EnrollmentState } from '../rules';
import type { CliIo } from './io';
import { StackBackends } from './stack-backends';
import type { BackendFlags } from './open-backend';

/** What a simulation reads from a tenant: its objects, a user's groups and enrolled devices. */
export interface SimulationSource {
  /** The tenant's objects (every stack's and the unowned ones) in the manifest's resource shape, with its corporate devices. */
  readState(): Promise<EnrollmentState>;
  /** Display names of the groups the user (by UPN) is a member of. */
  memberOf(upn: string): Promise<string[]>;
  /** How many devices the user (by UPN) has enrolled, for the device limit. */
  enrolledDevices(upn: string): Promise<number>;
  /** Releases the backend. */
  close(): Promise<void>;
}

/**
 * Opens the tenant for `simulate --source actual` and `--user`: every object of every stack, and
 * memberships; the tenant of `environment` of `cdktf.json` when one is named, its tenant checked.
 */
export async function openSimulationSource(io: CliIo, flags: BackendFlags, environment?: string): Promise<SimulationSource> {
  const backends = new StackBackends(io, flags);
  const { backend } = await (environment === undefined ? backends.forFlags() : backends.forEnvironment(environment)).catch(async (error: unknown) => {
    await backends.close();
    throw error;
  });
  return {
    async readState() {
      const [state, identity] = await Promise.all([readState(backend, []), backend.identity()]);
      const facts = tenantFactsOf({ stack: '', resources: [] }, state, identity);
      return { resources: facts.resources ?? [], defaults: state.tenantDefaults, ...(facts.corporateDevices ? { corporateDevices: facts.corporateDevices } : {}) };
    },
    memberOf: (upn) => readMemberOf(backend, upn),
    enrolledDevices: (upn) => readEnrolledDeviceCount(backend, upn),
    close: () => backends.close(),
  };
}
