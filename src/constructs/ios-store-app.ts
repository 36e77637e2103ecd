import type { Construct } from 'constructs';
import type { KnownApp } from '../model';
import type { ResourceDeclaration } from './enrollment-resource';
import { MobileApp, type AppAssignment, type IMobileApp } from './mobile-app';
import { LIST, type PropShape } from './prop-check';
import { ReferencedIosApp, type AppReferenceOptions } from './referenced-ios-app';

/** The devices an app targets. */
export interface ApplicableDeviceType {
  /** The app installs on iPad. */
  readonly iPad: boolean;
  /** The app installs on iPhone and iPod touch. */
  readonly iPhoneAndIPod: boolean;
}

/** Properties of an iOS store app that the stack adds to Intune. */
export interface IosStoreAppProps {
  /** The name Intune shows; unique among the stack's apps. */
  readonly displayName: string;
  /**
   * What the app is for.
   * @default - no description
   */
  readonly description?: string;
  /** The app's bundle ID, exactly as Apple spells it. */
  readonly bundleId: string;
  /**
   * The app's App Store page.
   * @default - none
   */
  readonly appStoreUrl?: string;
  /**
   * The publisher Intune shows.
   * @default - none
   */
  readonly publisher?: string;
  /**
   * The devices the app installs on.
   * @default - iPad, iPhone and iPod touch
   */
  readonly applicableDeviceType?: ApplicableDeviceType;
  /**
   * The lowest iOS/iPadOS version the app installs on: one of Graph's "8.0" … "18.0", "26.0".
   * @default '15.0'
   */
  readonly minimumOsVersion?: string;
  /**
   * Who gets the app; more can be added with `addAssignment`.
   * @default - none
   */
  readonly assignments?: readonly AppAssignment[];
}

const PROPS: PropShape<IosStoreAppProps> = {
  displayName: true,
  description: true,
  bundleId: true,
  appStoreUrl: true,
  publisher: true,
  applicableDeviceType: true,
  minimumOsVersion: true,
  assignments: LIST,
};

/**
 * An iOS App Store app. `new IosStoreApp(...)` adds it to Intune; `IosStoreApp.fromBundleId(...)`
 * and `IosStoreApp.fromKnownApp(...)` reference one that is there already.
 */
export class IosStoreApp extends MobileApp<'iosApp'> {
  /**
   * References a store app that exists in the tenant, by bundle ID. The stack owns only the
   * assignments it declares on it.
   */
  static fromBundleId(scope: Construct, id: string, bundleId: string, options: AppReferenceOptions = {}): IMobileApp {
    return new ReferencedIosApp(scope, id, 'iosStoreApp', bundleId, options);
  }

  /** References a well-known store app in the tenant, e.g. `KnownApps.MICROSOFT_AUTHENTICATOR`. */
  static fromKnownApp(scope: Construct, id: string, app: KnownApp, options: AppReferenceOptions = {}): IMobileApp {
    return new ReferencedIosApp(scope, id, 'iosStoreApp', app, options);
  }

  /** The app's bundle ID. */
  readonly bundleId: string;
  protected readonly settingsSupport = 'store';
  private readonly props: IosStoreAppProps;

  constructor(scope: Construct, id: string, props: IosStoreAppProps) {
    super(scope, id, 'iosApp', props);
    this.checkProps(props, PROPS);
    this.bundleId = props.bundleId;
    this.props = props;
  }

  /** The app as the manifest carries it. */
  toDeclaration(): ResourceDeclaration {
    const { appStoreUrl, publisher } = this.props;
    return this.declarationOf({
      appType: 'iosStoreApp',
      bundleId: this.bundleId,
      ...(appStoreUrl !== undefined ? { appStoreUrl } : {}),
      ...(publisher !== undefined ? { publisher } : {}),
      applicableDeviceType: this.props.applicableDeviceType ?? { iPad: true, iPhoneAndIPod: true },
      minimumOsVersion: this.props.minimumOsVersion ?? '15.0',
    });
  }
}
