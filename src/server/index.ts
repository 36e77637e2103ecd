/**
 * The reference MDM server: a local emulator of Microsoft Graph for Intune iOS/iPadOS
 * enrollment configuration, backed by SQLite.
 * @packageDocumentation
 */
export {
  createReferenceServer,
  type DefaultTenant,
  type ListeningServer,
  type ReferenceServer,
  type ReferenceServerOptions,
} from './create-reference-server';
export { startReferenceServer, type StartedReferenceServer, type StartReferenceServerOptions } from './start-reference-server';
export type { FaultRule, FaultRuleInput } from './fault-injector';
export type { CreateTenantOptions, TenantCredentials } from './tenants';
export type { ThrottleLimits } from './throttler';
export type { Cloud } from './store';
