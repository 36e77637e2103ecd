import {
  App,
  AssignmentTarget,
  EnrollmentStack,
  EnrollmentType,
  EnrollmentTypeProfile,
  EntraGroup,
  IosStoreApp,
  KnownApps,
  SsoExtensionPolicy,
  WebClip,
  type Manifest,
} from '../../../src';

/**
 * Seed 001 as a manifest: a declared user group "iOS BYOD users" with the JIT SSO extension
 * policy, Microsoft Authenticator required (store app reference), the Company Portal web clip and
 * a web-based device enrollment profile (priority 1), all assigned to that group.
 */
export function webBasedStack(stackName = 'web-based-enrollment'): Manifest {
  const stack = new EnrollmentStack(new App(), stackName);
  const users = AssignmentTarget.group(
    new EntraGroup(stack, 'ByodUsers', { displayName: 'iOS BYOD users', description: 'People who may enroll a personal iPhone or iPad', members: 'users' }),
  );
  new SsoExtensionPolicy(stack, 'JitRegistration', { displayName: 'iOS JIT registration', jitRegistration: true, assignments: [users] });
  IosStoreApp.fromKnownApp(stack, 'Authenticator', KnownApps.MICROSOFT_AUTHENTICATOR).addAssignment({ intent: 'required', target: users });
  WebClip.companyPortal(stack, 'CompanyPortal', { assignments: [{ target: users }] });
  new EnrollmentTypeProfile(stack, 'WebBasedEnrollment', {
    displayName: 'iOS web-based device enrollment',
    enrollmentType: EnrollmentType.WEB_BASED_DEVICE_ENROLLMENT,
    assignments: [users],
  });
  return stack.toManifest();
}
