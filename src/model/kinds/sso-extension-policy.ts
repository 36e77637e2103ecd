import { z } from 'zod';
import { namedProps, newConstructCode, targetsProp, tsString, tsValue, type Prop } from '../codegen';
import type { GraphEntity, KindDescriptor } from '../descriptor';
import { graphProtocol } from '../graph-protocol';
import { IMPORT_AGAIN } from './import-again';
import { isOfType, targetOnlyAssignments } from './target-only-assignments';

/** A bundle ID as Apple defines it: reverse-DNS, letters, digits, hyphens and dots. */
export const BundleIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, { message: 'expected a bundle ID such as "com.contoso.app"' });

/** One typed key/value pair of the SSO extension (Graph's `keyTypedValuePair` family). */
export const SsoConfigurationSchema = z.discriminatedUnion('type', [
  z.strictObject({ key: z.string().min(1), type: z.literal('string'), value: z.string() }),
  z.strictObject({ key: z.string().min(1), type: z.literal('integer'), value: z.number().int() }),
  z.strictObject({ key: z.string().min(1), type: z.literal('boolean'), value: z.boolean() }),
  z.strictObject({ key: z.string().min(1), type: z.literal('real'), value: z.number() }),
]);

/** A typed SSO extension setting. */
export type SsoConfiguration = z.infer<typeof SsoConfigurationSchema>;

/** The Microsoft Entra ID SSO app extension (`iosAzureAdSingleSignOnExtension`). */
export const SsoExtensionPolicySpecSchema = z.strictObject({
  /** Extra, non-Microsoft apps allowed to use the extension. */
  bundleIdAccessControlList: z.array(BundleIdSchema),
  /** Additional settings, e.g. `device_registration` for JIT registration. At most 500. */
  configurations: z.array(SsoConfigurationSchema).max(500),
  /** Turn on shared device mode. */
  enableSharedDeviceMode: z.boolean(),
});

/** Spec of an SSO app extension policy. */
export type SsoExtensionPolicySpec = z.infer<typeof SsoExtensionPolicySpecSchema>;

const ODATA_TYPE = '#microsoft.graph.iosDeviceFeaturesConfiguration';
const EXTENSION_TYPE = '#microsoft.graph.iosAzureAdSingleSignOnExtension';
const PAIR_TYPES = {
  string: '#microsoft.graph.keyStringValuePair',
  integer: '#microsoft.graph.keyIntegerValuePair',
  boolean: '#microsoft.graph.keyBooleanValuePair',
  real: '#microsoft.graph.keyRealValuePair',
} as const;

function pairFromGraph(raw: Record<string, unknown>): SsoConfiguration | undefined {
  const type = (Object.keys(PAIR_TYPES) as (keyof typeof PAIR_TYPES)[]).find((t) => isOfType(raw, PAIR_TYPES[t]));
  const key = String(raw.key ?? '');
  switch (type) {
    case 'string':
      return { key, type, value: String(raw.value ?? '') };
    case 'integer':
    case 'real':
      return { key, type, value: Number(raw.value) };
    case 'boolean':
      return { key, type, value: raw.value === true };
    default:
      return undefined;
  }
}

function extensionOf(entity: GraphEntity): Record<string, unknown> {
  const ext = entity.iosSingleSignOnExtension ?? entity.singleSignOnExtension;
  return typeof ext === 'object' && ext !== null ? (ext as Record<string, unknown>) : {};
}

