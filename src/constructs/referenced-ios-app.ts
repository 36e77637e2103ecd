import type { Construct } from 'constructs';
import type { IosAppSpec, KnownApp } from '../model';
import type { ResourceDeclaration } from './enrollment-resource';
import { MobileApp, type AssignmentSettingsSupport } from './mobile-app';
import type { PropShape } from './prop-check';

const OPTIONS: PropShape<AppReferenceOptions> = { displayName: true };

/** Options of a reference to an app that exists in the tenant already. */
export interface AppReferenceOptions {
  /**
   * The name Intune shows, for plans and messages.
   * @default - the known app's name, or the bundle ID
   */
  readonly displayName?: string;
}

/**
 * An iOS store or VPP app that exists in the tenant, found by bundle ID. The stack never changes
 * or deletes the app; it owns only the assignments it declares on it.
 */
export class ReferencedIosApp extends MobileApp<'iosApp'> {
  /** The app's bundle ID. */
  readonly bundleId: string;
  protected readonly settingsSupport: AssignmentSettingsSupport;
  private readonly appType: IosAppSpec['appType'];
  private readonly knownApp: KnownApp | undefined;

  constructor(scope: Construct, id: string, appType: IosAppSpec['appType'], app: string | KnownApp, options: AppReferenceOptions) {
    const knownApp = typeof app === 'string' ? undefined : app;
    const bundleId = typeof app === 'string' ? app : app.bundleId;
    super(scope, id, 'iosApp', { displayName: options.displayName ?? knownApp?.displayName ?? bundleId });
    this.checkProps(options, OPTIONS);
    this.appType = appType;
    this.settingsSupport = appType === 'iosVppApp' ? 'vpp' : 'store';
    this.knownApp = knownApp;
    this.bundleId = bundleId;
  }

  /** The reference as the manifest carries it. */
  toDeclaration(): ResourceDeclaration {
    return this.declarationOf(
      {
        appType: this.appType,
        bundleId: this.bundleId,
        ...(this.knownApp ? { appStoreUrl: this.knownApp.appStoreUrl, publisher: this.knownApp.publisher } : {}),
        applicableDeviceType: { iPad: true, iPhoneAndIPod: true },
        minimumOsVersion: '15.0',
      },
      { field: 'bundleId', value: this.bundleId },
    );
  }
}
