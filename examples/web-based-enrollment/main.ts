// Web-based device enrollment for personal iPhones and iPads, as Microsoft's "Set up web based
// device enrollment" describes it: JIT registration, the enrollment type profile, Authenticator
// required, and the Company Portal web app, all for one Entra group declared with azuread.
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { Group } from '@cdktf/provider-azuread/lib/group';
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

const directory = new TerraformStack(app, 'groups');
new AzureadProvider(directory, 'azuread', {});
const byodUsers = new Group(directory, 'ByodUsers', {
  displayName: 'iOS BYOD users',
  description: 'People who may enroll a personal iPhone or iPad',
  securityEnabled: true,
  mailEnabled: false,
});
const users = AssignmentTarget.group(azureadGroup(byodUsers, { members: 'users' }));

const stack = new EnrollmentStack(app, 'web-based-enrollment');

new SsoExtensionPolicy(stack, 'JitRegistration', {
  displayName: 'iOS JIT registration',
  description: 'Microsoft Entra SSO extension with just-in-time registration',
  jitRegistration: true,
  assignments: [users],
});

new IosStoreApp(stack, 'Authenticator', {
  ...KnownApps.MICROSOFT_AUTHENTICATOR,
  assignments: [{ intent: 'required', target: users }],
});

WebClip.companyPortal(stack, 'CompanyPortal', { assignments: [{ target: users }] });

new EnrollmentTypeProfile(stack, 'WebBasedEnrollment', {
  displayName: 'iOS web-based device enrollment',
  description: 'Personal devices enroll in Safari from the Company Portal website',
  enrollmentType: EnrollmentType.WEB_BASED_DEVICE_ENROLLMENT,
  assignments: [users],
});

app.synth();
