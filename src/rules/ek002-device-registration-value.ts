import { DEVICE_REGISTRATION_KEY, DEVICE_REGISTRATION_VALUE, settingOf } from './jit';
import { resourcesOfKind } from './resources';
import type { Rule } from './rule';

/** EK002: `device_registration` must be the String `{{DEVICEREGISTRATION}}`. */
export const ek002DeviceRegistrationValue: Rule = {
  id: 'EK002',
  severity: 'error',
  title: `The ${DEVICE_REGISTRATION_KEY} key of the SSO extension must be a String with value ${DEVICE_REGISTRATION_VALUE}`,
  message: 'just-in-time registration does not work with any other type or value',
  fix: `set ${DEVICE_REGISTRATION_KEY} to { type: 'string', value: '${DEVICE_REGISTRATION_VALUE}' }`,
  sources: ['004'],
  check: ({ manifest }) =>
    resourcesOfKind(manifest.resources, 'ssoExtensionPolicy').flatMap((policy) => {
      const setting = settingOf(policy.spec, DEVICE_REGISTRATION_KEY);
      if (!setting) return [];
      const value = typeof setting.value === 'string' ? setting.value.trim() : setting.value;
      if (setting.type === 'string' && value === DEVICE_REGISTRATION_VALUE) return [];
      return [
        {
          path: policy.path,
          field: `spec.configurations.${DEVICE_REGISTRATION_KEY}`,
          value: { type: setting.type, value: setting.value },
          message: `${DEVICE_REGISTRATION_KEY} is a ${setting.type === 'string' ? 'String' : setting.type} with value ${JSON.stringify(setting.value)}`,
        },
      ];
    }),
};
