import { resourcesOfKind, stateResources } from './resources';
import type { Rule } from './rule';

/** EK022: the device enrollment manager account is not supported with ADE or Apple Configurator. */
export const ek022DemWithCorporateDevices: Rule = {
  id: 'EK022',
  severity: 'error',
  title: 'The device enrollment manager (DEM) account is not supported with ADE or Apple Configurator',
  message: 'a device of Apple Business Manager or Apple Configurator enrolled by a DEM account did not enroll through its ADE or Apple Configurator profile',
  fix: 'retire the device and set it up again through ADE or Apple Configurator with the user\'s own account (user affinity), or without user affinity for shared devices',
  sources: ['003'],
  needs: ['deviceEnrollmentManagerDevices'],
  check: (context) => {
    const corporate = new Set([
      ...resourcesOfKind(stateResources(context), 'adeProfile').flatMap((p) => p.spec.serialNumbers),
      ...resourcesOfKind(stateResources(context), 'configuratorProfile').flatMap((p) => p.spec.serialNumbers),
      ...(context.facts.corporateDevices ?? []).map((d) => d.serialNumber),
    ].map((s) => s.toUpperCase()));
    return (context.facts.deviceEnrollmentManagerDevices ?? [])
      .filter((d) => corporate.has(d.serialNumber.toUpperCase()))
      .map((d) => ({
        path: `tenant/managedDevices/${d.deviceName || d.serialNumber}`,
        field: 'deviceEnrollmentType',
        value: 'deviceEnrollmentManager',
        message: `the organization-owned device ${d.serialNumber}${d.deviceName ? ` ("${d.deviceName}")` : ''} is enrolled by the device enrollment manager account ${d.userPrincipalName}`,
      }));
  },
};
