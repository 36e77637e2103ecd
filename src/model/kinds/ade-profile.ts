import { z } from 'zod';
import { namedProps, newConstructCode, optionalProp, tsString, tsValue, type Prop } from '../codegen';
import type { KindDescriptor, NameDirectory, PlannedAction } from '../descriptor';
import { graphProtocol } from '../graph-protocol';
import {
  AdeAuthenticationSchema,
  assignSerials,
  authenticationFlags,
  authenticationIssue,
  authenticationOf,
  AUTHENTICATION_CODE,
  DEP_ONBOARDING_SETTINGS,
  ENROLLMENT_PROFILE_PERMISSIONS,
  ENROLLMENT_PROFILES,
  profileDevices,
  SerialNumberSchema,
  serialsOf,
} from './apple-enrollment-profile';
import { isOfType } from './target-only-assignments';

/**
 * Setup Assistant panes, named for what the user sees, and the Graph boolean that hides each one
 * (true hides the pane, for every one of them; reference graph-ade-api.md §4, §5.2).
 */
export const SETUP_ASSISTANT_PANES = {
  locationServices: 'locationDisabled',
  restore: 'restoreBlocked',
  appleId: 'appleIdDisabled',
  termsAndConditions: 'termsAndConditionsDisabled',
  touchIdAndFaceId: 'touchIdDisabled',
  applePay: 'applePayDisabled',
  siri: 'siriDisabled',
  appAnalytics: 'diagnosticsDisabled',
  displayTone: 'displayToneSetupDisabled',
  privacy: 'privacyPaneDisabled',
  screenTime: 'screenTimeScreenDisabled',
  moveFromAndroid: 'restoreFromAndroidDisabled',
  homeButton: 'homeButtonScreenDisabled',
  iMessageAndFaceTime: 'iMessageAndFaceTimeScreenDisabled',
  onboarding: 'onBoardingScreenDisabled',
  simSetup: 'simSetupScreenDisabled',
  softwareUpdate: 'softwareUpdateScreenDisabled',
  watchMigration: 'watchMigrationScreenDisabled',
  appearance: 'appearanceScreenDisabled',
  expressLanguage: 'expressLanguageScreenDisabled',
  preferredLanguage: 'preferredLanguageScreenDisabled',
  quickStart: 'deviceToDeviceMigrationDisabled',
  getStarted: 'welcomeScreenDisabled',
  passcode: 'passCodeDisabled',
  zoom: 'zoomDisabled',
  restoreCompleted: 'restoreCompletedScreenDisabled',
  updateCompleted: 'updateCompleteScreenDisabled',
} as const;

/** A Setup Assistant pane, named for what the user sees. */
export type SetupAssistantPaneName = keyof typeof SETUP_ASSISTANT_PANES;

const PANE_NAMES = Object.keys(SETUP_ASSISTANT_PANES) as [SetupAssistantPaneName, ...SetupAssistantPaneName[]];

/** An iOS/iPadOS ADE enrollment profile (`depIOSEnrollmentProfile`) of an ADE token named in the spec. */
export const AdeProfileSpecSchema = z
  .strictObject({
    /** The ADE token (Apple Business or School Manager) by name. */
    token: z.string().min(1),
    /** Enroll with user affinity (a user signs in), or without (shared or user-less devices). */
    userAffinity: z.boolean(),
    /** Where the user authenticates; only with user affinity. */
    authentication: AdeAuthenticationSchema.optional(),
    /** Install Company Portal through this VPP token (by name), without user Apple IDs. */
    companyPortalVppToken: z.string().min(1).optional(),
    /** Run Company Portal in single app mode until the user signs in. */
    companyPortalSingleAppMode: z.boolean(),
    /** Supervised mode. */
    supervised: z.boolean(),
    /** Locked enrollment: the user cannot remove the management profile. */
    lockedEnrollment: z.boolean(),
    /** Shared iPad, with the most users it caches. */
    sharedIPad: z.strictObject({ maximumUsers: z.number().int().min(1).max(24) }).optional(),
    /** Device name template (`{{SERIAL}}`, `{{DEVICETYPE}}`). */
    deviceNameTemplate: z.string().min(1).max(63).optional(),
    /** Hold the user in Setup Assistant until Intune has configured the device. */
    awaitFinalConfiguration: z.boolean(),
    /** Department shown in Setup Assistant. */
    supportDepartment: z.string().min(1).optional(),
    /** Support phone number shown in Setup Assistant. */
    supportPhoneNumber: z.string().min(1).optional(),
    /** Setup Assistant panes the user does not see. */
    hiddenPanes: z.array(z.enum(PANE_NAMES)),
    /** The token's default iOS/iPadOS profile (devices without an assigned profile get it). */
    isDefault: z.boolean(),
    /** Devices (serial numbers) assigned to the profile. */
    serialNumbers: z.array(SerialNumberSchema),
  })
  .superRefine((spec, ctx) => {
    // Company Portal authentication without user affinity is left to rule EK017, which says why it cannot work.
    const authentication = authenticationIssue(spec, ['companyPortal']);
    if (authentication) ctx.addIssue({ code: 'custom', path: ['authentication'], message: authentication });
    if (spec.companyPortalSingleAppMode && !(spec.authentication === 'companyPortal' && spec.companyPortalVppToken)) {
      ctx.addIssue({ code: 'custom', path: ['companyPortalSingleAppMode'], message: 'single app mode needs Company Portal authentication and Company Portal installed with VPP' });
    }
    if (spec.sharedIPad && (spec.userAffinity || !spec.supervised)) {
      ctx.addIssue({ code: 'custom', path: ['sharedIPad'], message: 'a Shared iPad enrolls supervised and without user affinity' });
    }
  });

