import { BROWSER_SSO_KEY, isJitPolicy, settingOf } from './jit';
import { resourcesOfKind } from './resources';
import type { Rule } from './rule';

/** EK004: `browser_sso_interaction_enabled` (Integer 1) is recommended in the JIT policy. */
export const ek004BrowserSso: Rule = {
  id: 'EK004',
  severity: 'warning',
  title: `${BROWSER_SSO_KEY} (Integer, 1) is recommended in the JIT SSO extension policy`,
  message: 'without it, SSO in Safari is not enabled for the apps of the policy',
  fix: `add { key: '${BROWSER_SSO_KEY}', type: 'integer', value: 1 }`,
  sources: ['004'],
  check: ({ manifest }) =>
    resourcesOfKind(manifest.resources, 'ssoExtensionPolicy')
      .filter((policy) => isJitPolicy(policy.spec))
      .flatMap((policy) => {
        const setting = settingOf(policy.spec, BROWSER_SSO_KEY);
        if (setting && setting.type === 'integer' && setting.value === 1) return [];
        return [
          {
            path: policy.path,
            field: `spec.configurations.${BROWSER_SSO_KEY}`,
            ...(setting ? { value: { type: setting.type, value: setting.value } } : {}),
            message: setting ? `${BROWSER_SSO_KEY} is not the Integer 1` : `the JIT policy has no ${BROWSER_SSO_KEY}`,
          },
        ];
      }),
};
