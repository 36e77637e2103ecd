/**
 * The reference MDM server: a local emulator of Microsoft Graph for Intune iOS/iPadOS
 * enrollment configuration, backed by SQLite.
 * @packageDocumentation
 */
/** Building a server in-process, and its options and handles. */
export {
  createReferenceServer,
  type DefaultTenant,
  type ListeningServer,
  type ReferenceServer,
  type ReferenceServerOptions,
} from './create-reference-server';
/** Starting a listening server from a database file, as the CLI does. */
export { startReferenceServer, type StartedReferenceServer, type StartReferenceServerOptions } from './start-reference-server';
/** Fault rules of the admin API and of {@link ReferenceServerOptions.faults}. */
export type { FaultRule, FaultRuleInput } from './fault-injector';
/** Tenant creation options and the credentials of a tenant. */
export type { CreateTenantOptions, TenantCredentials } from './tenants';
/** What a token may do, and the defaults of minted tokens. */
export { DEFAULT_APP_PERMISSIONS, INTUNE_ADMIN_ROLES, type TokenGrant } from './token-grant';
/** Request budgets of the throttler. */
export type { ThrottleLimits } from './throttler';
/** The cloud a tenant belongs to. */
export type { Cloud } from './store';
/** How the database's write-ahead log is flushed (see `ReferenceServerOptions.fileSync`). */
export { FDATASYNC, type FileSync } from './wal-sync';
