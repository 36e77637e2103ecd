import { CORPORATE_DEVICE_TITLES, type CorporateEnrollmentResolution, type SettingStep, type SimulationWarning } from '../../rules';

const AUTHENTICATION_TITLES = {
  companyPortal: 'Company Portal',
  setupAssistantLegacy: 'Setup Assistant (legacy)',
  setupAssistantModern: 'Setup Assistant with modern authentication',
  setupAssistant: 'Setup Assistant',
  none: 'none',
} as const;

const INSTALL_TITLES = { vpp: 'with VPP', appStore: 'from the App Store', none: 'not installed' } as const;

function question(resolution: CorporateEnrollmentResolution): string {
  const r = resolution.request;
  const device = r.device === 'ipad' ? 'iPad' : 'iPhone';
  const what = r.serialNumber ? `the organization-owned ${device} ${r.serialNumber.toUpperCase()}` : `an organization-owned ${r.deviceKind === 'configurator' ? 'Apple Configurator' : 'ADE'} ${device} without a known serial number`;
  const who = r.user ?? (r.memberOf.length > 0 ? `a user (member of ${r.memberOf.map((g) => `"${g}"`).join(', ')})` : 'a user');
  return `Simulating the setup of ${what} by ${who}${r.deviceEnrollmentManager ? ' with a device enrollment manager account' : ''}${r.appleId === false ? ', who enters no Apple ID' : ''}`;
}

const yesNo = (s: SettingStep | undefined) => (s?.enabled === undefined ? 'not set' : s.enabled ? 'yes' : 'no');
const rule = (w: SimulationWarning) => `  - ${w.rule ? `${w.rule}: ` : ''}${w.message}`;

/** A corporate device simulation for the terminal: the device and its profile, the settings, what the user sees, then refusals, warnings and the outcome. */
export function formatCorporateSimulationText(resolution: CorporateEnrollmentResolution): string {
  const { device, profile } = resolution;
  const lines = [question(resolution), `1. Device: ${device.kind ? CORPORATE_DEVICE_TITLES[device.kind] : 'unknown'}${device.token ? `, token "${device.token}"` : ''}: ${device.reason}`];
  if (profile) {
    lines.push(`2. Enrollment profile: "${profile.name}" (${CORPORATE_DEVICE_TITLES[profile.kind]}, ${profile.path}): ${profile.reason}`);
    if (resolution.restriction) {
      const r = resolution.restriction;
      lines.push(`   Platform restriction: ${r.tenantDefault ? `tenant default "${r.name}"` : `"${r.name}" (priority ${r.priority}, ${r.matchedBy.join(', ')})`}: ${r.passed ? 'passes' : 'BLOCKS'}: ${r.reason}`);
    }
    const auth = resolution.authentication;
    const cp = resolution.companyPortal;
    lines.push(
      `3. User affinity: ${yesNo(resolution.userAffinity)}: ${resolution.userAffinity?.reason ?? ''}`,
      `4. Authentication: ${auth ? `${AUTHENTICATION_TITLES[auth.method]}${auth.method === 'none' ? '' : auth.modern ? ' (modern authentication)' : ' (no modern authentication)'}: ${auth.reason}` : 'none'}`,
      `5. Company Portal: ${cp ? `${INSTALL_TITLES[cp.install]}${cp.vppToken ? ` (VPP token "${cp.vppToken}")` : ''}: ${cp.reason}` : 'none'}`,
      `   Microsoft Entra registration: ${resolution.entraRegistration?.when === 'companyPortalSignIn' ? 'when the user signs in to Company Portal' : 'none'}: ${resolution.entraRegistration?.reason ?? ''}`,
      `6. Supervised: ${yesNo(resolution.supervised)}: ${resolution.supervised?.reason ?? ''}`,
      `   Locked enrollment: ${yesNo(resolution.lockedEnrollment)}: ${resolution.lockedEnrollment?.reason ?? ''}`,
      `   Shared iPad: ${yesNo(resolution.sharedIPad)}: ${resolution.sharedIPad?.reason ?? ''}`,
    );
    if (resolution.userSteps.length > 0) lines.push('7. What the user sees:', ...resolution.userSteps.map((s, i) => `   ${i + 1}. ${s}`));
  }
  if (resolution.refusals.length > 0) lines.push('Refused:', ...resolution.refusals.map(rule));
  if (resolution.warnings.length > 0) lines.push('Warnings:', ...resolution.warnings.map(rule));
  lines.push(`Outcome: ${resolution.outcome}: ${resolution.summary}`);
  return `${lines.join('\n')}\n`;
}
