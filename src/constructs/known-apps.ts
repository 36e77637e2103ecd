import { COMPANY_PORTAL, MICROSOFT_AUTHENTICATOR, type KnownApp } from '../model';

/** Public App Store apps that enrollment configurations commonly need, for `IosStoreApp.fromKnownApp`. */
export class KnownApps {
  /** Microsoft Authenticator: the auth broker of JIT registration and account-driven user enrollment. */
  static readonly MICROSOFT_AUTHENTICATOR: KnownApp = MICROSOFT_AUTHENTICATOR;
  /** The Intune Company Portal app. */
  static readonly COMPANY_PORTAL: KnownApp = COMPANY_PORTAL;

  private constructor() {}
}
