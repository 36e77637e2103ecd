import {
  App,
  AssignmentTarget,
  EnrollmentStack,
  EnrollmentType,
  EnrollmentTypeProfile,
  EntraGroup,
  KnownApps,
  SsoExtensionPolicy,
  VppApp,
  WebClip,
  type Manifest,
} from '../../../src';

/**
 * Seed 004 as a manifest: a referenced user group "Employees" with the JIT SSO extension policy,
 * Microsoft Authenticator required (VPP app reference, user licensing), the Company Portal web
 * clip and an account-driven user enrollment profile (priority 1), all assigned to that group.
 */
export function accountDrivenStack(stackName = 'account-driven-user-enrollment'): Manifest {
  const stack = new EnrollmentStack(new App(), stackName);
  const users = AssignmentTarget.group(EntraGroup.fromDisplayName(stack, 'Employees', 'Employees', { members: 'users' }));
  new SsoExtensionPolicy(stack, 'JitRegistration', { displayName: 'iOS JIT registration (user enrollment)', jitRegistration: true, assignments: [users] });
  VppApp.fromKnownApp(stack, 'Authenticator', KnownApps.MICROSOFT_AUTHENTICATOR).addAssignment({
    intent: 'required',
    target: users,
    settings: { useDeviceLicensing: false },
  });
  WebClip.companyPortal(stack, 'CompanyPortal', { assignments: [{ target: users }] });
  new EnrollmentTypeProfile(stack, 'AccountDrivenUserEnrollment', {
    displayName: 'iOS account-driven user enrollment',
    enrollmentType: EnrollmentType.ACCOUNT_DRIVEN_USER_ENROLLMENT,
    assignments: [users],
  });
  return stack.toManifest();
}
