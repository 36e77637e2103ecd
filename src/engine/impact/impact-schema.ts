import { z } from 'zod';

const OsRangeSchema = z.strictObject({
  from: z.string().describe('the lowest iOS/iPadOS version of the range, included; the range is resolved at it'),
  to: z.string().optional().describe('the first version above the range; absent for the last range'),
});

const ImpactCaseSchema = z.strictObject({
  device: z.enum(['iphone', 'ipad']),
  ownership: z.enum(['personal', 'corporate']),
  os: OsRangeSchema,
});

const ImpactChangeSchema = z.strictObject({
  aspect: z.enum(['outcome', 'profile', 'enrollmentType', 'jit', 'requiredApps', 'webClips', 'deviceLimit']),
  before: z.string().describe('the outcome against the tenant as it is'),
  after: z.string().describe('the outcome once the plan is applied'),
  where: z.string().describe('the devices it happens on, in words'),
  cases: z.array(ImpactCaseSchema).describe('the devices it happens on, as data'),
});

/** Whose enrollment a plan changes, and how (docs/plan-format.md, "impact"). */
export const PlanImpactSchema = z.strictObject({
  matrix: z.strictObject({
    devices: z.array(z.enum(['iphone', 'ipad'])),
    ownerships: z.array(z.enum(['personal', 'corporate'])),
    os: z.array(OsRangeSchema),
  }),
  audiences: z.number().int().min(0).describe('how many audiences were resolved'),
  affected: z
    .array(
      z.strictObject({
        groups: z.array(z.string()).describe('the groups the user is a member of; empty for a user in none of them'),
        label: z.string(),
        members: z.number().int().min(0).optional().describe('the member count, where the backend counts it'),
        changes: z.array(ImpactChangeSchema),
        unchangedOn: z.string().optional().describe('the versions on which nothing changes for them, in words'),
      }),
    )
    .describe("the audiences whose outcome changes; empty when no user's enrollment changes"),
});
