import { compareOsVersions, parseOsVersion, type Ownership, type Resource } from '../../model';
import { IOS15_FALLBACK, MINIMUM_SUPPORTED_OS, type DeviceType } from '../../rules';
import type { ImpactCase, OsRange } from './plan-impact';

/** The devices and owners every audience is resolved on. */
export const IMPACT_DEVICES: readonly DeviceType[] = ['iphone', 'ipad'];

/** Personal and corporate devices. */
export const IMPACT_OWNERSHIPS: readonly Ownership[] = ['personal', 'corporate'];

/** The lowest version above `version` (versions have at most three parts of up to two digits). */
function nextVersion(version: string): string {
  const [major = 0, minor = 0, patch = 0] = parseOsVersion(version);
  return patch < 99 ? `${major}.${minor}.${patch + 1}` : `${major}.${minor + 1}`;
}

/**
 * The OS version ranges on which enrollment can resolve differently, from the versions where some
 * rule or restriction of either state draws a line: the lowest supported version, the iOS 15
 * fallback, and each platform restriction's minimum and (just above its) maximum.
 */
export function osRanges(states: readonly (readonly Resource[])[]): OsRange[] {
  const lines = new Set<string>([MINIMUM_SUPPORTED_OS, ...Object.values(IOS15_FALLBACK).map((f) => f.minimumOs)]);
  for (const resources of states) {
    for (const r of resources) {
      if (r.kind !== 'platformRestriction') continue;
      if (r.spec.osMinimumVersion) lines.add(r.spec.osMinimumVersion);
      if (r.spec.osMaximumVersion) lines.add(nextVersion(r.spec.osMaximumVersion));
    }
  }
  const sorted = [...lines].filter((v) => compareOsVersions(v, MINIMUM_SUPPORTED_OS) >= 0).sort(compareOsVersions);
  const distinct = sorted.filter((v, i) => i === 0 || compareOsVersions(v, sorted[i - 1]!) !== 0);
  return distinct.map((from, i) => (i + 1 < distinct.length ? { from, to: distinct[i + 1]! } : { from }));
}

/** Every case of the matrix: each device and owner on each range. */
export function impactCases(ranges: readonly OsRange[]): ImpactCase[] {
  return ranges.flatMap((os) => IMPACT_DEVICES.flatMap((device) => IMPACT_OWNERSHIPS.map((ownership) => ({ device, ownership, os }))));
}

function rangeWords(first: OsRange, last: OsRange, all: readonly OsRange[]): string {
  if (last.to === undefined) return first === all[0] ? 'on every iOS version' : `on iOS ${first.from} and later`;
  const [major = 0, minor = 0, patch = 0] = parseOsVersion(first.from);
  if (minor === 0 && patch === 0 && compareOsVersions(last.to, `${major + 1}.0`) === 0) return `on iOS ${major}.x`;
  return `on iOS ${first.from} to below ${last.to}`;
}

function devicesWords(cases: readonly ImpactCase[]): string {
  const key = (c: Pick<ImpactCase, 'device' | 'ownership'>) => `${c.ownership} ${c.device}`;
  const present = new Set(cases.map(key));
  const devices = IMPACT_DEVICES.filter((device) => IMPACT_OWNERSHIPS.every((ownership) => present.has(key({ device, ownership }))));
  const owners = IMPACT_OWNERSHIPS.filter((ownership) => IMPACT_DEVICES.every((device) => present.has(key({ device, ownership }))));
  const plural = (device: DeviceType) => (device === 'ipad' ? 'iPads' : 'iPhones');
  if (devices.length === IMPACT_DEVICES.length) return '';
  if (devices.length === 1 && present.size === IMPACT_OWNERSHIPS.length) return `for ${plural(devices[0]!)} `;
  if (owners.length === 1 && present.size === IMPACT_DEVICES.length) return `for ${owners[0]} devices `;
  const each = IMPACT_OWNERSHIPS.flatMap((ownership) => IMPACT_DEVICES.filter((device) => present.has(key({ device, ownership }))).map((device) => `${ownership} ${plural(device)}`));
  return `for ${each.join(', ')} `;
}

/**
 * Says where cases happen, e.g. `on iOS 15.0 and later`, `for personal iPads on iOS 14.x`:
 * runs of adjacent ranges with the same devices, in range order, joined with `; `.
 */
export function describeCases(cases: readonly ImpactCase[], ranges: readonly OsRange[]): string {
  const runs: { first: OsRange; last: OsRange; devices: string }[] = [];
  for (const range of ranges) {
    const here = cases.filter((c) => c.os.from === range.from);
    const devices = here.length > 0 ? devicesWords(here) : undefined;
    const previous = runs.at(-1);
    if (devices !== undefined && previous && previous.devices === devices && previous.last.to === range.from) previous.last = range;
    else if (devices !== undefined) runs.push({ first: range, last: range, devices });
  }
  return runs.map((run) => `${run.devices}${rangeWords(run.first, run.last, ranges)}`).join('; ');
}