/** Spec of an ADE enrollment profile. */
export type AdeProfileSpec = z.infer<typeof AdeProfileSpecSchema>;

const ODATA_TYPE = '#microsoft.graph.depIOSEnrollmentProfile';
/** The lookup of ADE tokens (not the Apple Configurator pseudo-token). */
export const ADE_TOKENS = 'adeTokens';
/** The lookup of VPP tokens. */
export const VPP_TOKENS = 'vppTokens';
const optionalText = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** iOS/iPadOS ADE enrollment profiles, under the ADE token their spec names. */
export const adeProfile: KindDescriptor<AdeProfileSpec> = {
  kind: 'adeProfile',
  title: 'ADE enrollment profile',
  specSchema: AdeProfileSpecSchema,
  graph: graphProtocol({
    collection: ENROLLMENT_PROFILES,
    odataType: ODATA_TYPE,
    listTypes: [],
    expandAssignments: false,
    assign: { style: 'serials', action: 'updateDeviceProfileAssignment' },
  }),
  lookups: {
    [ADE_TOKENS]: {
      title: 'ADE token',
      list: { method: 'GET', version: 'beta', path: DEP_ONBOARDING_SETTINGS },
      nameField: 'tokenName',
      field: 'token',
      matches: (entity) => entity.tokenType === 'dep' || entity.tokenType === 'appleSchoolManager',
    },
    [VPP_TOKENS]: {
      title: 'VPP token',
      list: { method: 'GET', version: 'beta', path: '/deviceAppManagement/vppTokens' },
      nameField: 'displayName',
      field: 'companyPortalVppToken',
      matches: () => true,
    },
  },
  parent: profileDevices(ADE_TOKENS),
  actions: {
    fields: ['isDefault', 'serialNumbers'],
    plan(desired, actual) {
      const actions: PlannedAction[] = [];
      if (desired.isDefault && !actual?.isDefault) actions.push({ operation: 'action', action: 'setDefaultProfile', title: 'make it the default profile of its token' });
      return [...actions, ...assignSerials(desired.serialNumbers, actual?.serialNumbers)];
    },
  },
  replaceOn: ['token', 'userAffinity', 'authentication'],
  dependsOn: [],
  permissions: ENROLLMENT_PROFILE_PERMISSIONS,
  matches: (entity) => isOfType(entity, ODATA_TYPE),
  isBuiltIn: () => false,
  normalize: (spec) => ({
    token: spec.token,
    userAffinity: spec.userAffinity,
    ...(spec.authentication ? { authentication: spec.authentication } : {}),
    ...(spec.companyPortalVppToken ? { companyPortalVppToken: spec.companyPortalVppToken } : {}),
    companyPortalSingleAppMode: spec.companyPortalSingleAppMode,
    supervised: spec.supervised,
    lockedEnrollment: spec.lockedEnrollment,
    ...(spec.sharedIPad ? { sharedIPad: { maximumUsers: spec.sharedIPad.maximumUsers } } : {}),
    ...(spec.deviceNameTemplate ? { deviceNameTemplate: spec.deviceNameTemplate } : {}),
    awaitFinalConfiguration: spec.awaitFinalConfiguration,
    ...(spec.supportDepartment ? { supportDepartment: spec.supportDepartment } : {}),
    ...(spec.supportPhoneNumber ? { supportPhoneNumber: spec.supportPhoneNumber } : {}),
    hiddenPanes: [...new Set(spec.hiddenPanes)].sort(),
    isDefault: spec.isDefault,
    serialNumbers: [...new Set(spec.serialNumbers)].sort(),
  }),
  toGraph(spec, names?: NameDirectory) {
    const vpp = spec.companyPortalVppToken ? (names?.id(VPP_TOKENS, spec.companyPortalVppToken) ?? spec.companyPortalVppToken) : null;
    return {
      '@odata.type': ODATA_TYPE,
      ...authenticationFlags(spec.userAffinity, spec.authentication),
      companyPortalVppTokenId: vpp,
      enableSingleAppEnrollmentMode: spec.companyPortalSingleAppMode,
      supervisedModeEnabled: spec.supervised,
      isMandatory: spec.lockedEnrollment,
      enableSharedIPad: spec.sharedIPad !== undefined,
      sharedIPadMaximumUserCount: spec.sharedIPad?.maximumUsers ?? 0,
      deviceNameTemplate: spec.deviceNameTemplate ?? null,
      awaitDeviceConfiguredConfirmation: spec.awaitFinalConfiguration,
      waitForDeviceConfiguredConfirmation: spec.awaitFinalConfiguration,
      supportDepartment: spec.supportDepartment ?? null,
      supportPhoneNumber: spec.supportPhoneNumber ?? null,
      ...Object.fromEntries(PANE_NAMES.map((pane) => [SETUP_ASSISTANT_PANES[pane], spec.hiddenPanes.includes(pane)])),
    };
  },
  fromGraph(entity, names?: NameDirectory) {
    const authentication = authenticationOf(entity);
    const vppId = optionalText(entity.companyPortalVppTokenId);
    const vpp = vppId ? (names?.name(VPP_TOKENS, vppId) ?? vppId) : undefined;
    return adeProfile.normalize({
      token: String(entity.token ?? ''),
      userAffinity: entity.requiresUserAuthentication === true,
      ...(authentication ? { authentication } : {}),
      ...(vpp ? { companyPortalVppToken: vpp } : {}),
      companyPortalSingleAppMode: entity.enableSingleAppEnrollmentMode === true,
      supervised: entity.supervisedModeEnabled === true,
      lockedEnrollment: entity.isMandatory === true,
      ...(entity.enableSharedIPad === true ? { sharedIPad: { maximumUsers: Number(entity.sharedIPadMaximumUserCount ?? 0) } } : {}),
      ...(optionalText(entity.deviceNameTemplate) ? { deviceNameTemplate: String(entity.deviceNameTemplate) } : {}),
      awaitFinalConfiguration: entity.awaitDeviceConfiguredConfirmation === true || entity.waitForDeviceConfiguredConfirmation === true,
      ...(optionalText(entity.supportDepartment) ? { supportDepartment: String(entity.supportDepartment) } : {}),
      ...(optionalText(entity.supportPhoneNumber) ? { supportPhoneNumber: String(entity.supportPhoneNumber) } : {}),
      hiddenPanes: PANE_NAMES.filter((pane) => entity[SETUP_ASSISTANT_PANES[pane]] === true),
      isDefault: entity.isDefault === true,
      serialNumbers: serialsOf(entity),
    });
  },
  assignmentToGraph: () => ({}),
  assignmentFromGraph: () => undefined,
  code: {
    className: () => 'AdeEnrollmentProfile',
    referenced: () => false,
    problem: () => undefined,
    declare(o, ctx) {
      const s = o.spec;
      const props: Prop[] = [
        ...namedProps(o),
        ['token', `AdeToken.fromName(${tsString(s.token)})`],
        ['userAffinity', String(s.userAffinity)],
        ...(s.authentication ? [['authentication', AUTHENTICATION_CODE[s.authentication]] as const] : []),
        ...(s.companyPortalVppToken ? [['installCompanyPortalWithVpp', `VppToken.fromName(${tsString(s.companyPortalVppToken)})`] as const] : []),
        ...(s.companyPortalSingleAppMode ? [['companyPortalSingleAppMode', 'true'] as const] : []),
        ['supervised', String(s.supervised)],
        ['lockedEnrollment', String(s.lockedEnrollment)],
        ...(s.sharedIPad ? [['sharedIPad', tsValue(s.sharedIPad)] as const] : []),
        ...optionalProp('deviceNameTemplate', s.deviceNameTemplate),
        ['awaitFinalConfiguration', String(s.awaitFinalConfiguration)],
        ...optionalProp('supportDepartment', s.supportDepartment),
        ...optionalProp('supportPhoneNumber', s.supportPhoneNumber),
        ['hiddenPanes', s.hiddenPanes.map((p) => `SetupAssistantPane.${paneConstantName(p)}`)],
        ...(s.isDefault ? [['isDefault', 'true'] as const] : []),
        ['serialNumbers', s.serialNumbers.map(tsString)],
      ];
      const imports = ['AdeToken', ...(s.authentication ? ['AdeAuthentication'] : []), ...(s.companyPortalVppToken ? ['VppToken'] : []), ...(s.hiddenPanes.length ? ['SetupAssistantPane'] : [])];
      return newConstructCode(o, ctx, 'AdeEnrollmentProfile', props, imports);
    },
  },
};

/** The constant name of a pane in generated code (`touchIdAndFaceId` -> `TOUCH_ID_AND_FACE_ID`). */
export function paneConstantName(pane: SetupAssistantPaneName): string {
  return pane.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}
