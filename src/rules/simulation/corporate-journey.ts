import type { CorporateProfile } from './corporate-profiles';
import type { CorporateEnrollmentRequest } from './corporate-request';
import type { AuthenticationStep, CompanyPortalStep, CorporateAuthentication, EntraRegistrationStep } from './corporate-resolution';
import type { SimulationWarning } from './enrollment-resolution';
import { SETUP_ASSISTANT_PANE_TITLES } from './setup-assistant-pane-titles';

/** What the user goes through with one profile, per seed 003's end user tasks. */
export interface UserJourney {
  /** Where the user authenticates. */
  readonly authentication: AuthenticationStep;
  /** How Company Portal gets on the device. */
  readonly companyPortal: CompanyPortalStep;
  /** When the device is registered in Microsoft Entra ID. */
  readonly entraRegistration: EntraRegistrationStep;
  /** What the user sees, in order. */
  readonly steps: readonly string[];
  /** What to know. */
  readonly warnings: readonly SimulationWarning[];
  /** Why the user cannot finish the setup, when they cannot. */
  readonly incomplete?: string;
}

const WHERE: Readonly<Record<CorporateAuthentication | 'none', string>> = {
  companyPortal: 'the Company Portal app',
  setupAssistantLegacy: 'Setup Assistant (legacy), with the Apple token',
  setupAssistantModern: 'Setup Assistant, with Microsoft Entra credentials (modern authentication)',
  setupAssistant: 'Setup Assistant, with the organization credentials',
  none: 'nowhere: no user signs in',
};

const MODERN: readonly (CorporateAuthentication | 'none')[] = ['companyPortal', 'setupAssistantModern'];

const APPLE_ID = 'their Apple ID (user@iCloud.com or user@gmail.com)';
const ORG_ACCOUNT = 'their organization account (user@contoso.com)';
const APPS = 'they can install and use the organization\'s apps, including LOB apps';

function authentication(profile: CorporateProfile): AuthenticationStep {
  const method = profile.userAffinity ? (profile.authentication ?? 'setupAssistantLegacy') : 'none';
  const reason = profile.userAffinity
    ? `the profile enrolls with user affinity and authenticates in ${WHERE[method]}`
    : 'the profile enrolls without user affinity (user-less or shared devices)';
  return { method, modern: MODERN.includes(method), where: WHERE[method], reason };
}

/** The first step: Setup Assistant, with the panes the profile hides. */
function setupAssistantStarts(profile: CorporateProfile): string {
  if (profile.sharedIPad) return 'The device is turned on: after activation, Setup Assistant skips every pane (Shared iPad)';
  const hidden = profile.hiddenPanes.map((p) => SETUP_ASSISTANT_PANE_TITLES[p]);
  return `The device is turned on and Apple Setup Assistant runs${hidden.length > 0 ? `, without the panes ${hidden.join(', ')}` : ''}`;
}

function appleIdPaneWarning(profile: CorporateProfile): SimulationWarning[] {
  return profile.hiddenPanes.includes('appleId')
    ? [{ message: 'the profile hides the Apple ID pane, yet Company Portal installs from the App Store with the user\'s Apple ID: users are prompted for it after Setup Assistant until they enter it (003)' }]
    : [];
}

const NO_COMPANY_PORTAL_WITHOUT_USER: SimulationWarning = {
  message: 'be sure users do not install the Company Portal app from the App Store: it is not used, needed or supported on enrollments without user affinity (003)',
};

function adeCompanyPortal(profile: CorporateProfile, request: CorporateEnrollmentRequest): Omit<UserJourney, 'authentication'> {
  const start = setupAssistantStarts(profile);
  const signIn = `Company Portal opens; users sign in with ${ORG_ACCOUNT} and enrollment starts. When it completes, ${APPS}`;
  const entra: EntraRegistrationStep = { when: 'companyPortalSignIn', reason: 'Company Portal authentication registers the device in Microsoft Entra ID when the user signs in (003)' };
  const locked = profile.companyPortalSingleAppMode ? '; the device stays in Company Portal (single app mode) until the user signs in' : '';
  if (profile.companyPortalVppToken) {
    return {
      companyPortal: { install: 'vpp', vppToken: profile.companyPortalVppToken, reason: `the enrollment profile installs Company Portal through VPP token "${profile.companyPortalVppToken}", without user Apple IDs (003)` },
      entraRegistration: entra,
      steps: [`${start}; users enter ${APPLE_ID} where asked`, `Company Portal installs automatically from the enrollment profile through VPP, which can take some time; the device is locked until it is installed${locked}`, signIn],
      warnings: [],
    };
  }
  const noAppleId = request.appleId === false;
  return {
    companyPortal: { install: 'appStore', reason: 'no VPP token: Company Portal installs from the App Store with the Apple ID the user enters (003, "No VPP token + Enrolling new devices")' },
    entraRegistration: noAppleId ? { when: 'never', reason: 'Company Portal never installs, so the user never signs in to it' } : entra,
    steps: [
      `${start}; users must enter ${APPLE_ID}`,
      'When Setup Assistant completes, Company Portal tries to install from the App Store; users who have not entered an Apple ID are prompted for it again and again until they do',
      signIn,
    ],
    warnings: [
      { rule: 'EK019', message: 'Microsoft recommends installing Company Portal with VPP when users authenticate in it: a better end user experience, without user Apple IDs (003)' },
      ...appleIdPaneWarning(profile),
    ],
    ...(noAppleId ? { incomplete: 'the user enters no Apple ID, so Company Portal never installs and the user cannot sign in to it: the device does not enroll (003: "Users must enter their Apple ID to get the Company Portal app")' } : {}),
  };
}

