import { z } from 'zod';
import { appAssignmentCode, appAssignmentsProp, namedProps, newConstructCode, optionalProp, sortedAssignments, tsString, tsValue, type ConstructCode, type ConstructCodeContext } from '../codegen';
import type { GraphEntity, KindCodeSource, KindDescriptor } from '../descriptor';
import { graphProtocol } from '../graph-protocol';
import { IMPORT_AGAIN } from './import-again';
import { appAssignments, MOBILE_APP_PERMISSIONS, MOBILE_APPS } from './app-assignments';
import { BundleIdSchema } from './sso-extension-policy';
import { isOfType } from './target-only-assignments';

/** iOS versions Graph's `iosMinimumOperatingSystem` can name. */
export const MINIMUM_OS_VERSIONS = ['8.0', '9.0', '10.0', '11.0', '12.0', '13.0', '14.0', '15.0', '16.0', '17.0', '18.0', '26.0'] as const;

/** An iOS App Store app, or a VPP (Apple Business Manager) app synced by a VPP token. */
export const IosAppSpecSchema = z.strictObject({
  /** `iosStoreApp` for a public store app; `iosVppApp` for a VPP app (reference only: VPP apps come from token sync). */
  appType: z.enum(['iosStoreApp', 'iosVppApp']),
  /** The app's bundle ID. */
  bundleId: BundleIdSchema,
  /** The App Store URL. */
  appStoreUrl: z.url({ protocol: /^https$/, message: 'expected an https App Store URL' }).optional(),
  /** The publisher Intune shows. */
  publisher: z.string().optional(),
  /** Devices the app targets. */
  applicableDeviceType: z.strictObject({ iPad: z.boolean(), iPhoneAndIPod: z.boolean() }),
  /** Store apps: the lowest iOS version the app installs on (VPP apps take it from Apple). */
  minimumOsVersion: z.enum(MINIMUM_OS_VERSIONS).optional(),
});

/** Spec of an iOS store or VPP app. */
export type IosAppSpec = z.infer<typeof IosAppSpecSchema>;

const TYPES = { iosStoreApp: '#microsoft.graph.iosStoreApp', iosVppApp: '#microsoft.graph.iosVppApp' } as const;
const SETTINGS_TYPES = {
  iosStoreApp: '#microsoft.graph.iosStoreAppAssignmentSettings',
  iosVppApp: '#microsoft.graph.iosVppAppAssignmentSettings',
} as const;

/** The minimum OS of a store app that does not state one. */
const DEFAULT_MINIMUM_OS = '15.0';

function minimumOsToGraph(version: string): Record<string, boolean> {
  return Object.fromEntries(MINIMUM_OS_VERSIONS.map((v) => [`v${v.replace('.', '_')}`, v === version]));
}

function minimumOsFromGraph(raw: unknown): IosAppSpec['minimumOsVersion'] {
  const flags = (raw ?? {}) as Record<string, unknown>;
  return MINIMUM_OS_VERSIONS.find((v) => flags[`v${v.replace('.', '_')}`] === true) ?? '8.0';
}

