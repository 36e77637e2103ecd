import type { Construct } from 'constructs';
import { COMPANY_PORTAL_WEB_URL } from '../model';
import type { ResourceDeclaration } from './enrollment-resource';
import { MobileApp, type AppAssignment } from './mobile-app';
import { LIST, type PropShape } from './prop-check';

/** An assignment of a web clip: who gets it, and how (web clips have no settings). */
export type WebClipAssignment = Omit<AppAssignment, 'settings'>;

/** Properties of an iOS/iPadOS web clip. */
export interface WebClipProps {
  /** The name on the home screen and in Intune; unique among the stack's web clips. */
  readonly displayName: string;
  /**
   * What the clip is for.
   * @default - no description
   */
  readonly description?: string;
  /** The http(s) page the clip opens. */
  readonly appUrl: string;
  /**
   * The publisher Intune shows.
   * @default - none
   */
  readonly publisher?: string;
  /**
   * Open the link in Microsoft Edge only.
   * @default false
   */
  readonly useManagedBrowser?: boolean;
  /**
   * Open as a full-screen web app.
   * @default false
   */
  readonly fullScreenEnabled?: boolean;
  /**
   * Show the icon without Apple's shine.
   * @default false
   */
  readonly preComposedIconEnabled?: boolean;
  /**
   * Keep full-screen navigation outside the web manifest's scope.
   * @default false
   */
  readonly ignoreManifestScope?: boolean;
  /**
   * iOS 14+: the bundle ID of the app that opens the link.
   * @default - Safari
   */
  readonly targetApplicationBundleIdentifier?: string;
  /**
   * Who gets the clip; more can be added with `addAssignment`.
   * @default - none
   */
  readonly assignments?: readonly WebClipAssignment[];
}

/** Properties of the Company Portal web clip; every web clip prop but the URL, which is fixed. */
export interface CompanyPortalWebClipProps extends Omit<WebClipProps, 'appUrl' | 'displayName' | 'publisher'> {
  /**
   * The name on the home screen.
   * @default 'Company Portal'
   */
  readonly displayName?: string;
}

const PROPS: PropShape<WebClipProps> = {
  displayName: true,
  description: true,
  appUrl: true,
  publisher: true,
  useManagedBrowser: true,
  fullScreenEnabled: true,
  preComposedIconEnabled: true,
  ignoreManifestScope: true,
  targetApplicationBundleIdentifier: true,
  assignments: LIST,
};

/** An iOS/iPadOS web clip: a web link on the home screen, such as the Company Portal web app. */
export class WebClip extends MobileApp<'webClip'> {
  /**
   * The Company Portal web app (`https://portal.manage.microsoft.com`): device status and actions
   * for users of every user-initiated enrollment type (EK015).
   */
  static companyPortal(scope: Construct, id: string, props: CompanyPortalWebClipProps = {}): WebClip {
    return new WebClip(scope, id, { ...props, displayName: props.displayName ?? 'Company Portal', appUrl: COMPANY_PORTAL_WEB_URL, publisher: 'Microsoft' });
  }

  /** The page the clip opens. */
  readonly appUrl: string;
  protected readonly settingsSupport = 'none';
  private readonly props: WebClipProps;

  constructor(scope: Construct, id: string, props: WebClipProps) {
    super(scope, id, 'webClip', props);
    this.checkProps(props, PROPS);
    this.appUrl = props.appUrl;
    this.props = props;
  }

  /** Assigns the clip to a target (required by default: it appears on the home screen). */
  override addAssignment(assignment: WebClipAssignment): void {
    super.addAssignment(assignment);
  }

  /** The clip as the manifest carries it. */
  toDeclaration(): ResourceDeclaration {
    const { publisher, targetApplicationBundleIdentifier } = this.props;
    return this.declarationOf({
      appUrl: this.appUrl,
      ...(publisher !== undefined ? { publisher } : {}),
      useManagedBrowser: this.props.useManagedBrowser ?? false,
      fullScreenEnabled: this.props.fullScreenEnabled ?? false,
      preComposedIconEnabled: this.props.preComposedIconEnabled ?? false,
      ignoreManifestScope: this.props.ignoreManifestScope ?? false,
      ...(targetApplicationBundleIdentifier !== undefined ? { targetApplicationBundleIdentifier } : {}),
    });
  }
}
