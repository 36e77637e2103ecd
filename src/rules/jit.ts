import type { SsoConfiguration, SsoExtensionPolicySpec } from '../model';

/** The SSO extension key that turns on just-in-time registration. */
export const DEVICE_REGISTRATION_KEY = 'device_registration';

/** The only value `device_registration` may have (EK002). */
export const DEVICE_REGISTRATION_VALUE = '{{DEVICEREGISTRATION}}';

/** The recommended key that enables SSO in Safari for the policy's apps (EK004). */
export const BROWSER_SSO_KEY = 'browser_sso_interaction_enabled';

/** The setting of a key, found even when the key carries stray white space. */
export function settingOf(spec: SsoExtensionPolicySpec, key: string): SsoConfiguration | undefined {
  return spec.configurations.find((c) => c.key.trim() === key);
}

/** True for a policy meant for JIT registration: it has a `device_registration` setting. */
export function isJitPolicy(spec: SsoExtensionPolicySpec): boolean {
  return settingOf(spec, DEVICE_REGISTRATION_KEY) !== undefined;
}

/** True when the policy really enables JIT registration: the key and value exactly as EK002 and EK003 ask. */
export function enablesJit(spec: SsoExtensionPolicySpec): boolean {
  return spec.configurations.some(
    (c) => c.key === DEVICE_REGISTRATION_KEY && c.type === 'string' && c.value === DEVICE_REGISTRATION_VALUE,
  );
}
