/** A synthetic stack for large plans and applies: every managed kind, ten groups, one assignment per object. */
import { MANIFEST_VERSION, type Manifest, type Resource } from '../../src/model';

const GROUPS = 10;

/** Choices for {@link syntheticStack}. */
export interface SyntheticStackOptions {
  /** The display name of object `i` (default: kind prefix and number). */
  readonly name?: (prefix: string, i: number) => string;
  /** False to name the ten groups without declaring them (plan then finds them missing). */
  readonly declareGroups?: boolean;
}

/** A stack of `size` owned objects spread over every kind, assigned to ten groups. */
export function syntheticStack(size: number, options: SyntheticStackOptions = {}): Manifest {
  const resources: Resource[] = [];
  const group = (i: number) => `Bench group ${i % GROUPS}`;
  const priorities = new Map<string, number>();
  const priority = (kind: string) => {
    priorities.set(kind, (priorities.get(kind) ?? 0) + 1);
    return priorities.get(kind)!;
  };
  const base = (i: number, prefix: string) => ({
    logicalId: `${prefix}${i}`,
    path: `bench/${prefix}${i}`,
    displayName: options.name?.(prefix, i) ?? `${prefix} ${i}`,
    description: 'synthetic',
    assignments: [{ target: { type: 'group' as const, group: group(i) } }],
    suppressions: [],
  });
  for (let i = 0; i < size; i += 1) {
    switch (i % 5) {
      case 0:
        resources.push({ ...base(i, 'Profile'), kind: 'enrollmentTypeProfile', spec: { enrollmentType: 'webDeviceEnrollment' }, priority: priority('profile') });
        break;
      case 1:
        resources.push({ ...base(i, 'Restriction'), kind: 'platformRestriction', spec: { platformBlocked: false, personalDeviceEnrollmentBlocked: false, osMinimumVersion: '16.0' }, priority: priority('restriction') });
        break;
      case 2:
        resources.push({ ...base(i, 'Sso'), kind: 'ssoExtensionPolicy', spec: { bundleIdAccessControlList: [], configurations: [{ key: 'device_registration', type: 'string', value: '{{DEVICEREGISTRATION}}' }], enableSharedDeviceMode: false } });
        break;
      case 3:
        resources.push({ ...base(i, 'Clip'), kind: 'webClip', assignments: [{ target: { type: 'group', group: group(i) }, intent: 'required' }], spec: { appUrl: 'https://portal.manage.microsoft.com/', useManagedBrowser: false, fullScreenEnabled: false, preComposedIconEnabled: false, ignoreManifestScope: false } });
        break;
      default:
        resources.push({ ...base(i, 'Limit'), kind: 'deviceLimitRestriction', spec: { limit: 5 }, priority: priority('limit') });
    }
  }
  const groups = Array.from({ length: GROUPS }, (_, i) => ({ displayName: group(i), declared: options.declareGroups ?? true, path: `bench/Group${i}`, members: 'users' as const }));
  return { version: MANIFEST_VERSION, stack: 'bench', groups, resources, suppressions: [] };
}