/** iOS store and VPP apps, owned (created by the stack) or referenced by bundle ID. */
export const iosApp: KindDescriptor<IosAppSpec> = {
  kind: 'iosApp',
  title: 'iOS app',
  specSchema: IosAppSpecSchema,
  graph: graphProtocol({ ...MOBILE_APPS, odataType: TYPES.iosStoreApp, listTypes: [TYPES.iosStoreApp, TYPES.iosVppApp] }),
  replaceOn: ['appType', 'bundleId'],
  isBuiltIn: () => false,
  referenceField: 'bundleId',
  dependsOn: [],
  permissions: MOBILE_APP_PERMISSIONS,
  matches: (entity) => isOfType(entity, TYPES.iosStoreApp) || isOfType(entity, TYPES.iosVppApp),
  normalize: (spec) => ({
    appType: spec.appType,
    bundleId: spec.bundleId,
    ...(spec.appStoreUrl ? { appStoreUrl: spec.appStoreUrl } : {}),
    ...(spec.publisher ? { publisher: spec.publisher } : {}),
    applicableDeviceType: { iPad: spec.applicableDeviceType.iPad, iPhoneAndIPod: spec.applicableDeviceType.iPhoneAndIPod },
    ...(spec.appType === 'iosStoreApp' ? { minimumOsVersion: spec.minimumOsVersion ?? DEFAULT_MINIMUM_OS } : {}),
  }),
  toGraph: (spec) => ({
    '@odata.type': TYPES[spec.appType],
    bundleId: spec.bundleId,
    appStoreUrl: spec.appStoreUrl ?? null,
    publisher: spec.publisher ?? null,
    applicableDeviceType: spec.applicableDeviceType,
    ...(spec.appType === 'iosStoreApp' ? { minimumSupportedOperatingSystem: minimumOsToGraph(spec.minimumOsVersion ?? DEFAULT_MINIMUM_OS) } : {}),
  }),
  fromGraph(entity: GraphEntity) {
    const device = (entity.applicableDeviceType ?? {}) as Record<string, unknown>;
    const appType = isOfType(entity, TYPES.iosVppApp) ? 'iosVppApp' : 'iosStoreApp';
    return iosApp.normalize({
      appType,
      bundleId: String(entity.bundleId ?? ''),
      ...(typeof entity.appStoreUrl === 'string' && entity.appStoreUrl ? { appStoreUrl: entity.appStoreUrl } : {}),
      ...(typeof entity.publisher === 'string' && entity.publisher ? { publisher: entity.publisher } : {}),
      applicableDeviceType: { iPad: device.iPad === true, iPhoneAndIPod: device.iPhoneAndIPod === true },
      ...(appType === 'iosStoreApp' ? { minimumOsVersion: minimumOsFromGraph(entity.minimumSupportedOperatingSystem) } : {}),
    });
  },
  ...appAssignments<IosAppSpec>((spec) => SETTINGS_TYPES[spec.appType]),
  code: {
    className: (spec) => (spec.appType === 'iosVppApp' ? 'VppApp' : 'IosStoreApp'),
    referenced: (spec) => spec.appType === 'iosVppApp',
    problem({ spec }) {
      if (spec.appType !== 'iosVppApp' || BundleIdSchema.safeParse(spec.bundleId).success) return undefined;
      return `its bundle ID ${JSON.stringify(spec.bundleId)} is not a valid bundle ID, so a stack cannot reference it. Fix: correct it in Apple Business Manager, ${IMPORT_AGAIN}`;
    },
    declare(o, ctx) {
      if (o.spec.appType === 'iosVppApp') return vppReferenceCode(o, ctx);
      const props = [
        ...namedProps(o),
        ['bundleId', tsString(o.spec.bundleId)] as const,
        ...optionalProp('appStoreUrl', o.spec.appStoreUrl),
        ...optionalProp('publisher', o.spec.publisher),
        ['applicableDeviceType', tsValue(o.spec.applicableDeviceType)] as const,
        ...optionalProp('minimumOsVersion', o.spec.minimumOsVersion),
        appAssignmentsProp(o, ctx.groups),
      ];
      return newConstructCode(o, ctx, 'IosStoreApp', props, []);
    },
  },
};

/** A VPP app: a reference by bundle ID, then one `addAssignment` per assignment. */
function vppReferenceCode(o: KindCodeSource<IosAppSpec>, ctx: ConstructCodeContext): ConstructCode {
  const name = o.displayName.trim() !== '' && o.displayName === o.displayName.trim() && o.displayName.length <= 256 ? `, { displayName: ${tsString(o.displayName)} }` : '';
  const call = `VppApp.fromBundleId(stack, ${tsString(ctx.constructId)}, ${tsString(o.spec.bundleId)}${name});`;
  const assignments = sortedAssignments(o.assignments, ctx.groups).map((a) => `${ctx.variable}.addAssignment(${appAssignmentCode(a, ctx.groups)});`);
  const statements = ctx.variable ? [`const ${ctx.variable} = ${call}`, ...assignments] : [call];
  return { statements: statements.join('\n'), imports: ['VppApp', ...(assignments.length > 0 ? ['AssignmentTarget'] : [])] };
}
