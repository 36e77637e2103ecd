// Account-driven user enrollment for personal iPhones and iPads, as Microsoft's "Set up account
// driven Apple User Enrollment" describes it: JIT registration, Microsoft Authenticator required
// for the same users, the enrollment type profile, and the Company Portal web app, all for one
// Entra group declared with azuread (a `DataAzureadGroup` would reference an existing one instead).
import { Group } from '@cdktf/provider-azuread/lib/group';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { TerraformStack } from 'cdktf';
import {
  AssignmentTarget,
  EnrollmentStack,
  EnrollmentType,
  EnrollmentTypeProfile,
  IosStoreApp,
  KnownApps,
  SsoExtensionPolicy,
  WebClip,
} from 'enrollkit';
import { App, azureadGroup } from 'enrollkit/cdktf';

const app = new App();

const directory = new TerraformStack(app, 'directory');
new AzureadProvider(directory, 'azuread', {});
const employees = new Group(directory, 'Employees', {
  displayName: 'iOS employees (user enrollment)',
  description: 'People who may enroll a personal device with account-driven user enrollment',
  securityEnabled: true,
  mailEnabled: false,
});
const users = AssignmentTarget.group(azureadGroup(employees, { members: 'users' }));

const stack = new EnrollmentStack(app, 'account-driven-user-enrollment');

new SsoExtensionPolicy(stack, 'JitRegistration', {
  displayName: 'iOS JIT registration (user enrollment)',
  jitRegistration: true,
  assignments: [users],
});

new IosStoreApp(stack, 'Authenticator', {
  ...KnownApps.MICROSOFT_AUTHENTICATOR,
  assignments: [{ intent: 'required', target: users, settings: { isRemovable: false } }],
});

WebClip.companyPortal(stack, 'CompanyPortal', { assignments: [{ target: users }] });

new EnrollmentTypeProfile(stack, 'AccountDrivenUserEnrollment', {
  displayName: 'iOS account-driven user enrollment',
  description: 'Personal devices enroll from Settings > VPN & Device Management',
  enrollmentType: EnrollmentType.ACCOUNT_DRIVEN_USER_ENROLLMENT,
  assignments: [users],
});

app.synth();