/** SSO app extension policies: an iOS device features configuration with the Entra SSO extension. */
export const ssoExtensionPolicy: KindDescriptor<SsoExtensionPolicySpec> = {
  kind: 'ssoExtensionPolicy',
  title: 'SSO app extension policy',
  specSchema: SsoExtensionPolicySpecSchema,
  graph: graphProtocol({
    collection: '/deviceManagement/deviceConfigurations',
    odataType: ODATA_TYPE,
    listTypes: [ODATA_TYPE],
    expandAssignments: true,
    assign: { style: 'action', bodyKey: 'assignments', odataType: '#microsoft.graph.deviceConfigurationAssignment' },
  }),
  dependsOn: [],
  permissions: {
    read: ['DeviceManagementConfiguration.Read.All', 'DeviceManagementConfiguration.ReadWrite.All'],
    write: ['DeviceManagementConfiguration.ReadWrite.All'],
  },
  replaceOn: [],
  isBuiltIn: () => false,
  matches: (entity) => isOfType(entity, ODATA_TYPE) && isOfType(extensionOf(entity as GraphEntity), EXTENSION_TYPE),
  normalize: (spec) => ({
    bundleIdAccessControlList: [...new Set(spec.bundleIdAccessControlList)].sort(),
    configurations: [...spec.configurations].sort((a, b) => a.key.localeCompare(b.key)),
    enableSharedDeviceMode: spec.enableSharedDeviceMode,
  }),
  toGraph: (spec) => ({
    '@odata.type': ODATA_TYPE,
    iosSingleSignOnExtension: {
      '@odata.type': EXTENSION_TYPE,
      bundleIdAccessControlList: spec.bundleIdAccessControlList,
      configurations: spec.configurations.map((c) => ({ '@odata.type': PAIR_TYPES[c.type], key: c.key, value: c.value })),
      enableSharedDeviceMode: spec.enableSharedDeviceMode,
    },
  }),
  fromGraph(entity: GraphEntity) {
    const ext = extensionOf(entity);
    const acl = Array.isArray(ext.bundleIdAccessControlList) ? ext.bundleIdAccessControlList.map(String) : [];
    const pairs = Array.isArray(ext.configurations) ? (ext.configurations as Record<string, unknown>[]) : [];
    return ssoExtensionPolicy.normalize({
      bundleIdAccessControlList: acl,
      configurations: pairs.map(pairFromGraph).filter((p): p is SsoConfiguration => p !== undefined),
      enableSharedDeviceMode: ext.enableSharedDeviceMode === true,
    });
  },
  ...targetOnlyAssignments('#microsoft.graph.deviceConfigurationAssignment', { intent: 'apply' }),
  code: {
    className: () => 'SsoExtensionPolicy',
    referenced: () => false,
    problem: (o) => ssoImportProblem(o.spec),
    declare(o, ctx) {
      const sso = ssoProps(o.spec);
      return newConstructCode(o, ctx, 'SsoExtensionPolicy', [...namedProps(o), ...sso.props, targetsProp(o, ctx.groups)], sso.settings.length > 0 ? ['SsoSetting'] : []);
    },
  },
};

const isJitDeviceRegistration = (c: SsoConfiguration): boolean => c.key === 'device_registration' && c.type === 'string' && c.value === '{{DEVICEREGISTRATION}}';
const isJitBrowserSso = (c: SsoConfiguration): boolean => c.key === 'browser_sso_interaction_enabled' && c.type === 'integer' && c.value === 1;

/** The SSO props: `jitRegistration` stands for its two settings when the policy has both. */
function ssoProps(spec: SsoExtensionPolicySpec): { props: Prop[]; settings: string[] } {
  const jit = spec.configurations.some(isJitDeviceRegistration) && spec.configurations.some(isJitBrowserSso);
  const settings = spec.configurations
    .filter((c) => !jit || !(isJitDeviceRegistration(c) || isJitBrowserSso(c)))
    .map((c) => `SsoSetting.${c.type}(${tsString(c.key)}, ${tsValue(c.value)})`);
  const props: Prop[] = [
    ...(jit ? [['jitRegistration', 'true'] as const] : []),
    ['bundleIds', spec.bundleIdAccessControlList.map(tsString)],
    ['settings', settings],
    ['enableSharedDeviceMode', String(spec.enableSharedDeviceMode)],
  ];
  return { props, settings };
}

/** EK003 white space and repeated keys, which a stack cannot declare. */
function ssoImportProblem(spec: SsoExtensionPolicySpec): string | undefined {
  const seen = new Set<string>();
  for (const { key, value } of spec.configurations) {
    if (key !== key.trim()) return `the setting key ${tsString(key)} has leading or trailing white space (EK003). Fix: write it as ${tsString(key.trim())} in the tenant, ${IMPORT_AGAIN}`;
    if (typeof value === 'string' && value !== value.trim()) {
      return `the value ${tsString(value)} of ${tsString(key)} has leading or trailing white space (EK003). Fix: write it as ${tsString(value.trim())} in the tenant, ${IMPORT_AGAIN}`;
    }
    if (seen.has(key)) return `the setting ${tsString(key)} is set more than once. Fix: keep one in the tenant, ${IMPORT_AGAIN}`;
    seen.add(key);
  }
  return undefined;
}
