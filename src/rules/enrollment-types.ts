import { compareOsVersions, type EnrollmentType, type EnrollmentTypeProfileSpec, type Ownership } from '../model';

/** What Intune's admin center calls each enrollment type. */
export const ENROLLMENT_TYPE_TITLES: Record<EnrollmentType, string> = {
  device: 'device enrollment with Company Portal',
  user: 'user enrollment with Company Portal',
  accountDrivenUserEnrollment: 'account-driven user enrollment',
  webDeviceEnrollment: 'web-based device enrollment',
};

/**
 * The types a "determine based on user choice" profile uses when it does not say (003: "Depending
 * on their selection, Account driven user enrollment or Device enrollment is used").
 */
export const DEFAULT_USER_CHOICE: Record<Ownership, EnrollmentType> = {
  personal: 'accountDrivenUserEnrollment',
  corporate: 'device',
};

/** The lowest iOS/iPadOS version of each type that has one, and what older devices get instead (EK001). */
export const IOS15_FALLBACK: Partial<Record<EnrollmentType, { readonly minimumOs: string; readonly fallback: EnrollmentType }>> = {
  webDeviceEnrollment: { minimumOs: '15.0', fallback: 'device' },
  accountDrivenUserEnrollment: { minimumOs: '15.0', fallback: 'user' },
};

/** The enrollment type a profile gives for each ownership the user may pick. */
export function choicesOf(spec: EnrollmentTypeProfileSpec): Record<Ownership, EnrollmentType> {
  if (spec.enrollmentType === 'userChoice') return spec.userChoice ?? DEFAULT_USER_CHOICE;
  return { personal: spec.enrollmentType, corporate: spec.enrollmentType };
}

/** Every enrollment type a profile can lead to. */
export function enrollmentTypesOf(spec: EnrollmentTypeProfileSpec): EnrollmentType[] {
  const choices = choicesOf(spec);
  return [...new Set([choices.personal, choices.corporate])];
}

/** The type a device on `os` really enrolls with: the iOS 15 fallback of EK001 applied. */
export function effectiveEnrollmentType(type: EnrollmentType, os: string): EnrollmentType {
  const fallback = IOS15_FALLBACK[type];
  return fallback && compareOsVersions(os, fallback.minimumOs) < 0 ? fallback.fallback : type;
}

/** True for the types that need the Company Portal app on the device (002: app-based enrollment). */
export function needsCompanyPortalApp(type: EnrollmentType): boolean {
  return type === 'device' || type === 'user';
}

/** Where the user enrolls with each type (002, 004, domain.md step 5). */
export const ENROLLMENT_LOCATIONS: Record<EnrollmentType, readonly string[]> = {
  device: ['Company Portal app', 'Safari', 'Settings'],
  user: ['Company Portal app', 'Safari', 'Settings'],
  webDeviceEnrollment: ['Safari', 'Settings'],
  accountDrivenUserEnrollment: ['Settings > General > VPN & Device Management'],
};
