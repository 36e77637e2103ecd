import type { SsoConfiguration } from '../model';

/** One typed key/value pair of the Microsoft Entra SSO extension ("Additional configuration" in Intune). */
export class SsoSetting {
  /** A String setting. */
  static string(key: string, value: string): SsoSetting {
    return new SsoSetting({ key, type: 'string', value });
  }

  /** An Integer setting. */
  static integer(key: string, value: number): SsoSetting {
    return new SsoSetting({ key, type: 'integer', value });
  }

  /** A Boolean setting. */
  static boolean(key: string, value: boolean): SsoSetting {
    return new SsoSetting({ key, type: 'boolean', value });
  }

  /** A Real (floating point) setting. */
  static real(key: string, value: number): SsoSetting {
    return new SsoSetting({ key, type: 'real', value });
  }

  /** `device_registration` = `{{DEVICEREGISTRATION}}` (String): turns on just-in-time registration (EK002). */
  static deviceRegistration(): SsoSetting {
    return SsoSetting.string('device_registration', '{{DEVICEREGISTRATION}}');
  }

  /** `browser_sso_interaction_enabled` = 1 (Integer): single sign-on in Safari for the policy's apps (EK004). */
  static browserSsoInteraction(): SsoSetting {
    return SsoSetting.integer('browser_sso_interaction_enabled', 1);
  }

  /** The setting as the SSO extension's spec writes it. */
  readonly configuration: SsoConfiguration;

  private constructor(configuration: SsoConfiguration) {
    this.configuration = configuration;
  }

  /** The setting's key. */
  get key(): string {
    return this.configuration.key;
  }
}
