import { App, AssignmentTarget, DeviceLimitRestriction, EnrollmentStack, EntraGroup, PlatformRestriction, type Manifest } from '../../../src';

/**
 * Restrictions with priorities: groups "iOS contractors" (declared, users), "iOS employees"
 * (declared, users) and "Executives" (referenced, users); platform restrictions
 * "iOS: contractors, corporate devices only" (priority 1, personal blocked, iOS 17.0+) and
 * "iOS: employees, iOS 16 or later" (priority 2, contractors excluded); device limits
 * "Executives: 10 devices" (priority 1) and "Employees: 3 devices" (priority 2).
 */
export function restrictionsStack(stackName = 'restrictions'): Manifest {
  const stack = new EnrollmentStack(new App(), stackName);
  const executives = EntraGroup.fromDisplayName(stack, 'Executives', 'Executives', { members: 'users' });
  const contractors = new EntraGroup(stack, 'Contractors', { displayName: 'iOS contractors', membershipRule: '(user.employeeType -eq "Contractor")' });
  const employees = new EntraGroup(stack, 'Employees', { displayName: 'iOS employees', membershipRule: '(user.employeeType -eq "Employee")' });
  new PlatformRestriction(stack, 'ContractorsCorporateOnly', {
    displayName: 'iOS: contractors, corporate devices only',
    personalDeviceEnrollmentBlocked: true,
    osMinimumVersion: '17.0',
    assignments: [AssignmentTarget.group(contractors)],
  });
  new PlatformRestriction(stack, 'EmployeesCurrentIos', {
    displayName: 'iOS: employees, iOS 16 or later',
    osMinimumVersion: '16.0',
    assignments: [AssignmentTarget.group(employees), AssignmentTarget.excludeGroup(contractors)],
  });
  new DeviceLimitRestriction(stack, 'ExecutivesLimit', { displayName: 'Executives: 10 devices', limit: 10, assignments: [AssignmentTarget.group(executives)] });
  new DeviceLimitRestriction(stack, 'EmployeesLimit', { displayName: 'Employees: 3 devices', limit: 3, assignments: [AssignmentTarget.group(employees)] });
  return stack.toManifest();
}
