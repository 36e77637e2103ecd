// Organization-owned devices from Apple Business Manager (automated device enrollment): two ADE
// profiles of the token "Contoso ABM", referenced by name. Knowledge workers enroll with user
// affinity and sign in to Company Portal, installed through the VPP token; shared kiosks enroll
// without user affinity. Devices without an assigned profile get the default one.
import { AdeAuthentication, AdeEnrollmentProfile, AdeToken, App, EnrollmentStack, SetupAssistantPane, VppToken } from 'enrollkit';

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

app.synth();
