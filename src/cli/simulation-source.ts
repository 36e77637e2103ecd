import { readEnrolledDeviceCount, readMemberOf, readState, tenantFactsOf } from '../engine';
import type { OpenSimulationSource } from './commands/simulate';
import { openBackend } from './open-backend';

/** Opens the tenant for `simulate --source actual` and `--user`: every object of every stack, and memberships. */
export const openSimulationSource: OpenSimulationSource = async (io, flags) => {
  const backend = await openBackend(io, flags);
  return {
    async readState() {
      const [state, identity] = await Promise.all([readState(backend, []), backend.identity()]);
      return { resources: tenantFactsOf('', state, identity).resources ?? [] };
    },
    memberOf: (upn) => readMemberOf(backend, upn),
    enrolledDevices: (upn) => readEnrolledDeviceCount(backend, upn),
    close: () => backend.close(),
  };
};
