import { resourcesOfKind } from './resources';
import type { Rule } from './rule';

/** EK020: Company Portal or Setup Assistant with modern authentication is recommended over Setup Assistant (legacy). */
export const ek020ModernAuthentication: Rule = {
  id: 'EK020',
  severity: 'info',
  title: 'Authenticate ADE users in Company Portal or in Setup Assistant with modern authentication, not Setup Assistant (legacy)',
  message: 'Setup Assistant (legacy) has no multifactor authentication and does not register the device in Microsoft Entra ID',
  fix: 'use AdeAuthentication.COMPANY_PORTAL or AdeAuthentication.SETUP_ASSISTANT_MODERN_AUTHENTICATION',
  sources: ['003'],
  check: ({ manifest }) =>
    resourcesOfKind(manifest.resources, 'adeProfile')
      .filter((p) => p.spec.authentication === 'setupAssistantLegacy')
      .map((p) => ({ path: p.path, field: 'authentication', value: p.spec.authentication, message: `the ADE profile "${p.displayName}" authenticates in Setup Assistant (legacy)` })),
};
