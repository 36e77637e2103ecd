import type {
  DeviceLimitRestrictionSpec,
  EnrollmentType,
  EnrollmentTypeProfileSpec,
  IosAppSpec,
  PlatformRestrictionSpec,
  SsoConfiguration,
  SsoExtensionPolicySpec,
  WebClipSpec,
} from '../../model';
import type { ActualObject } from '../actual-state';
import { appAssignmentCode, sortedAssignments, targetCode, type GroupNaming } from './assignment-code';
import { isVppApp } from './import-problem';
import { propsLiteral, type Prop } from './props-literal';
import { tsString, tsValue } from './ts-literal';

/** What the code of one construct needs besides the object itself. */
export interface ConstructCodeContext {
  /** The construct's id in the stack. */
  readonly constructId: string;
  /** The variable that holds the construct, when later statements use it. */
  readonly variable: string | undefined;
  /** The logical ID to keep, when the construct ID cannot spell it (it contains `/`). */
  readonly logicalIdOverride: string | undefined;
  /** How assignments name groups. */
  readonly groups: GroupNaming;
}

/** The statements that declare one object, and the names they import from `enrollkit`. */
export interface ConstructCode {
  /** TypeScript statements, without a trailing newline. */
  readonly statements: string;
  /** Names imported from `enrollkit`. */
  readonly imports: readonly string[];
}

const ENROLLMENT_TYPES: Readonly<Record<EnrollmentType, string>> = {
  device: 'EnrollmentType.DEVICE_ENROLLMENT_WITH_COMPANY_PORTAL',
  webDeviceEnrollment: 'EnrollmentType.WEB_BASED_DEVICE_ENROLLMENT',
  accountDrivenUserEnrollment: 'EnrollmentType.ACCOUNT_DRIVEN_USER_ENROLLMENT',
  user: 'EnrollmentType.USER_ENROLLMENT_WITH_COMPANY_PORTAL',
};

const isJitDeviceRegistration = (c: SsoConfiguration): boolean => c.key === 'device_registration' && c.type === 'string' && c.value === '{{DEVICEREGISTRATION}}';
const isJitBrowserSso = (c: SsoConfiguration): boolean => c.key === 'browser_sso_interaction_enabled' && c.type === 'integer' && c.value === 1;

function named(o: ActualObject): Prop[] {
  return [['displayName', tsString(o.displayName)], ...(o.description ? [['description', tsString(o.description)] as const] : [])];
}

function targets(o: ActualObject, ctx: ConstructCodeContext): Prop {
  return ['assignments', sortedAssignments(o.assignments, ctx.groups).map((a) => targetCode(a.target, ctx.groups))];
}

function appAssignments(o: ActualObject, ctx: ConstructCodeContext): Prop {
  return ['assignments', sortedAssignments(o.assignments, ctx.groups).map((a) => appAssignmentCode(a, ctx.groups))];
}

function optional(name: string, value: string | undefined): Prop[] {
  return value === undefined ? [] : [[name, tsString(value)]];
}

function enrollmentTypeCode(spec: EnrollmentTypeProfileSpec): string {
  if (spec.enrollmentType !== 'userChoice') return ENROLLMENT_TYPES[spec.enrollmentType];
  const choice = spec.userChoice;
  if (!choice) throw new Error('a user-choice profile without its personal and corporate enrollment types cannot be declared');
  return `EnrollmentType.userChoice({ personal: ${ENROLLMENT_TYPES[choice.personal]}, corporate: ${ENROLLMENT_TYPES[choice.corporate]} })`;
}

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

