import { applyPlan, planImpactOf, planStack, withMemberCounts, type PlanImpact } from '../../src/engine';
import { MICROSOFT_AUTHENTICATOR, type GroupSpec, type Manifest, type Resource } from '../../src/model';
import { authenticator, cleanStack, group, manifest, platformRestriction, profile, storeApp } from '../rules/builders';
import { graphJson, startReferenceTenant, type ReferenceTenant } from '../_helpers/reference-tenant';

let tenant: ReferenceTenant;

const graph = (method: string, path: string, body?: unknown) => graphJson(tenant, method, path, body);

beforeEach(async () => {
  tenant = await startReferenceTenant();
  // Microsoft Authenticator is in the tenant already (added from the App Store); stacks reference it.
  await graph('POST', '/beta/deviceAppManagement/mobileApps', {
    '@odata.type': '#microsoft.graph.iosStoreApp',
    displayName: MICROSOFT_AUTHENTICATOR.displayName,
    publisher: 'Microsoft Corporation',
    bundleId: MICROSOFT_AUTHENTICATOR.bundleId,
    appStoreUrl: 'https://apps.apple.com/app/microsoft-authenticator/id983156458',
    applicableDeviceType: { iPad: true, iPhoneAndIPod: true },
    minimumSupportedOperatingSystem: { v15_0: true },
  });
});
afterEach(() => tenant.close());

const GROUPS = ['BYOD Users', 'Contractors', 'Executives', 'Partners'].map((name) => group(name));

/**
 * The stack of 002 and 004 as a starting point: web-based enrollment with JIT registration for
 * BYOD users (iOS 15 or later, three devices), account-driven user enrollment for contractors,
 * Authenticator required and the Company Portal web clip for both. Its one lint suppression
 * (EK001 on the contractors' profile) never reaches the tenant, so it changes no outcome.
 */
function baseline(): Resource[] {
  return cleanStack();
}

function stack(resources: readonly Resource[], groups: readonly GroupSpec[] = GROUPS): Manifest {
  return manifest(resources, groups);
}

/** Applies `before`, then plans `after`: the impact of that plan. */
async function impactOf(before: readonly Resource[], after: readonly Resource[]): Promise<PlanImpact> {
  const first = await planStack(tenant.backend, stack(before), { impact: false });
  const applied = await applyPlan(tenant.backend, first.plan);
  expect(applied.results.filter((r) => r.status !== 'done').map((r) => `${r.step.title}: ${r.error}`)).toEqual([]);
  const { plan } = await planStack(tenant.backend, stack(after));
  return plan.impact!;
}

/** Every difference as one line: who, what, before -> after, where. */
function differences(impact: PlanImpact): string[] {
  return impact.affected.flatMap((a) => a.changes.map((c) => `${a.label}: ${c.aspect}: ${c.before} -> ${c.after} ${c.where}`));
}

function replace(resources: readonly Resource[], name: string, change: (r: Resource) => Resource | undefined): Resource[] {
  return resources.flatMap((r) => (r.displayName === name ? (change(r) ?? []) : [r]));
}

function withPriority(resources: readonly Resource[], priorities: Record<string, number>): Resource[] {
  return resources.map((r) => (r.displayName in priorities ? { ...r, priority: priorities[r.displayName]! } : r));
}

