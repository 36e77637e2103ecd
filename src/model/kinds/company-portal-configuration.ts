import { z } from 'zod';
import { namedProps, newConstructCode, targetsProp } from '../codegen';
import type { GraphEntity, KindDescriptor } from '../descriptor';
import { graphProtocol } from '../graph-protocol';
import { COMPANY_PORTAL } from '../known-apps';
import { IMPORT_AGAIN } from './import-again';
import { MOBILE_APP_PERMISSIONS } from './app-assignments';
import { BundleIdSchema } from './sso-extension-policy';
import { isOfType, targetOnlyAssignments } from './target-only-assignments';

/**
 * The Company Portal app configuration policy for ADE (and Apple Configurator) devices
 * (`iosMobileAppConfiguration`, seed 003 "Configure the Company Portal app to support iOS and
 * iPadOS DEP devices"): it tells Company Portal that the device is enrolled already.
 */
export const CompanyPortalConfigurationSpecSchema = z.strictObject({
  /** The bundle ID of the VPP app the policy targets: Company Portal. */
  app: BundleIdSchema,
  /** Devices enrolled with user affinity (`IntuneCompanyPortalEnrollmentAfterUDA`), or without (`IntuneUDAUserlessDevice`). */
  userAffinity: z.boolean(),
});

/** Spec of a Company Portal app configuration policy. */
export type CompanyPortalConfigurationSpec = z.infer<typeof CompanyPortalConfigurationSpecSchema>;

const ODATA_TYPE = '#microsoft.graph.iosMobileAppConfiguration';
/** The lookup of the tenant's VPP apps by bundle ID (Company Portal comes from a VPP token). */
export const VPP_APPS = 'vppApps';

/** The configuration keys of the two policies (graph-ade-api.md §10.1, from Microsoft's app configuration docs). */
const WITH_USER = 'IntuneCompanyPortalEnrollmentAfterUDA';
const WITHOUT_USER = 'IntuneUDAUserlessDevice';

/** The compact plist `<dict>` of each policy, as `encodedSettingXml` carries it (base64). */
export function companyPortalSettingXml(userAffinity: boolean): string {
  return userAffinity
    ? `<dict><key>${WITH_USER}</key><dict><key>IntuneDeviceId</key><string>{{deviceid}}</string><key>UserId</key><string>{{userid}}</string></dict></dict>`
    : `<dict><key>${WITHOUT_USER}</key><string>{{SIGNEDDEVICEID}}</string></dict>`;
}

/** Which policy an entity is: true with user affinity, false without, undefined for other app configurations. */
function userAffinityOf(entity: GraphEntity): boolean | undefined {
  const xml = typeof entity.encodedSettingXml === 'string' ? Buffer.from(entity.encodedSettingXml, 'base64').toString('utf8') : '';
  const keys = Array.isArray(entity.settings) ? (entity.settings as { appConfigKey?: unknown }[]).map((s) => s.appConfigKey) : [];
  if (xml.includes(`<key>${WITH_USER}</key>`) || keys.includes(WITH_USER)) return true;
  if (xml.includes(`<key>${WITHOUT_USER}</key>`) || keys.includes(WITHOUT_USER)) return false;
  return undefined;
}

/** The Company Portal app configuration policy for devices enrolled by ADE or Apple Configurator. */
export const companyPortalConfiguration: KindDescriptor<CompanyPortalConfigurationSpec> = {
  kind: 'companyPortalConfiguration',
  title: 'Company Portal app configuration policy',
  specSchema: CompanyPortalConfigurationSpecSchema,
  graph: graphProtocol({
    collection: '/deviceAppManagement/mobileAppConfigurations',
    odataType: ODATA_TYPE,
    listTypes: [],
    expandAssignments: true,
    assign: { style: 'action', bodyKey: 'assignments', odataType: '#microsoft.graph.managedDeviceMobileAppConfigurationAssignment' },
  }),
  lookups: {
    [VPP_APPS]: {
      title: 'VPP app',
      list: { method: 'GET', version: 'beta', path: `/deviceAppManagement/mobileApps?$filter=${encodeURIComponent("isof('microsoft.graph.iosVppApp')")}&$select=id,bundleId` },
      nameField: 'bundleId',
      field: 'app',
      matches: () => true,
    },
  },
  replaceOn: [],
  dependsOn: [],
  permissions: MOBILE_APP_PERMISSIONS,
  matches: (entity) => isOfType(entity, ODATA_TYPE) && userAffinityOf(entity) !== undefined,
  isBuiltIn: () => false,
  normalize: (spec) => ({ app: spec.app, userAffinity: spec.userAffinity }),
  toGraph: (spec, names) => ({
    '@odata.type': ODATA_TYPE,
    targetedMobileApps: [names?.id(VPP_APPS, spec.app) ?? spec.app],
    encodedSettingXml: Buffer.from(companyPortalSettingXml(spec.userAffinity), 'utf8').toString('base64'),
    settings: [],
  }),
  fromGraph(entity, names) {
    const targeted = Array.isArray(entity.targetedMobileApps) ? entity.targetedMobileApps.map(String) : [];
    const app = targeted.length === 1 ? (names?.name(VPP_APPS, targeted[0]!) ?? targeted[0]!) : targeted.join(',');
    return { app, userAffinity: userAffinityOf(entity) === true };
  },
  ...targetOnlyAssignments('#microsoft.graph.managedDeviceMobileAppConfigurationAssignment'),
  code: {
    className: () => 'CompanyPortalAppConfiguration',
    referenced: () => false,
    problem: (o) =>
      o.spec.app === COMPANY_PORTAL.bundleId
        ? undefined
        : `it targets ${JSON.stringify(o.spec.app)}, not the Company Portal VPP app (${COMPANY_PORTAL.bundleId}). Fix: target only the Company Portal VPP app in the tenant, ${IMPORT_AGAIN}`,
    declare: (o, ctx) =>
      newConstructCode(o, ctx, 'CompanyPortalAppConfiguration', [...namedProps(o), ['userAffinity', String(o.spec.userAffinity)], targetsProp(o, ctx.groups)], []),
  },
};
