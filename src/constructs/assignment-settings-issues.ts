import type { AppAssignmentSettings } from '../model';
import type { PropIssue } from './enrollment-resource';
import type { AssignmentSettingsSupport } from './mobile-app';

const VPP_ONLY: readonly (readonly [keyof AppAssignmentSettings, string])[] = [
  ['useDeviceLicensing', 'only VPP apps license per device'],
  ['preventAutoAppUpdate', 'only VPP apps can block automatic updates'],
];

/** Problems of the settings of assignment `index`: settings the app's Graph settings type lacks. */
export function assignmentSettingsIssues(settings: AppAssignmentSettings | undefined, index: number, support: AssignmentSettingsSupport): PropIssue[] {
  if (settings === undefined || support === 'vpp') return [];
  if (support === 'none') {
    return [
      {
        field: `assignments.${index}.settings`,
        value: settings,
        message: 'web clips take no assignment settings (Graph has no settings type for them)',
        fix: 'drop settings from the assignment',
      },
    ];
  }
  return VPP_ONLY.filter(([key]) => settings[key] !== undefined).map(([key, reason]) => ({
    field: `assignments.${index}.settings.${key}`,
    value: settings[key],
    message: `${key} is a setting of VPP app assignments, which store app assignments do not have`,
    fix: `${reason}; use VppApp.fromBundleId or drop the setting`,
  }));
}
