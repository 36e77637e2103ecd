import { MICROSOFT_AUTHENTICATOR, MICROSOFT_BUNDLE_PREFIX } from '../model';
import { resourcesOfKind } from './resources';
import type { Rule } from './rule';

/** EK005: no Microsoft bundle IDs (and never Authenticator's) in the SSO extension. */
export const ek005MicrosoftBundleIds: Rule = {
  id: 'EK005',
  severity: 'error',
  title: "Do not list Microsoft apps' bundle IDs in the SSO extension, and never Microsoft Authenticator's",
  message: 'the extension applies to Microsoft apps by itself; listing them causes authentication problems',
  fix: `remove the ${MICROSOFT_BUNDLE_PREFIX}* bundle IDs from bundleIdAccessControlList (assign Authenticator as a required app instead)`,
  sources: ['004'],
  check: ({ manifest }) =>
    resourcesOfKind(manifest.resources, 'ssoExtensionPolicy').flatMap((policy) => {
      const listed = policy.spec.bundleIdAccessControlList.filter((id) => id.toLowerCase().startsWith(MICROSOFT_BUNDLE_PREFIX));
      if (listed.length === 0) return [];
      const authenticator = listed.some((id) => id.toLowerCase() === MICROSOFT_AUTHENTICATOR.bundleId);
      return [
        {
          path: policy.path,
          field: 'spec.bundleIdAccessControlList',
          value: listed,
          message: `Microsoft bundle IDs listed: ${listed.join(', ')}${authenticator ? ` (including ${MICROSOFT_AUTHENTICATOR.displayName})` : ''}`,
        },
      ];
    }),
};
