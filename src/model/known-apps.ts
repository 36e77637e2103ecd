/** A public App Store app that Intune deployments commonly need. */
export interface KnownApp {
  /** The name Intune shows. */
  readonly displayName: string;
  /** The app's bundle ID, exactly as Apple spells it. */
  readonly bundleId: string;
  /** Its App Store page. */
  readonly appStoreUrl: string;
  /** The publisher Intune shows. */
  readonly publisher: string;
}

/** Microsoft Authenticator: the auth broker for JIT registration and account-driven user enrollment. */
export const MICROSOFT_AUTHENTICATOR: KnownApp = {
  displayName: 'Microsoft Authenticator',
  bundleId: 'com.microsoft.azureauthenticator',
  appStoreUrl: 'https://apps.apple.com/app/microsoft-authenticator/id983156458',
  publisher: 'Microsoft Corporation',
};

/** The Intune Company Portal app (capital C and P in the bundle ID). */
export const COMPANY_PORTAL: KnownApp = {
  displayName: 'Microsoft Intune Company Portal',
  bundleId: 'com.microsoft.CompanyPortal',
  appStoreUrl: 'https://apps.apple.com/app/intune-company-portal/id719171358',
  publisher: 'Microsoft Corporation',
};

/** The Company Portal web app that a web clip should point at. */
export const COMPANY_PORTAL_WEB_URL = 'https://portal.manage.microsoft.com';

/** Bundle ID prefix of Microsoft's own apps, to which the Entra SSO extension applies by itself (EK005). */
export const MICROSOFT_BUNDLE_PREFIX = 'com.microsoft.';
