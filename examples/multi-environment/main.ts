// One app, two tenants: the same enrollment restrictions for a development and a production
// tenant, built by one function with per-environment parameters. Each stack names its environment;
// cdktf.json gives the environment's tenant, and each environment's credentials come from variables
// prefixed with its name (DEV_..., PROD_...). See docs/environments.md.
import { App, AssignmentTarget, DeviceLimitRestriction, EnrollmentStack, EntraGroup, PlatformRestriction } from 'enrollkit';

/** What differs between the environments. */
interface EnvironmentSettings {
  /** The Entra group of the people who enroll. */
  readonly groupName: string;
  /** How many devices each of them may enroll. */
  readonly deviceLimit: number;
  /** The oldest iOS/iPadOS version allowed to enroll. */
  readonly minimumOs: string;
}

function enrollmentRestrictions(app: App, environment: 'dev' | 'prod', settings: EnvironmentSettings): EnrollmentStack {
  const stack = new EnrollmentStack(app, `contoso-${environment}`, { env: { name: environment } });
  const users = new EntraGroup(stack, 'Users', {
    displayName: settings.groupName,
    description: `People who enroll iPhones and iPads in ${environment}`,
    members: 'users',
  });
  new PlatformRestriction(stack, 'CurrentIos', {
    displayName: `iOS ${settings.minimumOs} or later`,
    osMinimumVersion: settings.minimumOs,
    assignments: [AssignmentTarget.group(users)],
  });
  new DeviceLimitRestriction(stack, 'Limit', {
    displayName: `${settings.deviceLimit} devices per user`,
    limit: settings.deviceLimit,
    assignments: [AssignmentTarget.group(users)],
  });
  return stack;
}

const app = new App();
enrollmentRestrictions(app, 'dev', { groupName: 'iOS pilot users', deviceLimit: 15, minimumOs: '17.0' });
enrollmentRestrictions(app, 'prod', { groupName: 'iOS users', deviceLimit: 5, minimumOs: '16.0' });
app.synth();
