import { appDir, CDKTF_JSON } from './synth-app';

/**
 * An app of two stacks: `ranked` declares two enrollment type profiles and two platform
 * restrictions for one group (both classes ranked in declaration order, its profiles placed above
 * hand-made ones), `other` one device limit restriction (a class `ranked` does not use, so the two
 * stacks plan independently). `newRestriction` adds a third platform restriction of that name.
 */
export function rankedApp(names: { secondProfile?: string; newRestriction?: string } = {}): string {
  return appDir({
    'cdktf.json': CDKTF_JSON,
    'main.ts': `
import { App, AssignmentTarget, DeviceLimitRestriction, EnrollmentStack, EnrollmentType, EnrollmentTypeProfile, EntraGroup, Placement, PlatformRestriction } from 'enrollkit';
const app = new App();
const stack = new EnrollmentStack(app, 'ranked', { placement: { enrollmentTypeProfiles: Placement.top() } });
const staff = AssignmentTarget.group(new EntraGroup(stack, 'Staff', { displayName: 'Staff' }));
for (const [id, displayName, type] of [
  ['Corporate', 'Corporate devices', EnrollmentType.DEVICE_ENROLLMENT_WITH_COMPANY_PORTAL],
  ['Personal', ${JSON.stringify(names.secondProfile ?? 'Personal devices')}, EnrollmentType.WEB_BASED_DEVICE_ENROLLMENT],
] as const) {
  new EnrollmentTypeProfile(stack, id, { displayName, enrollmentType: type, assignments: [staff] });
}
new PlatformRestriction(stack, 'Current', { displayName: 'Current iOS', osMinimumVersion: '16.0', assignments: [staff] });
new PlatformRestriction(stack, 'Older', { displayName: 'Older iOS', osMinimumVersion: '15.0', assignments: [staff] });
${names.newRestriction ? `new PlatformRestriction(stack, 'Newest', { displayName: ${JSON.stringify(names.newRestriction)}, osMinimumVersion: '17.0', assignments: [staff] });` : ''}
const other = new EnrollmentStack(app, 'other');
new DeviceLimitRestriction(other, 'Only', { displayName: 'Other stack limit', limit: 5, assignments: [AssignmentTarget.group(new EntraGroup(other, 'Others', { displayName: 'Others' }))] });
app.synth();
`,
  });
}
