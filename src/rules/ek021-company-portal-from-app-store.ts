import { COMPANY_PORTAL } from '../model';
import { resourcesOfKind } from './resources';
import type { Rule } from './rule';

/** EK021: Company Portal is not installed from the App Store on devices enrolled with ADE or Apple Configurator. */
export const ek021CompanyPortalFromAppStore: Rule = {
  id: 'EK021',
  severity: 'warning',
  title: 'Do not install Company Portal from the App Store on ADE or Apple Configurator devices',
  message: 'Company Portal from the App Store does not know the device is enrolled by ADE; install it through the enrollment profile with VPP, or as a device-licensed VPP app with the Company Portal app configuration',
  fix: 'assign Company Portal as a VPP app (VppApp.fromBundleId) with device licensing, or let the ADE profile install it with VPP',
  sources: ['003'],
  check: ({ manifest }) => {
    if (resourcesOfKind(manifest.resources, 'adeProfile').length === 0) return [];
    return resourcesOfKind(manifest.resources, 'iosApp')
      .filter((app) => app.spec.bundleId === COMPANY_PORTAL.bundleId && app.spec.appType === 'iosStoreApp' && app.assignments.length > 0)
      .map((app) => ({ path: app.path, field: 'appType', value: app.spec.appType, message: `the stack enrolls ADE devices and assigns Company Portal "${app.displayName}" from the App Store` }));
  },
};
