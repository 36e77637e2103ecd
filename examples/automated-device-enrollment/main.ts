// Organization-owned devices (automated device enrollment and Apple Configurator): two ADE
// profiles of the token "Contoso ABM", referenced by name. Knowledge workers enroll with user
// affinity and sign in to Company Portal, installed through the VPP token; shared kiosks enroll
// without user affinity. Devices without an assigned profile get the default one.
// Loaner iPads bought outside Apple Business Manager enroll with Apple Configurator, with a user
// who signs in to Company Portal: the Company Portal VPP app is required on those devices, with the
// app configuration policy that tells it the device is enrolled (seed 003), both assigned to the
// dynamic group of the devices that enrolled with that profile.
import {
  AdeAuthentication,
  AdeEnrollmentProfile,
  AdeToken,
  App,
  AppleConfiguratorProfile,
  AssignmentTarget,
  CompanyPortalAppConfiguration,
  EnrollmentStack,
  EntraGroup,
  KnownApps,
  SetupAssistantPane,
  VppApp,
  VppToken,
} from 'enrollkit';

const app = new App();
const stack = new EnrollmentStack(app, 'automated-device-enrollment');
const token = AdeToken.fromName('Contoso ABM');

new AdeEnrollmentProfile(stack, 'KnowledgeWorkers', {
  displayName: 'ADE: knowledge workers',
  description: 'Corporate iPhones and iPads with a user',
  token,
  userAffinity: true,
  authentication: AdeAuthentication.COMPANY_PORTAL,
  installCompanyPortalWithVpp: VppToken.fromName('Contoso VPP'),
  lockedEnrollment: true,
  deviceNameTemplate: 'CORP-{{SERIAL}}',
  supportDepartment: 'Contoso IT',
  supportPhoneNumber: '+1 555 0100',
  hiddenPanes: [SetupAssistantPane.SIRI, SetupAssistantPane.APPLE_PAY, SetupAssistantPane.SCREEN_TIME, SetupAssistantPane.MOVE_FROM_ANDROID],
  isDefault: true,
  serialNumbers: ['DMPXK0A1JF8J', 'DMPXK0A2JF8J'],
});

new AdeEnrollmentProfile(stack, 'SharedKiosks', {
  displayName: 'ADE: shared kiosks',
  description: 'Front-desk iPads without a user',
  token,
  userAffinity: false,
  lockedEnrollment: true,
  deviceNameTemplate: 'KIOSK-{{SERIAL}}',
  hiddenPanes: [SetupAssistantPane.APPLE_ID, SetupAssistantPane.SIRI, SetupAssistantPane.LOCATION_SERVICES, SetupAssistantPane.TOUCH_ID_AND_FACE_ID],
  serialNumbers: ['F9FXQ1B1HG7K'],
});

const loaners = new AppleConfiguratorProfile(stack, 'LoanerIPads', {
  displayName: 'Configurator: loaner iPads',
  description: 'iPads bought outside Apple Business Manager, enrolled over USB',
  userAffinity: true,
  authentication: AdeAuthentication.COMPANY_PORTAL,
});

const loanerDevices = new EntraGroup(stack, 'LoanerDevices', {
  displayName: 'iOS loaner iPads',
  membershipRule: `(device.enrollmentProfileName -eq "${loaners.displayName}")`,
});

const companyPortal = VppApp.fromKnownApp(stack, 'CompanyPortal', KnownApps.COMPANY_PORTAL);
companyPortal.addAssignment({ target: AssignmentTarget.group(loanerDevices), intent: 'required', settings: { useDeviceLicensing: true } });

new CompanyPortalAppConfiguration(stack, 'CompanyPortalConfiguration', {
  displayName: 'Company Portal: enrolled loaner iPads',
  userAffinity: true,
  assignments: [AssignmentTarget.group(loanerDevices)],
});

app.synth();
