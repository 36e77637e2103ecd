import { AppAssignmentSettingsSchema, InstallIntentSchema, type AppAssignmentSettings, type Assignment } from '../assignment';
import { targetFromGraph, targetToGraph } from '../assignment-target';
import type { GroupResolver, KindDescriptor } from '../descriptor';
import type { GraphProtocolSpec } from '../graph-protocol';

const ASSIGNMENT_TYPE = '#microsoft.graph.mobileAppAssignment';

/** Where mobile apps live, shared by every app kind. */
export const MOBILE_APPS = {
  collection: '/deviceAppManagement/mobileApps',
  expandAssignments: true,
  assign: { style: 'action', bodyKey: 'mobileAppAssignments', odataType: ASSIGNMENT_TYPE },
} as const satisfies Omit<GraphProtocolSpec, 'odataType' | 'listTypes'>;

/** Permissions of every app kind. */
export const MOBILE_APP_PERMISSIONS = {
  read: ['DeviceManagementApps.Read.All', 'DeviceManagementApps.ReadWrite.All', 'DeviceManagementConfiguration.Read.All', 'DeviceManagementConfiguration.ReadWrite.All'],
  write: ['DeviceManagementApps.ReadWrite.All', 'DeviceManagementConfiguration.ReadWrite.All'],
};

const SETTING_KEYS = Object.keys(AppAssignmentSettingsSchema.shape) as (keyof AppAssignmentSettings)[];

/**
 * Assignment mapping for app kinds: intent plus settings whose `@odata.type` depends on the app
 * (`settingsType` of the spec; null for web clips, which have no settings type).
 */
export function appAssignments<Spec>(
  settingsType: (spec: Spec) => string | null,
): Pick<KindDescriptor<Spec>, 'assignmentToGraph' | 'assignmentFromGraph'> {
  return {
    assignmentToGraph(assignment: Assignment, spec: Spec, groups: GroupResolver) {
      const type = settingsType(spec);
      return {
        '@odata.type': ASSIGNMENT_TYPE,
        intent: assignment.intent ?? 'required',
        target: targetToGraph(assignment.target, (n) => groups.id(n)),
        settings: type ? { '@odata.type': type, ...(assignment.settings ?? {}) } : null,
      };
    },
    assignmentFromGraph(raw: Record<string, unknown>, groups: GroupResolver) {
      const target = targetFromGraph(raw.target, (id) => groups.name(id));
      const intent = InstallIntentSchema.safeParse(raw.intent);
      if (!target || !intent.success) return undefined;
      const rawSettings = (raw.settings ?? {}) as Record<string, unknown>;
      const settings: AppAssignmentSettings = {};
      for (const key of SETTING_KEYS) {
        if (typeof rawSettings[key] === 'boolean') settings[key] = rawSettings[key];
      }
      return { target, intent: intent.data, ...(Object.keys(settings).length ? { settings } : {}) };
    },
  };
}
