import { z } from 'zod';
import { entityType } from './entity-type';
import { f, initialValues, shapeOf, strictType, type Fields } from './fields';

const settingItemFields: Fields = {
  appConfigKey: f.string(),
  appConfigKeyType: f.enum(['stringType', 'integerType', 'realType', 'booleanType', 'tokenType'], 'stringType', false),
  appConfigKeyValue: f.string(),
};

/** `appConfigurationSettingItem`; the docs write its `@odata.type` without `#`, so both spellings are accepted. */
const appConfigurationSettingItem = strictType('appConfigurationSettingItem', {
  '@odata.type': z.enum(['#microsoft.graph.appConfigurationSettingItem', 'microsoft.graph.appConfigurationSettingItem']).optional(),
  ...shapeOf(settingItemFields),
}).transform(({ '@odata.type': _type, ...value }) => ({ ...initialValues(settingItemFields), ...value }));

/** `iosMobileAppConfiguration`: an app configuration policy for managed iOS/iPadOS devices (the Company Portal's ADE configuration). */
export const iosMobileAppConfiguration = entityType({
  name: 'iosMobileAppConfiguration',
  ancestors: ['managedDeviceMobileAppConfiguration'],
  fields: {
    id: f.string(),
    targetedMobileApps: f.strings(),
    roleScopeTagIds: f.strings(['0']),
    createdDateTime: f.string(),
    description: f.string(),
    lastModifiedDateTime: f.string(),
    displayName: f.string(),
    version: f.int32(1, false),
    encodedSettingXml: f.of(z.base64().nullable(), null),
    settings: f.of(z.array(appConfigurationSettingItem).nullable(), []),
  },
  required: ['displayName'],
  readOnly: ['version'],
});