describe('the impact of a plan', () => {
  it('reports no impact for a plan that only renames a profile', async () => {
    const impact = await impactOf(
      baseline(),
      replace(baseline(), 'Web-based BYOD', (r) => ({ ...r, displayName: 'Web-based enrollment for BYOD' })),
    );
    expect(impact.audiences).toBeGreaterThan(0);
    expect(impact.affected).toEqual([]);
  });

  it('resolves nobody for a plan without changes', async () => {
    const impact = await impactOf(baseline(), baseline());
    expect(impact).toMatchObject({ audiences: 0, affected: [] });
  });

  it('moving a profile up changes the winner for members of both groups, on iOS 15 and later only (001: the highest priority wins)', async () => {
    const impact = await impactOf(baseline(), withPriority(baseline(), { Contractors: 1, 'Web-based BYOD': 2 }));
    expect(differences(impact)).toEqual([
      `members of both 'BYOD Users' and 'Contractors': profile: "Web-based BYOD" -> "Contractors" on iOS 15.0 and later`,
      `members of both 'BYOD Users' and 'Contractors': enrollmentType: web-based device enrollment -> account-driven user enrollment on iOS 15.0 and later`,
    ]);
    expect(impact.affected[0]!.unchangedOn).toBe('on iOS 14.x');
  });

  it('excluding a group leaves its members who are BYOD users without a profile', async () => {
    const impact = await impactOf(baseline(), replace(baseline(), 'Web-based BYOD', (r) => ({ ...r, assignments: [...r.assignments, { target: { type: 'exclusionGroup', group: 'Executives' } }] })));
    expect(differences(impact)).toEqual([`members of both 'BYOD Users' and 'Executives': outcome: enrolls -> no enrollment type profile on iOS 15.0 and later`]);
  });

  it('raising the minimum OS version blocks BYOD users on 15.x', async () => {
    const impact = await impactOf(baseline(), replace(baseline(), 'iOS 15+', (r) => ({ ...r, spec: { ...r.spec, osMinimumVersion: '16.0' } }) as Resource));
    expect(impact.matrix.os).toEqual([{ from: '14.0', to: '15.0' }, { from: '15.0', to: '16.0' }, { from: '16.0' }]);
    expect(differences(impact)).toEqual([`members of 'BYOD Users': outcome: enrolls -> blocked by platform restriction "iOS 15+" on iOS 15.x`]);
  });

  it('blocking personal devices blocks personal devices of BYOD users from iOS 15 on (14.x was blocked already)', async () => {
    const impact = await impactOf(baseline(), replace(baseline(), 'iOS 15+', (r) => ({ ...r, spec: { ...r.spec, personalDeviceEnrollmentBlocked: true } }) as Resource));
    expect(differences(impact)).toEqual([`members of 'BYOD Users': outcome: enrolls -> blocked by platform restriction "iOS 15+" for personal devices on iOS 15.0 and later`]);
  });

  it('a maximum OS version blocks the versions above it', async () => {
    const impact = await impactOf(baseline(), replace(baseline(), 'iOS 15+', (r) => ({ ...r, spec: { ...r.spec, osMaximumVersion: '17.5' } }) as Resource));
    expect(impact.matrix.os.map((r) => r.from)).toEqual(['14.0', '15.0', '17.5.1']);
    expect(differences(impact)).toEqual([`members of 'BYOD Users': outcome: enrolls -> blocked by platform restriction "iOS 15+" on iOS 17.5.1 and later`]);
  });

  it('changing the profile type moves BYOD users from web-based to account-driven user enrollment', async () => {
    const impact = await impactOf(baseline(), replace(baseline(), 'Web-based BYOD', (r) => ({ ...r, spec: { enrollmentType: 'accountDrivenUserEnrollment' } }) as Resource));
    expect(differences(impact)).toEqual([
      `members of 'BYOD Users': enrollmentType: web-based device enrollment -> account-driven user enrollment on iOS 15.0 and later`,
      `members of both 'BYOD Users' and 'Contractors': enrollmentType: web-based device enrollment -> account-driven user enrollment on iOS 15.0 and later`,
    ]);
  });

  it('a "user choice" profile changes corporate devices only, with the iOS 15 fallback on 14.x (003)', async () => {
    const impact = await impactOf(baseline(), replace(baseline(), 'Contractors', (r) => ({ ...r, spec: { enrollmentType: 'userChoice', userChoice: { personal: 'accountDrivenUserEnrollment', corporate: 'device' } } }) as Resource));
    expect(differences(impact)).toEqual([
      `members of 'Contractors': enrollmentType: user enrollment with Company Portal (iOS 15 fallback of account-driven user enrollment) -> device enrollment with Company Portal for corporate devices on iOS 14.x`,
      `members of 'Contractors': enrollmentType: account-driven user enrollment -> device enrollment with Company Portal for corporate devices on iOS 15.0 and later`,
      `members of 'Contractors': jit: yes -> no for corporate devices on iOS 15.0 and later`,
    ]);
  });

  it('removing the SSO extension policy ends JIT registration where the type uses it (004)', async () => {
    const impact = await impactOf(baseline(), replace(baseline(), 'JIT registration', () => undefined));
    expect(differences(impact)).toEqual([
      `members of 'BYOD Users': jit: yes -> no on iOS 15.0 and later`,
      `members of 'Contractors': jit: yes -> no on iOS 15.0 and later`,
    ]);
  });

  it('unassigning Authenticator from BYOD users removes it from their required apps', async () => {
    const impact = await impactOf(baseline(), replace(baseline(), MICROSOFT_AUTHENTICATOR.displayName, () => authenticator(['Contractors'])));
    expect(differences(impact)).toEqual([`members of 'BYOD Users': requiredApps: Microsoft Authenticator -> none on iOS 15.0 and later`]);
  });

  it('deleting the web clip removes it from every user who had it', async () => {
    const impact = await impactOf(baseline(), replace(baseline(), 'Company Portal', () => undefined));
    expect(differences(impact)).toEqual([
      `members of 'BYOD Users': webClips: Company Portal -> none on iOS 15.0 and later`,
      `members of 'Contractors': webClips: Company Portal -> none on every iOS version`,
    ]);
  });

  it('raising the device limit shows the new limit (003: 1 to 15 devices)', async () => {
    const impact = await impactOf(baseline(), replace(baseline(), 'Three devices', (r) => ({ ...r, displayName: 'Five devices', spec: { limit: 5 } }) as Resource));
    expect(differences(impact)).toEqual([`members of 'BYOD Users': deviceLimit: 3 devices -> 5 devices on iOS 15.0 and later`]);
  });

  it('a profile for all users at the lowest priority reaches only users without another profile', async () => {
    const impact = await impactOf(baseline(), [...baseline(), profile('Everyone else', 'device', ['*'], 3)]);
    expect(differences(impact)).toEqual([`all users in none of these groups: outcome: no enrollment type profile -> enrolls on every iOS version`]);
  });

  it('a profile for all users at the top wins over every other profile', async () => {
    const impact = await impactOf(baseline(), withPriority([...baseline(), profile('Company Portal for all', 'device', ['*'], 1)], { 'Web-based BYOD': 2, Contractors: 3 }));
    expect(differences(impact)).toEqual([
      `all users in none of these groups: outcome: no enrollment type profile -> enrolls on every iOS version`,
      `members of 'BYOD Users': profile: "Web-based BYOD" -> "Company Portal for all" on iOS 15.0 and later`,
      `members of 'BYOD Users': enrollmentType: web-based device enrollment -> device enrollment with Company Portal on iOS 15.0 and later`,
      `members of 'BYOD Users': jit: yes -> no on iOS 15.0 and later`,
      `members of 'Contractors': profile: "Contractors" -> "Company Portal for all" on every iOS version`,
      `members of 'Contractors': enrollmentType: user enrollment with Company Portal (iOS 15 fallback of account-driven user enrollment) -> device enrollment with Company Portal on iOS 14.x`,
      `members of 'Contractors': enrollmentType: account-driven user enrollment -> device enrollment with Company Portal on iOS 15.0 and later`,
      `members of 'Contractors': jit: yes -> no on iOS 15.0 and later`,
    ]);
  });

  it('assigning a profile to another group enrolls its members, who had no profile', async () => {
    const impact = await impactOf(baseline(), replace(baseline(), 'Contractors', (r) => ({ ...r, assignments: [...r.assignments, { target: { type: 'group', group: 'Partners' } }] })));
    expect(differences(impact)).toEqual([`members of 'Partners': outcome: no enrollment type profile -> enrolls on every iOS version`]);
  });

  it('a lower-priority restriction blocks personal devices of contractors, not of BYOD users', async () => {
    const impact = await impactOf(baseline(), [...baseline(), platformRestriction('No personal devices', { personalDeviceEnrollmentBlocked: true }, ['Contractors'], 2)]);
    expect(differences(impact)).toEqual([`members of 'Contractors': outcome: enrolls -> blocked by platform restriction "No personal devices" for personal devices on every iOS version`]);
  });

  it('moving a restriction up changes which one applies to members of both groups', async () => {
    const both = [...baseline(), platformRestriction('No personal devices', { personalDeviceEnrollmentBlocked: true }, ['Contractors'], 2)];
    const impact = await impactOf(both, withPriority(both, { 'No personal devices': 1, 'iOS 15+': 2 }));
    expect(differences(impact)).toEqual([
      `members of both 'BYOD Users' and 'Contractors': outcome: blocked by platform restriction "iOS 15+" -> blocked by platform restriction "No personal devices" for personal devices on iOS 14.x`,
      `members of both 'BYOD Users' and 'Contractors': outcome: blocked by platform restriction "iOS 15+" -> enrolls for corporate devices on iOS 14.x`,
      `members of both 'BYOD Users' and 'Contractors': outcome: enrolls -> blocked by platform restriction "No personal devices" for personal devices on iOS 15.0 and later`,
    ]);
  });

  it('deleting a profile leaves its users without one', async () => {
    const impact = await impactOf(baseline(), replace(baseline(), 'Contractors', () => undefined));
    expect(differences(impact)).toEqual([`members of 'Contractors': outcome: enrolls -> no enrollment type profile on every iOS version`]);
  });

  it('a required app for iPad only changes iPads', async () => {
    const impact = await impactOf(baseline(), [...baseline(), storeApp('Outlook', 'com.microsoft.Office.Outlook', ['BYOD Users'], { iPad: true, iPhoneAndIPod: false })]);
    expect(differences(impact)).toEqual([`members of 'BYOD Users': requiredApps: Microsoft Authenticator -> Microsoft Authenticator, Outlook for iPads on iOS 15.0 and later`]);
  });

  it('destroying the stack leaves every user it reached without a profile, restrictions lifted', async () => {
    const first = await planStack(tenant.backend, stack(baseline()), { impact: false });
    await applyPlan(tenant.backend, first.plan);
    const { plan } = await planStack(tenant.backend, stack(baseline()), { mode: 'destroy' });
    expect(differences(plan.impact!)).toEqual([
      `members of 'BYOD Users': outcome: blocked by platform restriction "iOS 15+" -> no enrollment type profile on iOS 14.x`,
      `members of 'BYOD Users': outcome: enrolls -> no enrollment type profile on iOS 15.0 and later`,
      `members of 'Contractors': outcome: enrolls -> no enrollment type profile on every iOS version`,
      `members of both 'BYOD Users' and 'Contractors': outcome: blocked by platform restriction "iOS 15+" -> no enrollment type profile on iOS 14.x`,
      `members of both 'BYOD Users' and 'Contractors': outcome: enrolls -> no enrollment type profile on iOS 15.0 and later`,
    ]);
  });

  it('counts the members of each affected group and of all users with the backend', async () => {
    const user = async (alias: string) => (await graph('POST', '/v1.0/users', { accountEnabled: true, displayName: alias, mailNickname: alias, userPrincipalName: `${alias}@contoso.com`, passwordProfile: { password: 'Passw0rd!Passw0rd' } })).id as string;
    const ids = [await user('adele'), await user('alex'), await user('megan')];
    const first = await planStack(tenant.backend, stack(baseline()), { impact: false });
    await applyPlan(tenant.backend, first.plan);
    const groups = (await graph('GET', `/v1.0/groups?$filter=${encodeURIComponent("displayName eq 'Contractors'")}`)).value as { id: string }[];
    for (const id of ids.slice(0, 2)) await graph('POST', `/v1.0/groups/${groups[0]!.id}/members/$ref`, { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` });
    const before = tenant.backend.counters().waves;
    const { plan } = await planStack(tenant.backend, stack([...replace(baseline(), 'Contractors', () => undefined), profile('Everyone else', 'device', ['*'], 2)]));
    expect(plan.impact!.affected.map((a) => [a.label, a.members])).toEqual([
      ['all users in none of these groups', 3],
      ["members of 'Contractors'", 2],
    ]);
    // The tenant check rode with the first reads; the counts rode beside the tokens' profiles in the
    // reads' second round: no round trip of their own.
    expect(tenant.backend.counters().waves - before).toBe(2);
  });

  it('counts the members after the impact when the plan did not read them with the state', async () => {
    const first = await planStack(tenant.backend, stack(baseline()), { impact: false });
    await applyPlan(tenant.backend, first.plan);
    const changed = stack([...replace(baseline(), 'Contractors', () => undefined), profile('Everyone else', 'device', ['*'], 2)]);
    const { plan, state } = await planStack(tenant.backend, changed, { impact: false });
    expect(state.memberCounts).toBeUndefined();
    const before = tenant.backend.counters().roundTrips;
    const impact = await withMemberCounts(planImpactOf(changed, state, plan), tenant.backend, plan, state);
    expect(impact.affected.map((a) => [a.label, a.members])).toEqual([
      ['all users in none of these groups', 0],
      ["members of 'Contractors'", 0],
    ]);
    expect(tenant.backend.counters().roundTrips - before).toBe(1);
  });
});
