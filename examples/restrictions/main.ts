// Enrollment restrictions with priorities, in an app without Terraform: the groups are declared
// with enrollkit's own EntraGroup (`EntraGroup.fromDisplayName` references one that exists), and the stack states each priority order.
import { App, AssignmentTarget, DeviceLimitRestriction, EnrollmentStack, EntraGroup, PlatformRestriction } from 'enrollkit';

const app = new App();
const stack = new EnrollmentStack(app, 'restrictions');

const executives = new EntraGroup(stack, 'Executives', {
  displayName: 'iOS executives',
  description: 'Leadership team, allowed more devices',
});
const contractors = new EntraGroup(stack, 'Contractors', {
  displayName: 'iOS contractors',
  description: 'External staff who may enroll corporate devices only',
  membershipRule: '(user.employeeType -eq "Contractor")',
});
const employees = new EntraGroup(stack, 'Employees', {
  displayName: 'iOS employees',
  membershipRule: '(user.employeeType -eq "Employee")',
});

const noPersonalDevices = new PlatformRestriction(stack, 'ContractorsCorporateOnly', {
  displayName: 'iOS: contractors, corporate devices only',
  personalDeviceEnrollmentBlocked: true,
  osMinimumVersion: '17.0',
  assignments: [AssignmentTarget.group(contractors)],
});
const currentIos = new PlatformRestriction(stack, 'EmployeesCurrentIos', {
  displayName: 'iOS: employees, iOS 16 or later',
  osMinimumVersion: '16.0',
  assignments: [AssignmentTarget.group(employees), AssignmentTarget.excludeGroup(contractors)],
});
stack.setPriorityOrder([noPersonalDevices, currentIos]);

const executiveLimit = new DeviceLimitRestriction(stack, 'ExecutivesLimit', {
  displayName: 'Executives: 10 devices',
  limit: 10,
  assignments: [AssignmentTarget.group(executives)],
});
const employeeLimit = new DeviceLimitRestriction(stack, 'EmployeesLimit', {
  displayName: 'Employees: 3 devices',
  limit: 3,
  assignments: [AssignmentTarget.group(employees)],
});
stack.setPriorityOrder([executiveLimit, employeeLimit]);

app.synth();
