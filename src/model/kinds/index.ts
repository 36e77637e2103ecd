import type { KindDescriptor, KindName } from '../descriptor';
import { deviceLimitRestriction } from './device-limit-restriction';
import { enrollmentTypeProfile } from './enrollment-type-profile';
import { iosApp } from './ios-app';
import { platformRestriction } from './platform-restriction';
import { ssoExtensionPolicy } from './sso-extension-policy';
import { webClip } from './web-clip';

export * from './enrollment-type-profile';
export * from './platform-restriction';
export * from './device-limit-restriction';
export * from './sso-extension-policy';
export * from './ios-app';
export * from './web-clip';

/** Every kind's descriptor, in dependency order (what others depend on first). */
export const DESCRIPTORS = [
  iosApp,
  webClip,
  ssoExtensionPolicy,
  platformRestriction,
  deviceLimitRestriction,
  enrollmentTypeProfile,
] as const;

const BY_KIND = new Map<KindName, KindDescriptor>(DESCRIPTORS.map((d) => [d.kind, d as unknown as KindDescriptor]));

/** The descriptor of a kind. */
export function descriptorOf(kind: KindName): KindDescriptor {
  const descriptor = BY_KIND.get(kind);
  if (!descriptor) throw new Error(`unknown kind '${kind}'; a manifest's kinds are ${[...BY_KIND.keys()].join(', ')} (re-run enrollkit synth with this version).`);
  return descriptor;
}
export * from './tenant-defaults';