function adeSetupAssistantLegacy(profile: CorporateProfile): Omit<UserJourney, 'authentication'> {
  const start = `${setupAssistantStarts(profile)}; users enter ${APPLE_ID}`;
  const legacy: SimulationWarning = { rule: 'EK020', message: 'Setup Assistant (legacy) has no multifactor authentication; Microsoft recommends Company Portal or Setup Assistant with modern authentication (003)' };
  if (profile.companyPortalVppToken) {
    return {
      companyPortal: { install: 'vpp', vppToken: profile.companyPortalVppToken, reason: `the enrollment profile installs Company Portal through VPP token "${profile.companyPortalVppToken}" (003)` },
      entraRegistration: { when: 'companyPortalSignIn', reason: 'the user signs in to Company Portal, which registers the device in Microsoft Entra ID (003)' },
      steps: [
        start,
        'Setup Assistant prompts the user for information',
        `Company Portal opens automatically (it can take some time) and locks the device in a kiosk-style mode; users sign in with ${ORG_ACCOUNT}: the device is enrolled in Intune and registered in Microsoft Entra ID, and ${APPS}`,
      ],
      warnings: [legacy],
    };
  }
  return {
    companyPortal: { install: 'none', reason: 'Setup Assistant (legacy) without VPP token does not install Company Portal (003, "Setup Assistant (legacy) - Company Portal app")' },
    entraRegistration: { when: 'never', reason: 'Setup Assistant (legacy) authenticates with the Apple token and Company Portal is not installed: the device is not registered in Microsoft Entra ID (003)' },
    steps: [start, 'Setup Assistant prompts the user for information and enrolls the device in Intune; the device is not registered in Microsoft Entra ID'],
    warnings: [legacy],
  };
}

function adeSetupAssistantModern(profile: CorporateProfile, request: CorporateEnrollmentRequest): Omit<UserJourney, 'authentication'> {
  const steps = [
    `${setupAssistantStarts(profile)}; users enter their organization Microsoft Entra credentials (user@contoso.com), and their Apple ID if they want Apple features such as Apple Pay: enrollment starts`,
    `Setup Assistant prompts for more information${profile.awaitFinalConfiguration ? ' and holds the user until Intune has configured the device (await final configuration)' : ''}; when the home screen appears, the device is enrolled and user affinity is established. It is not fully registered in Microsoft Entra ID yet: noncompliant in Entra ID, compliant in the Intune admin center`,
  ];
  const register = 'users open Company Portal and sign in again with their work or school account (user@contoso.com), which completes Microsoft Entra registration: resources behind Conditional Access become available';
  if (profile.companyPortalVppToken) {
    return {
      companyPortal: { install: 'vpp', vppToken: profile.companyPortalVppToken, reason: `the enrollment profile installs Company Portal through VPP token "${profile.companyPortalVppToken}" (003, recommended)` },
      entraRegistration: { when: 'companyPortalSignIn', reason: 'the second sign-in, in Company Portal, registers the device in Microsoft Entra ID (003)' },
      steps: [...steps, `Company Portal installs automatically; ${register}`],
      warnings: [],
    };
  }
  const noAppleId = request.appleId === false;
  const slow: SimulationWarning = { message: 'without VPP, users must sign in to the App Store with an Apple ID before Company Portal installs: this extra sign-in slows the enrollment (003)' };
  if (noAppleId) {
    return {
      companyPortal: { install: 'none', reason: 'no VPP token and the user does not sign in to the App Store: Company Portal does not install (003)' },
      entraRegistration: { when: 'never', reason: 'without Company Portal the device cannot register in Microsoft Entra ID: it shows noncompliant in Entra ID and resources behind Conditional Access are not available (003)' },
      steps,
      warnings: [slow],
    };
  }
  return {
    companyPortal: { install: 'appStore', reason: 'no VPP token: Company Portal installs from the App Store once the user signs in to it with an Apple ID (003)' },
    entraRegistration: { when: 'companyPortalSignIn', reason: 'the second sign-in, in Company Portal, registers the device in Microsoft Entra ID; access follows at the next check-in (003)' },
    steps: [...steps, `Users sign in to the App Store with ${APPLE_ID}, then Company Portal installs automatically`, `${register} at the next check-in`],
    warnings: [slow, ...appleIdPaneWarning(profile)],
  };
}

