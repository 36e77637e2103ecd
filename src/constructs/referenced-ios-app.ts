import type { Construct } from 'constructs';
import type { IosAppSpec, KnownApp } from '../model';
import type { ResourceDeclaration } from './enrollment-resource';
import { MobileApp } from './mobile-app';

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
export class ReferencedIosApp extends MobileApp {
  /** The name Intune shows. */
  readonly displayName: string;
  /** The app's bundle ID. */
  readonly bundleId: string;
  private readonly appType: IosAppSpec['appType'];
  private readonly knownApp: KnownApp | undefined;

  constructor(scope: Construct, id: string, appType: IosAppSpec['appType'], app: string | KnownApp, options: AppReferenceOptions) {
    super(scope, id, 'iosApp');
    this.appType = appType;
    this.knownApp = typeof app === 'string' ? undefined : app;
    this.bundleId = typeof app === 'string' ? app : app.bundleId;
    this.displayName = options.displayName ?? this.knownApp?.displayName ?? this.bundleId;
  }

  /** The reference as the manifest carries it. */
  toDeclaration(): ResourceDeclaration {
    return {
      kind: this.kind,
      displayName: this.displayName,
      description: '',
      spec: {
        appType: this.appType,
        bundleId: this.bundleId,
        ...(this.knownApp ? { appStoreUrl: this.knownApp.appStoreUrl, publisher: this.knownApp.publisher } : {}),
        applicableDeviceType: { iPad: true, iPhoneAndIPod: true },
        minimumOsVersion: '15.0',
      },
      assignments: this.assignmentDeclarations(),
      reference: { field: 'bundleId', value: this.bundleId },
    };
  }
}
