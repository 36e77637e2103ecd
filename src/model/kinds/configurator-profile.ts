import { z } from 'zod';
import { namedProps, newConstructCode, tsString, type Prop } from '../codegen';
import type { KindDescriptor, NameLookup } from '../descriptor';
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
 * An Apple Configurator enrollment profile (`enrollmentProfile`, the base type itself): Setup
 * Assistant enrollment with or without user affinity, or direct enrollment (no user affinity, the
 * profile exported as a .mobileconfig file).
 */
export const ConfiguratorProfileSpecSchema = z
  .strictObject({
    /** Enroll with user affinity (a user signs in), or without (direct enrollment, or Setup Assistant without a user). */
    userAffinity: z.boolean(),
    /** Where the user authenticates; only with user affinity. */
    authentication: AdeAuthenticationSchema.optional(),
    /** Devices (serial numbers imported to the Apple Configurator account) assigned to the profile. */
    serialNumbers: z.array(SerialNumberSchema),
  })
  .superRefine((spec, ctx) => {
    const authentication = authenticationIssue(spec, []);
    if (authentication) ctx.addIssue({ code: 'custom', path: ['authentication'], message: authentication });
  });

/** Spec of an Apple Configurator enrollment profile. */
export type ConfiguratorProfileSpec = z.infer<typeof ConfiguratorProfileSpecSchema>;

const ODATA_TYPE = '#microsoft.graph.enrollmentProfile';
/** The lookup of the account's Apple Configurator pseudo-token (token type `none`, ID = the Intune account ID). */
export const CONFIGURATOR_ACCOUNT = 'configuratorAccount';

/** How the Apple Configurator pseudo-token is found: the one token of type `none` (no spec field names it). */
export const configuratorAccountLookup: NameLookup = {
  title: 'Apple Configurator account',
  list: { method: 'GET', version: 'beta', path: DEP_ONBOARDING_SETTINGS },
  nameField: 'tokenName',
  matches: (entity) => entity.tokenType === 'none',
};

/** Apple Configurator enrollment profiles, under the account's Apple Configurator pseudo-token. */
export const configuratorProfile: KindDescriptor<ConfiguratorProfileSpec> = {
  kind: 'configuratorProfile',
  title: 'Apple Configurator enrollment profile',
  specSchema: ConfiguratorProfileSpecSchema,
  graph: graphProtocol({
    collection: ENROLLMENT_PROFILES,
    odataType: ODATA_TYPE,
    listTypes: [],
    expandAssignments: false,
    assign: { style: 'serials', action: 'updateDeviceProfileAssignment' },
  }),
  lookups: { [CONFIGURATOR_ACCOUNT]: configuratorAccountLookup },
  parent: profileDevices(CONFIGURATOR_ACCOUNT),
  actions: {
    fields: ['serialNumbers'],
    plan: (desired, actual) => assignSerials(desired.serialNumbers, actual?.serialNumbers),
  },
  replaceOn: ['userAffinity', 'authentication'],
  dependsOn: ['configuratorDevice'],
  permissions: ENROLLMENT_PROFILE_PERMISSIONS,
  matches: (entity) => isOfType(entity, ODATA_TYPE),
  isBuiltIn: () => false,
  normalize: (spec) => ({
    userAffinity: spec.userAffinity,
    ...(spec.authentication ? { authentication: spec.authentication } : {}),
    serialNumbers: [...new Set(spec.serialNumbers)].sort(),
  }),
  toGraph: (spec) => ({ '@odata.type': ODATA_TYPE, ...authenticationFlags(spec.userAffinity, spec.authentication) }),
  fromGraph(entity) {
    const authentication = authenticationOf(entity);
    return configuratorProfile.normalize({
      userAffinity: entity.requiresUserAuthentication === true,
      ...(authentication ? { authentication } : {}),
      serialNumbers: serialsOf(entity),
    });
  },
  fileExport: {
    function: 'exportMobileConfig',
    title: 'enrollment profile for Apple Configurator direct enrollment',
    extension: '.mobileconfig',
    problem: (spec) =>
      spec.userAffinity
        ? 'it enrolls with user affinity, through Setup Assistant with the profile\'s enrollment URL (Intune: Apple Configurator profiles > Export profile); the exported file is for direct enrollment, which has no user affinity (seed 003). Fix: export a profile declared with userAffinity: false'
        : undefined,
  },
  assignmentToGraph: () => ({}),
  assignmentFromGraph: () => undefined,
  code: {
    className: () => 'AppleConfiguratorProfile',
    referenced: () => false,
    problem: () => undefined,
    declare(o, ctx) {
      const s = o.spec;
      const props: Prop[] = [
        ...namedProps(o),
        ['userAffinity', String(s.userAffinity)],
        ...(s.authentication ? [['authentication', AUTHENTICATION_CODE[s.authentication]] as const] : []),
        ['serialNumbers', s.serialNumbers.map(tsString)],
      ];
      return newConstructCode(o, ctx, 'AppleConfiguratorProfile', props, s.authentication ? ['AdeAuthentication'] : []);
    },
  },
};