/** The class (or factory) call and props of one object; VPP apps are handled by {@link constructCode}. */
function newExpression(o: ActualObject, ctx: ConstructCodeContext): { call: string; props: Prop[]; imports: string[] } {
  const head = (cls: string) => `new ${cls}(stack, ${tsString(ctx.constructId)}, `;
  switch (o.kind) {
    case 'enrollmentTypeProfile': {
      const spec = o.spec as EnrollmentTypeProfileSpec;
      return { call: head('EnrollmentTypeProfile'), props: [...named(o), ['enrollmentType', enrollmentTypeCode(spec)], targets(o, ctx)], imports: ['EnrollmentType', 'EnrollmentTypeProfile'] };
    }
    case 'platformRestriction': {
      const spec = o.spec as PlatformRestrictionSpec;
      const props: Prop[] = [
        ...named(o),
        ['platformBlocked', String(spec.platformBlocked)],
        ['personalDeviceEnrollmentBlocked', String(spec.personalDeviceEnrollmentBlocked)],
        ...optional('osMinimumVersion', spec.osMinimumVersion),
        ...optional('osMaximumVersion', spec.osMaximumVersion),
        targets(o, ctx),
      ];
      return { call: head('PlatformRestriction'), props, imports: ['PlatformRestriction'] };
    }
    case 'deviceLimitRestriction': {
      const spec = o.spec as DeviceLimitRestrictionSpec;
      return { call: head('DeviceLimitRestriction'), props: [...named(o), ['limit', tsValue(spec.limit)], targets(o, ctx)], imports: ['DeviceLimitRestriction'] };
    }
    case 'ssoExtensionPolicy': {
      const sso = ssoProps(o.spec as SsoExtensionPolicySpec);
      return { call: head('SsoExtensionPolicy'), props: [...named(o), ...sso.props, targets(o, ctx)], imports: ['SsoExtensionPolicy', ...(sso.settings.length > 0 ? ['SsoSetting'] : [])] };
    }
    case 'iosApp': {
      const spec = o.spec as IosAppSpec;
      const props: Prop[] = [
        ...named(o),
        ['bundleId', tsString(spec.bundleId)],
        ...optional('appStoreUrl', spec.appStoreUrl),
        ...optional('publisher', spec.publisher),
        ['applicableDeviceType', tsValue(spec.applicableDeviceType)],
        ...optional('minimumOsVersion', spec.minimumOsVersion),
        appAssignments(o, ctx),
      ];
      return { call: head('IosStoreApp'), props, imports: ['IosStoreApp'] };
    }
    case 'webClip': {
      const spec = o.spec as WebClipSpec;
      const props: Prop[] = [
        ...named(o),
        ['appUrl', tsString(spec.appUrl)],
        ...optional('publisher', spec.publisher),
        ['useManagedBrowser', String(spec.useManagedBrowser)],
        ['fullScreenEnabled', String(spec.fullScreenEnabled)],
        ['preComposedIconEnabled', String(spec.preComposedIconEnabled)],
        ['ignoreManifestScope', String(spec.ignoreManifestScope)],
        ...optional('targetApplicationBundleIdentifier', spec.targetApplicationBundleIdentifier),
        appAssignments(o, ctx),
      ];
      return { call: head('WebClip'), props, imports: ['WebClip'] };
    }
  }
}

/** A VPP app: a reference by bundle ID, then one `addAssignment` per assignment. */
function vppReferenceCode(o: ActualObject, ctx: ConstructCodeContext): ConstructCode {
  const spec = o.spec as IosAppSpec;
  const name = o.displayName.trim() !== '' && o.displayName === o.displayName.trim() && o.displayName.length <= 256 ? `, { displayName: ${tsString(o.displayName)} }` : '';
  const call = `VppApp.fromBundleId(stack, ${tsString(ctx.constructId)}, ${tsString(spec.bundleId)}${name});`;
  const assignments = sortedAssignments(o.assignments, ctx.groups).map((a) => `${ctx.variable}.addAssignment(${appAssignmentCode(a, ctx.groups)});`);
  const statements = ctx.variable ? [`const ${ctx.variable} = ${call}`, ...assignments] : [call];
  return { statements: statements.join('\n'), imports: ['VppApp', ...(assignments.length > 0 ? ['AssignmentTarget'] : [])] };
}

/**
 * The statements that declare one tenant object with the construct API: `new Xxx(stack, id, props)`
 * with every property and assignment the tenant has, or `VppApp.fromBundleId(...)` for a VPP app.
 * Group targets name the variables of the stack's group references.
 */
export function constructCode(o: ActualObject, ctx: ConstructCodeContext): ConstructCode {
  if (isVppApp(o)) return vppReferenceCode(o, ctx);
  const { call, props, imports } = newExpression(o, ctx);
  const declaration = `${ctx.variable ? `const ${ctx.variable} = ` : ''}${call}${propsLiteral(props)});`;
  const override = ctx.variable && ctx.logicalIdOverride !== undefined ? [`${ctx.variable}.overrideLogicalId(${tsString(ctx.logicalIdOverride)});`] : [];
  return {
    statements: [declaration, ...override].join('\n'),
    imports: [...imports, ...(o.assignments.length > 0 ? ['AssignmentTarget'] : [])],
  };
}
