import { z } from 'zod';
import { f } from './fields';
import { entityType } from './entity-type';
import { complexValue, describedEntity } from './graph-model';

const described = describedEntity('user');

/** The password profile as stored and returned: the password itself never is (a secret). */
const passwordProfile = complexValue('passwordProfile').transform((value) => ({ ...(value as Record<string, unknown>), password: null }));

/**
 * The beta `user` entity: every property the metadata declares, those enrollment and simulation
 * need with Entra ID's rules. v1.0 returns by default the eleven properties of its docs; beta every
 * property its docs do not mark "Returned only on $select".
 */
export const user = entityType({
  name: 'user',
  ancestors: ['directoryObject'],
  fields: {
    ...described.fields,
    displayName: f.of(z.string().min(1).max(256), null),
    userPrincipalName: f.of(z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/), null),
    mailNickname: f.of(z.string().min(1).max(64).regex(/^[\x21-\x7e]+$/), null),
    userType: f.string('Member'),
    passwordProfile: f.of(passwordProfile.nullable(), null),
  },
  required: ['accountEnabled', 'displayName', 'mailNickname', 'passwordProfile', 'userPrincipalName'],
  readOnly: [...described.readOnly, 'deletedDateTime', 'onPremisesProvisioningErrors', 'serviceProvisioningErrors'],
  defaultSelect: ['id', 'businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName'],
  betaDefaultSelect: described.properties.map(([name]) => name).filter((name) => !described.selectOnly.includes(name)),
});
