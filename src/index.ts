/**
 * enrollkit: Intune iOS/iPadOS enrollment configuration as code. The model (schemas, manifest,
 * errors, known apps), the constructs that declare a stack's desired state, and the rules:
 * lint, enrollment simulation and the service discovery file.
 */
export * from './model';
export * from './constructs';
export * from './rules';
/** Who an object applies to; the constructs' factories (the manifest's target shape is `AssignmentTargetSpec`). */
export { AssignmentTarget } from './constructs';
/** How a device enrolls; the constructs' class (the manifest's type name is `EnrollmentTypeName`). */
export { EnrollmentType } from './constructs';
/** One assignment target as a manifest writes it. */
export type { AssignmentTarget as AssignmentTargetSpec } from './model';
/** Graph's name of an enrollment type, as a manifest writes it. */
export type { EnrollmentType as EnrollmentTypeName } from './model';