function withoutUser(profile: CorporateProfile, kind: 'ade' | 'configurator'): Omit<UserJourney, 'authentication'> {
  const step =
    kind === 'ade'
      ? `${setupAssistantStarts(profile)}; the device enrolls without a user: users have nothing to do`
      : 'Direct enrollment: Apple Configurator, on a Mac the device is connected to by USB, installs the exported enrollment profile; users have nothing to do';
  return {
    companyPortal: { install: 'none', reason: 'Company Portal is not used, needed or supported on enrollments without user affinity (003)' },
    entraRegistration: { when: 'never', reason: 'no user signs in' },
    steps: [step],
    warnings: [NO_COMPANY_PORTAL_WITHOUT_USER],
  };
}

const CONFIGURATOR_USB = 'An administrator connects the device by USB to a Mac with Apple Configurator, which deploys the Intune enrollment profile';

function configuratorCompanyPortal(profile: CorporateProfile, request: CorporateEnrollmentRequest): Omit<UserJourney, 'authentication'> {
  const noAppleId = request.appleId === false;
  return {
    companyPortal: { install: 'appStore', reason: 'Company Portal installs automatically from the App Store with the Apple ID the user enters (003)' },
    entraRegistration: noAppleId ? { when: 'never', reason: 'Company Portal never installs, so the user never signs in to it' } : { when: 'companyPortalSignIn', reason: 'Company Portal authentication registers the device in Microsoft Entra ID when the user signs in (003)' },
    steps: [
      CONFIGURATOR_USB,
      `${setupAssistantStarts(profile)}; users enter ${APPLE_ID}; Company Portal then installs automatically from the App Store, which can take some time (users who enter no Apple ID are prompted for it again and again)`,
      `Users open Company Portal and sign in with ${ORG_ACCOUNT}: enrollment starts. When it completes, ${APPS}`,
    ],
    warnings: appleIdPaneWarning(profile),
    ...(noAppleId ? { incomplete: 'the user enters no Apple ID, so Company Portal never installs and the user cannot sign in to it: the device does not enroll (003: "Users must enter their Apple ID to get the Company Portal app")' } : {}),
  };
}

function configuratorSetupAssistant(profile: CorporateProfile, request: CorporateEnrollmentRequest): Omit<UserJourney, 'authentication'> {
  const start = `${CONFIGURATOR_USB}`;
  const credentials = `${setupAssistantStarts(profile)}; users enter ${ORG_ACCOUNT}: this enrolls the device in Intune`;
  if (!profile.installCompanyPortal) {
    return {
      companyPortal: { install: 'none', reason: 'the profile authenticates in Setup Assistant and does not install Company Portal (003)' },
      entraRegistration: { when: 'never', reason: 'Setup Assistant authenticates with the exported enrollment profile and Company Portal is not installed: the device is not registered in Microsoft Entra ID (003)' },
      steps: [
        start,
        credentials,
        `Setup Assistant prompts the user for information, including ${APPLE_ID}, and pushes the Intune management profile`,
        'Users install the management profile, which checks in with Intune and enrolls the device; the device is not registered in Microsoft Entra ID',
      ],
      warnings: [],
    };
  }
  const noAppleId = request.appleId === false;
  return {
    companyPortal: noAppleId
      ? { install: 'none', reason: 'the user enters no Apple ID, so Company Portal does not install from the App Store (003)' }
      : { install: 'appStore', reason: 'Setup Assistant enrollment installs Company Portal automatically from the App Store (003)' },
    entraRegistration: noAppleId
      ? { when: 'never', reason: 'without Company Portal the device is not registered in Microsoft Entra ID (003)' }
      : { when: 'companyPortalSignIn', reason: 'signing in to Company Portal registers the device in Microsoft Entra ID (003)' },
    steps: [
      start,
      credentials,
      `Setup Assistant prompts the user for information, including ${APPLE_ID}`,
      ...(noAppleId ? [] : [`Company Portal installs automatically from the App Store; users open it and sign in with ${ORG_ACCOUNT}, which registers the device in Microsoft Entra ID; ${APPS}`]),
    ],
    warnings: appleIdPaneWarning(profile),
  };
}

/** What the user goes through with a profile, step by step per seed 003, with how Company Portal installs and when Entra registration happens. */
export function userJourney(profile: CorporateProfile, request: CorporateEnrollmentRequest): UserJourney {
  const auth = authentication(profile);
  const rest = (() => {
    if (auth.method === 'none') return withoutUser(profile, profile.kind);
    if (profile.kind === 'configurator') return auth.method === 'companyPortal' ? configuratorCompanyPortal(profile, request) : configuratorSetupAssistant(profile, request);
    if (auth.method === 'companyPortal') return adeCompanyPortal(profile, request);
    return auth.method === 'setupAssistantModern' ? adeSetupAssistantModern(profile, request) : adeSetupAssistantLegacy(profile);
  })();
  return { authentication: auth, ...rest };
}
