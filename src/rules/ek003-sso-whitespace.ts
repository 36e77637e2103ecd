import { resourcesOfKind } from './resources';
import type { Rule } from './rule';

function padded(text: string): boolean {
  return text !== text.trim();
}

/** EK003: no leading or trailing white space in any SSO extension key or value. */
export const ek003SsoWhitespace: Rule = {
  id: 'EK003',
  severity: 'error',
  title: 'No leading or trailing white space in any SSO extension key or value',
  message: 'just-in-time registration does not work when a key or value carries stray white space',
  fix: 'remove the spaces before and after each key and value',
  sources: ['004'],
  check: ({ manifest }) =>
    resourcesOfKind(manifest.resources, 'ssoExtensionPolicy').flatMap((policy) => {
      const bad = policy.spec.configurations.flatMap((c) => [
        ...(padded(c.key) ? [`key ${JSON.stringify(c.key)}`] : []),
        ...(typeof c.value === 'string' && padded(c.value) ? [`value ${JSON.stringify(c.value)} of ${JSON.stringify(c.key.trim())}`] : []),
      ]);
      if (bad.length === 0) return [];
      return [{ path: policy.path, field: 'spec.configurations', value: bad, message: `white space around ${bad.join(', ')}` }];
    }),
};
