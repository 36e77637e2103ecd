import type { KindDescriptor } from '../descriptor';
import { KINDS, type KindName } from './registry';

export * from './enrollment-type-profile';
export * from './platform-restriction';
export * from './device-limit-restriction';
export * from './sso-extension-policy';
export * from './ios-app';
export * from './web-clip';
export * from './tenant-defaults';
export * from './registry';
export * from './import-again';

/** The names of every kind, in dependency order. */
export const KIND_NAMES = Object.keys(KINDS) as KindName[];

/** Every kind's descriptor, in dependency order (what others depend on first). */
export const DESCRIPTORS: readonly KindDescriptor[] = KIND_NAMES.map((kind) => KINDS[kind] as unknown as KindDescriptor);

/** The descriptor of a kind. */
export function descriptorOf(kind: KindName): KindDescriptor {
  const descriptor = Object.hasOwn(KINDS, kind) ? (KINDS[kind] as unknown as KindDescriptor) : undefined;
  if (!descriptor) throw new Error(`unknown kind '${kind}'; a manifest's kinds are ${KIND_NAMES.join(', ')} (re-run enrollkit synth with this version).`);
  return descriptor;
}
export * from './apple-enrollment-profile';
export * from './ade-profile';
export * from './configurator-profile';
export * from './company-portal-configuration';
