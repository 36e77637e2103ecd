import type { Rule, Violation } from './rule';

/** How long before expiry a certificate or token is reported (days). */
export const EXPIRY_WARNING_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The path findings about the tenant's Apple MDM push certificate carry. */
export const APNS_CERTIFICATE_PATH = 'tenant/applePushNotificationCertificate';

function expiry(path: string, field: string, what: string, expires: string, now: Date): Violation[] {
  const at = Date.parse(expires);
  if (Number.isNaN(at) || at <= now.getTime()) {
    return [{ path, field, value: expires, message: `${what} expired on ${expires}` }];
  }
  const days = Math.floor((at - now.getTime()) / DAY_MS);
  if (days >= EXPIRY_WARNING_DAYS) return [];
  return [{ path, field, value: expires, severity: 'warning', message: `${what} expires in ${days} day${days === 1 ? '' : 's'} (${expires})`, fix: 'renew it now, with the same Apple ID' }];
}

/** EK016: an active Apple MDM push certificate (and, for ADE, an active ADE token) is required. */
export const ek016Prerequisites: Rule = {
  id: 'EK016',
  severity: 'error',
  title: 'An active Apple MDM push certificate is required to enroll any iOS device; ADE also needs an active ADE token',
  message: 'no iOS/iPadOS device can enroll without an active Apple MDM push certificate',
  fix: 'upload or renew the Apple MDM push certificate (Devices > Enrollment > Apple) with the Apple ID that created it; for ADE, renew the ADE token',
  sources: ['001', '003'],
  needs: ['apnsCertificate'],
  check: ({ facts, now }) => {
    const violations: Violation[] = [];
    if (facts.apnsCertificate === null) {
      violations.push({ path: APNS_CERTIFICATE_PATH, field: 'expirationDateTime', message: 'the tenant has no Apple MDM push certificate' });
    } else if (facts.apnsCertificate) {
      violations.push(...expiry(APNS_CERTIFICATE_PATH, 'expirationDateTime', 'the Apple MDM push certificate', facts.apnsCertificate.expirationDateTime, now));
    }
    if ((facts.adeProfiles ?? []).length > 0 && facts.adeTokens) {
      if (facts.adeTokens.length === 0) {
        violations.push({ path: 'tenant/depOnboardingSettings', field: 'tokenExpirationDateTime', message: 'ADE profiles exist but the tenant has no ADE token' });
      }
      for (const token of facts.adeTokens) {
        violations.push(...expiry(`tenant/depOnboardingSettings/${token.tokenName}`, 'tokenExpirationDateTime', `the ADE token "${token.tokenName}"`, token.tokenExpirationDateTime, now));
      }
    }
    return violations;
  },
};
