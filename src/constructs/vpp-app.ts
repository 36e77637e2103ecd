import type { Construct } from 'constructs';
import type { KnownApp } from '../model';
import type { IMobileApp } from './mobile-app';
import { ReferencedIosApp, type AppReferenceOptions } from './referenced-ios-app';

/**
 * An app bought in volume through Apple Business Manager. VPP apps reach Intune by token sync,
 * so a stack only references them and declares their assignments.
 */
export class VppApp {
  /** References a VPP app synced into the tenant, by bundle ID. */
  static fromBundleId(scope: Construct, id: string, bundleId: string, options: AppReferenceOptions = {}): IMobileApp {
    return new ReferencedIosApp(scope, id, 'iosVppApp', bundleId, options);
  }

  /** References a well-known VPP app synced into the tenant, e.g. `KnownApps.MICROSOFT_AUTHENTICATOR`. */
  static fromKnownApp(scope: Construct, id: string, app: KnownApp, options: AppReferenceOptions = {}): IMobileApp {
    return new ReferencedIosApp(scope, id, 'iosVppApp', app, options);
  }

  private constructor() {}
}
