import { resourcesOfKind } from './resources';
import type { Rule } from './rule';

/** The device limit Intune accepts per user (003). */
export const DEVICE_LIMIT_RANGE = { min: 1, max: 15 } as const;

/** EK014: a device limit restriction allows 1 to 15 devices per user. */
export const ek014DeviceLimitRange: Rule = {
  id: 'EK014',
  severity: 'error',
  title: `Device limit restriction: ${DEVICE_LIMIT_RANGE.min} to ${DEVICE_LIMIT_RANGE.max} devices per user`,
  message: `Intune accepts a device limit from ${DEVICE_LIMIT_RANGE.min} to ${DEVICE_LIMIT_RANGE.max}`,
  fix: `set limit to a whole number from ${DEVICE_LIMIT_RANGE.min} to ${DEVICE_LIMIT_RANGE.max}`,
  sources: ['003'],
  check: ({ manifest }) =>
    resourcesOfKind(manifest.resources, 'deviceLimitRestriction')
      .filter((r) => !Number.isInteger(r.spec.limit) || r.spec.limit < DEVICE_LIMIT_RANGE.min || r.spec.limit > DEVICE_LIMIT_RANGE.max)
      .map((r) => ({ path: r.path, field: 'spec.limit', value: r.spec.limit, message: `the limit ${r.spec.limit} is out of range` })),
};
