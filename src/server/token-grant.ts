import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';

/** Entra directory roles that may write every Intune object, enrollment restrictions included. */
export const INTUNE_ADMIN_ROLES = ['Global Administrator', 'Intune Administrator'] as const;

/** Role template IDs of the directory roles the server knows (the `wids` claim of a user token). */
const ROLE_TEMPLATE_IDS: Readonly<Record<string, string>> = {
  'Global Administrator': '62e90394-69f5-4237-9190-012177145e10',
  'Intune Administrator': '3a2c62db-5318-420d-8d74-23affee5d9d5',
  'Global Reader': 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  'Groups Administrator': 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
};

/** Every directory role name a delegated grant may carry. */
export const DIRECTORY_ROLES = Object.keys(ROLE_TEMPLATE_IDS) as [string, ...string[]];

/** The permissions the toolkit's app registration holds (reference section 9), the default of an app-only token. */
export const DEFAULT_APP_PERMISSIONS = [
  'DeviceManagementServiceConfig.ReadWrite.All',
  'DeviceManagementConfiguration.ReadWrite.All',
  'DeviceManagementApps.ReadWrite.All',
  'DeviceManagementManagedDevices.Read.All',
  'Group.ReadWrite.All',
  'User.Read.All',
] as const;

/**
 * What a bearer token may do. `delegated`: a signed-in user with directory roles and the delegated
 * permissions (scopes) consented; `appOnly`: an application with application permissions (the
 * `roles` claim of a client-credentials token). `permissions` absent means every permission.
 */
export const tokenGrant = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('delegated'),
    roles: z.array(z.enum(DIRECTORY_ROLES)),
    permissions: z.array(z.string().min(1)).optional(),
    userPrincipalName: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('appOnly'),
    permissions: z.array(z.string().min(1)),
    appId: z.string().optional(),
  }),
]);

/** See {@link tokenGrant}. */
export type TokenGrant = z.infer<typeof tokenGrant>;

/** The grant of a token stored without one: a Global Administrator signed in with every permission. */
export const DELEGATED_ADMIN: TokenGrant = { kind: 'delegated', roles: ['Global Administrator'] };

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * A new bearer token in the shape of an Entra access token (`header.claims.signature`), so clients
 * read its kind and permissions as they do Graph's: `roles` for an app-only token, `scp` and
 * `wids` for a delegated one. The signature part is random: the server knows its tokens by value.
 */
export function mintToken(tenantId: string, grant: TokenGrant): string {
  const now = Math.floor(Date.now() / 1000);
  const common = { aud: 'https://graph.microsoft.com', iss: `https://sts.windows.net/${tenantId}/`, tid: tenantId, iat: now, nbf: now, oid: randomUUID() };
  const claims =
    grant.kind === 'appOnly'
      ? { ...common, idtyp: 'app', appid: grant.appId ?? randomUUID(), roles: grant.permissions }
      : {
          ...common,
          idtyp: 'user',
          ...(grant.userPrincipalName === undefined ? {} : { upn: grant.userPrincipalName }),
          scp: (grant.permissions ?? ['Directory.ReadWrite.All', ...DEFAULT_APP_PERMISSIONS]).join(' '),
          wids: grant.roles.map((role) => ROLE_TEMPLATE_IDS[role]),
        };
  return `${base64url({ typ: 'JWT', alg: 'none' })}.${base64url(claims)}.${randomBytes(24).toString('base64url')}`;
}
