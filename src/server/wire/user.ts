import { z } from 'zod';
import { complexType, f } from './fields';
import { entityType } from './entity-type';

const passwordProfile = complexType('passwordProfile', {
  password: f.string(),
  forceChangePasswordNextSignIn: f.boolean(),
  forceChangePasswordNextSignInWithMfa: f.boolean(),
});

/** The v1.0 `user` entity (the properties enrollment and simulation need). */
export const user = entityType({
  name: 'user',
  ancestors: ['directoryObject'],
  fields: {
    id: f.string(),
    businessPhones: f.strings(),
    displayName: f.of(z.string().min(1).max(256), null),
    givenName: f.string(),
    jobTitle: f.string(),
    mail: f.string(),
    mobilePhone: f.string(),
    officeLocation: f.string(),
    preferredLanguage: f.string(),
    surname: f.string(),
    userPrincipalName: f.of(z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/), null),
    accountEnabled: f.boolean(),
    mailNickname: f.of(z.string().min(1).max(64).regex(/^[\x21-\x7e]+$/), null),
    department: f.string(),
    companyName: f.string(),
    usageLocation: f.string(),
    userType: f.string('Member'),
    employeeId: f.string(),
    city: f.string(),
    country: f.string(),
    createdDateTime: f.string(),
    passwordProfile: f.of(passwordProfile.nullable(), null),
  },
  required: ['accountEnabled', 'displayName', 'mailNickname', 'passwordProfile', 'userPrincipalName'],
  defaultSelect: [
    'id',
    'businessPhones',
    'displayName',
    'givenName',
    'jobTitle',
    'mail',
    'mobilePhone',
    'officeLocation',
    'preferredLanguage',
    'surname',
    'userPrincipalName',
  ],
  writeOnly: ['passwordProfile'],
});
