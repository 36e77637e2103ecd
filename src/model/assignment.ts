import { z } from 'zod';
import { AssignmentTargetSchema } from './assignment-target';

/** How an app is deployed to its targets. */
export const InstallIntentSchema = z.enum(['required', 'available', 'uninstall']);

/** An app assignment intent. */
export type InstallIntent = z.infer<typeof InstallIntentSchema>;

/** Per-assignment settings of an iOS store or VPP app. */
export const AppAssignmentSettingsSchema = z.strictObject({
  /** Remove the app when the device leaves management. */
  uninstallOnDeviceRemoval: z.boolean().optional(),
  /** Let the user remove the app. */
  isRemovable: z.boolean().optional(),
  /** Block backup of the app's data to iCloud. */
  preventManagedAppBackup: z.boolean().optional(),
  /** VPP only: license per device instead of per user. */
  useDeviceLicensing: z.boolean().optional(),
  /** VPP only: block automatic app updates. */
  preventAutoAppUpdate: z.boolean().optional(),
});

/** App assignment settings. */
export type AppAssignmentSettings = z.infer<typeof AppAssignmentSettingsSchema>;

/** One assignment of an object to a target; apps add an intent and settings. */
export const AssignmentSchema = z.strictObject({
  target: AssignmentTargetSchema,
  intent: InstallIntentSchema.optional(),
  settings: AppAssignmentSettingsSchema.optional(),
});

/** One assignment. */
export type Assignment = z.infer<typeof AssignmentSchema>;
