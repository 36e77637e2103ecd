import type { KindDescriptor } from './descriptor';

/**
 * The rank users read for a priority Graph stores: 1 is the highest, in every output. Graph numbers
 * enrollment type profiles from 0 and restrictions from 1 (the tenant default holds 0); the
 * descriptor's `priorityBase` says which.
 */
export function priorityRank(descriptor: Pick<KindDescriptor, 'priorityBase'>, stored: number): number {
  return stored - (descriptor.priorityBase ?? 0) + 1;
}

/** The priority Graph stores for a rank (1 = highest): the inverse of {@link priorityRank}. */
export function storedPriority(descriptor: Pick<KindDescriptor, 'priorityBase'>, rank: number): number {
  return rank - 1 + (descriptor.priorityBase ?? 0);
}
