import type { Construct } from 'constructs';
import type { AssignmentTarget } from './assignment-target';
import type { PropIssue, ResourceDeclaration } from './enrollment-resource';
import { asList, instanceOf, LIST, type PropShape } from './prop-check';
import { SsoSetting } from './sso-setting';
import { TargetedResource } from './targeted-resource';

/** Properties of a Microsoft Entra SSO app extension policy. */
export interface SsoExtensionPolicyProps {
  /** The name Intune shows; unique among the stack's SSO extension policies. */
  readonly displayName: string;
  /**
   * What the policy is for.
   * @default - no description
   */
  readonly description?: string;
  /**
   * Add the just-in-time registration settings: `device_registration` = `{{DEVICEREGISTRATION}}`
   * (String, EK002) and `browser_sso_interaction_enabled` = 1 (Integer, EK004).
   * @default false
   */
  readonly jitRegistration?: boolean;
  /**
   * Bundle IDs of non-Microsoft apps that use single sign-on. Microsoft apps get it by themselves:
   * do not list them, and never Microsoft Authenticator (EK005).
   * @default - none
   */
  readonly bundleIds?: readonly string[];
  /**
   * Additional key/value settings, e.g. `SsoSetting.integer('browser_sso_interaction_enabled', 1)`.
   * @default - none besides those of `jitRegistration`
   */
  readonly settings?: readonly SsoSetting[];
  /**
   * Turn on shared device mode.
   * @default false
   */
  readonly enableSharedDeviceMode?: boolean;
  /**
   * Who gets the policy; more can be added with `addAssignment`.
   * @default - none
   */
  readonly assignments?: readonly AssignmentTarget[];
}

const PROPS: PropShape<SsoExtensionPolicyProps> = {
  displayName: true,
  description: true,
  jitRegistration: true,
  bundleIds: LIST,
  settings: LIST,
  enableSharedDeviceMode: true,
  assignments: LIST,
};
const SSO_SETTING = instanceOf(SsoSetting, "SsoSetting.integer('browser_sso_interaction_enabled', 1)");

const PROP_NAMES: Readonly<Record<string, string>> = { bundleIdAccessControlList: 'bundleIds', configurations: 'settings' };

/**
 * An iOS/iPadOS device features policy with the Microsoft Entra SSO app extension: with
 * `jitRegistration` it is the just-in-time registration policy of web-based and account-driven
 * enrollment.
 */
export class SsoExtensionPolicy extends TargetedResource<'ssoExtensionPolicy'> {
  private readonly bundleIds: string[];
  private readonly settings: SsoSetting[];
  private readonly enableSharedDeviceMode: boolean;

  constructor(scope: Construct, id: string, props: SsoExtensionPolicyProps) {
    super(scope, id, 'ssoExtensionPolicy', props);
    this.checkProps(props, PROPS);
    this.bundleIds = asList(props.bundleIds);
    this.settings = [
      ...(props.jitRegistration ? [SsoSetting.deviceRegistration(), SsoSetting.browserSsoInteraction()] : []),
      ...asList(props.settings),
    ];
    this.enableSharedDeviceMode = props.enableSharedDeviceMode ?? false;
  }

  /** Lets another non-Microsoft app use single sign-on. */
  addBundleId(bundleId: string): void {
    this.bundleIds.push(bundleId);
  }

  /** Adds a key/value setting. */
  addSetting(setting: SsoSetting): void {
    this.settings.push(setting);
  }

  /** Every setting must come from `SsoSetting`'s factories. */
  protected override kindIssues(): PropIssue[] {
    return [...super.kindIssues(), ...this.settings.flatMap((setting, i) => SSO_SETTING.issues(setting, `settings.${i}`))];
  }

  /** The policy as the manifest carries it. */
  toDeclaration(): ResourceDeclaration {
    return this.declarationOf({
      bundleIdAccessControlList: [...this.bundleIds],
      configurations: this.settings.map((s) => s.configuration),
      enableSharedDeviceMode: this.enableSharedDeviceMode,
    });
  }

  /** EK003: white space around a key or value breaks JIT registration; keys must be unique. */
  override validateProps(): PropIssue[] {
    const issues: PropIssue[] = [];
    const seen = new Set<string>();
    this.settings.forEach((setting, i) => {
      const { key, value } = setting.configuration;
      if (key !== key.trim()) {
        issues.push({
          field: `settings.${i}.key`,
          value: key,
          message: 'the key has leading or trailing white space, so just-in-time registration will not work',
          fix: `write the key as "${key.trim()}"`,
          rule: 'EK003',
        });
      }
      if (typeof value === 'string' && value !== value.trim()) {
        issues.push({
          field: `settings.${i}.value`,
          value,
          message: `the value of "${key.trim()}" has leading or trailing white space, so just-in-time registration will not work`,
          fix: `write the value as "${value.trim()}"`,
          rule: 'EK003',
        });
      }
      if (seen.has(key.trim())) {
        issues.push({
          field: `settings.${i}.key`,
          value: key,
          message: 'the key is set more than once (jitRegistration already sets device_registration and browser_sso_interaction_enabled)',
          fix: 'keep one setting per key',
        });
      }
      seen.add(key.trim());
    });
    return issues;
  }

  override propNameOf(specField: string): string {
    return PROP_NAMES[specField] ?? specField;
  }
}
