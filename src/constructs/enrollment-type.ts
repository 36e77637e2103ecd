import type { EnrollmentType as EnrollmentTypeName } from '../model';
import { instanceOf, type PropKind } from './prop-check';

/** The enrollment type for each ownership a user may pick in a "determine based on user choice" profile. */
export interface UserChoiceOptions {
  /** The enrollment type when the user says the device is personal. */
  readonly personal: EnrollmentType;
  /** The enrollment type when the user says the device is corporate-owned. */
  readonly corporate: EnrollmentType;
}

/** How a user-initiated iOS/iPadOS enrollment happens: the setting of an enrollment type profile. */
export class EnrollmentType {
  /** Device enrollment with the Company Portal app. */
  static readonly DEVICE_ENROLLMENT_WITH_COMPANY_PORTAL = new EnrollmentType('device');
  /** Web-based device enrollment, started in Safari (iOS/iPadOS 15 or later, EK001). */
  static readonly WEB_BASED_DEVICE_ENROLLMENT = new EnrollmentType('webDeviceEnrollment');
  /** Account-driven user enrollment, started in Settings (iOS/iPadOS 15 or later, EK001). */
  static readonly ACCOUNT_DRIVEN_USER_ENROLLMENT = new EnrollmentType('accountDrivenUserEnrollment');
  /** User enrollment with the Company Portal app. */
  static readonly USER_ENROLLMENT_WITH_COMPANY_PORTAL = new EnrollmentType('user');

  /** "Determine based on user choice": the user says who owns the device, and each answer has its enrollment type. */
  static userChoice(options: UserChoiceOptions): EnrollmentType {
    return new EnrollmentType('userChoice', options);
  }

  /** Graph's name of the enrollment type, or `userChoice`. */
  readonly name: EnrollmentTypeName | 'userChoice';
  /** The per-ownership options of a user-choice type. */
  readonly options: UserChoiceOptions | undefined;

  private constructor(name: EnrollmentTypeName | 'userChoice', options?: UserChoiceOptions) {
    this.name = name;
    this.options = options;
  }

  /**
   * The enrollment type as an enrollment type profile's spec writes it; the stack checks it at
   * synth (a user-choice option cannot itself be a user choice).
   */
  toSpec(): { enrollmentType: string; userChoice?: { personal: string; corporate: string } } {
    if (!this.options) return { enrollmentType: this.name };
    return { enrollmentType: 'userChoice', userChoice: { personal: this.options.personal.name, corporate: this.options.corporate.name } };
  }
}

const ANY_ENROLLMENT_TYPE = instanceOf(EnrollmentType, 'EnrollmentType.WEB_BASED_DEVICE_ENROLLMENT');

/** The kind check of an enrollment type prop: an `EnrollmentType`, and a user choice between two of them. */
export const ENROLLMENT_TYPE: PropKind = {
  issues: (value, field) => {
    const own = ANY_ENROLLMENT_TYPE.issues(value, field);
    if (own.length > 0 || !(value instanceof EnrollmentType) || value.options === undefined) return own;
    const options = value.options as Partial<UserChoiceOptions>;
    return (['personal', 'corporate'] as const).flatMap((choice) => ANY_ENROLLMENT_TYPE.issues(options[choice], `${field}.userChoice.${choice}`));
  },
};
