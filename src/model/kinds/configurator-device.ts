import { z } from 'zod';
import { newConstructCode, tsString } from '../codegen';
import type { KindDescriptor } from '../descriptor';
import { graphProtocol } from '../graph-protocol';
import { DEP_ONBOARDING_SETTINGS, ENROLLMENT_PROFILE_PERMISSIONS, SerialNumberSchema } from './apple-enrollment-profile';
import { CONFIGURATOR_ACCOUNT, configuratorAccountLookup } from './configurator-profile';
import { isOfType } from './target-only-assignments';

/**
 * A device imported to the account's Apple Configurator enrollment by serial number
 * (`importedAppleDeviceIdentity`, discovery source `adminImport`). Its name is its serial number.
 */
export const ConfiguratorDeviceSpecSchema = z.strictObject({
  /** The device's serial number (also its name). */
  serialNumber: SerialNumberSchema,
});

/** Spec of an imported Apple Configurator device. */
export type ConfiguratorDeviceSpec = z.infer<typeof ConfiguratorDeviceSpecSchema>;

const ODATA_TYPE = '#microsoft.graph.importedAppleDeviceIdentity';

/** Serial numbers imported to the Apple Configurator account, each one object. */
export const configuratorDevice: KindDescriptor<ConfiguratorDeviceSpec> = {
  kind: 'configuratorDevice',
  title: 'Apple Configurator device',
  specSchema: ConfiguratorDeviceSpecSchema,
  graph: graphProtocol({
    collection: `${DEP_ONBOARDING_SETTINGS}/{parent}/importedAppleDeviceIdentities`,
    odataType: ODATA_TYPE,
    listTypes: [],
    expandAssignments: false,
    assign: { style: 'none' },
    // The documented POST to the collection answers "no route" on the live service (reference §8): import through the action.
    createAction: { action: 'importAppleDeviceIdentityList', itemsKey: 'importedAppleDeviceIdentities', extra: { overwriteImportedDeviceIdentities: false } },
  }),
  nameProperty: 'serialNumber',
  lookups: { [CONFIGURATOR_ACCOUNT]: configuratorAccountLookup },
  parent: { lookup: CONFIGURATOR_ACCOUNT },
  replaceOn: ['serialNumber'],
  dependsOn: [],
  permissions: ENROLLMENT_PROFILE_PERMISSIONS,
  matches: (entity) => isOfType(entity, ODATA_TYPE) && String(entity.discoverySource).toLowerCase() === 'adminimport',
  isBuiltIn: () => false,
  normalize: (spec) => ({ serialNumber: spec.serialNumber }),
  toGraph: (spec) => ({ '@odata.type': ODATA_TYPE, serialNumber: spec.serialNumber, discoverySource: 'adminImport', platform: 'ios' }),
  fromGraph: (entity) => ({ serialNumber: String(entity.serialNumber ?? '') }),
  assignmentToGraph: () => ({}),
  assignmentFromGraph: () => undefined,
  code: {
    className: () => 'AppleConfiguratorDevice',
    referenced: () => false,
    problem: () => undefined,
    declare: (o, ctx) =>
      newConstructCode(o, ctx, 'AppleConfiguratorDevice', [['serialNumber', tsString(o.spec.serialNumber)], ...(o.description ? [['description', tsString(o.description)] as const] : [])], []),
  },
};
