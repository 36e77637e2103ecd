import type { GroupSpec, Resource, TenantDefaults } from '../model';
import type { CorporateDevice } from './simulation/corporate-request';

/** A group of the tenant, as far as the rules care: its name and who it holds. */
export type TenantGroup = Pick<GroupSpec, 'displayName' | 'members'> & {
  /** Dynamic membership rule, when the group has one. */
  readonly membershipRule?: string | null | undefined;
};

/** The Apple MDM push (APNs) certificate of the tenant. */
export interface ApnsCertificateFact {
  /** When the certificate expires (ISO 8601). */
  readonly expirationDateTime: string;
  /** The Apple ID it was created with, for messages. */
  readonly appleIdentifier?: string;
}

/** An ADE (Apple Business or School Manager) token of the tenant. */
export interface AdeTokenFact {
  /** The token's name in Intune. */
  readonly tokenName: string;
  /** When the token expires (ISO 8601). */
  readonly tokenExpirationDateTime: string;
}

/** An ADE enrollment profile, reduced to what EK017 checks. */
export interface AdeProfileFact {
  /** The profile's name in Intune. */
  readonly displayName: string;
  /** Construct path when a stack declares it; otherwise the tenant object is named. */
  readonly path?: string;
  /** Enroll with user affinity (Graph: `requiresUserAuthentication`). */
  readonly userAffinity: boolean;
  /** Users authenticate in the Company Portal app (Graph: `enableAuthenticationViaCompanyPortal`). */
  readonly authenticateWithCompanyPortal: boolean;
  /** The Company Portal app is installed through VPP (Graph: `companyPortalVppTokenId` set). */
  readonly installCompanyPortalWithVpp: boolean;
  /** Devices are enrolled with a device enrollment manager (DEM) account. */
  readonly deviceEnrollmentManager?: boolean;
}

/** A managed device enrolled by a device enrollment manager (DEM) account. */
export interface DeviceEnrollmentManagerDeviceFact {
  /** The device's serial number. */
  readonly serialNumber: string;
  /** The device's name in Intune. */
  readonly deviceName: string;
  /** The DEM account that enrolled it. */
  readonly userPrincipalName: string;
}

/** What was found at one sign-in domain's `/.well-known/com.apple.remotemanagement`. */
export interface ServiceDiscoveryFact {
  /** The users' sign-in domain, e.g. `contoso.com`. */
  readonly domain: string;
  /** HTTP status of the GET (0 when the request failed). */
  readonly status: number;
  /** True when the server answered with a redirect. */
  readonly redirected: boolean;
  /** The `Content-Type` header, when there was one. */
  readonly contentType?: string;
  /** The response body, when there was one. */
  readonly body?: string;
}

/**
 * What the tenant holds that the stack does not declare. Every field is optional: a rule that
 * needs a missing fact checks nothing (and lint lists it as not evaluated).
 */
export interface TenantFacts {
  /** Objects of the tenant outside the stack, in the manifest's shape (e.g. Authenticator's assignments). */
  readonly resources?: readonly Resource[];
  /** Groups of the tenant, with who they hold (EK007, EK008). */
  readonly groups?: readonly TenantGroup[];
  /** The Apple MDM push certificate; null when the tenant has none (EK016). */
  readonly apnsCertificate?: ApnsCertificateFact | null;
  /** ADE tokens of the tenant (EK016). */
  readonly adeTokens?: readonly AdeTokenFact[];
  /** ADE enrollment profiles (EK016, EK017). */
  readonly adeProfiles?: readonly AdeProfileFact[];
  /** Managed devices enrolled by a device enrollment manager account (EK022). */
  readonly deviceEnrollmentManagerDevices?: readonly DeviceEnrollmentManagerDeviceFact[];
  /** Organization-owned devices the tenant knows: synced ADE and imported Apple Configurator serial numbers (EK022). */
  readonly corporateDevices?: readonly CorporateDevice[];
  /** The tenant's default restrictions (EK023). */
  readonly tenantDefaults?: TenantDefaults;
  /** True when the credentials are application-only (EK018). */
  readonly appOnlyCredentials?: boolean;
  /** The Entra tenant ID, to check the service discovery file's BaseURL (EK011). */
  readonly tenantId?: string;
  /** The service discovery file as fetched from each sign-in domain (EK011). */
  readonly serviceDiscovery?: readonly ServiceDiscoveryFact[];
}
