import { z } from 'zod';
import { f } from './fields';
import { entityType } from './entity-type';
import { describedEntity } from './graph-model';

/** Characters Entra ID refuses in a `mailNickname`. */
const MAIL_NICKNAME = /^[\x21-\x7e]+$/;
const MAIL_NICKNAME_FORBIDDEN = /[@()\\[\]";:.<>,]/;

const bindList = z.array(z.string()).max(20).optional();

const described = describedEntity('group');

/** Properties v1.0 returns by default (group-list, group-post-groups). */
const V1_DEFAULTS = [
  'id',
  'deletedDateTime',
  'classification',
  'createdDateTime',
  'description',
  'displayName',
  'expirationDateTime',
  'groupTypes',
  'isAssignableToRole',
  'mail',
  'mailEnabled',
  'mailNickname',
  'membershipRule',
  'membershipRuleProcessingState',
  'onPremisesDomainName',
  'onPremisesLastSyncDateTime',
  'onPremisesNetBiosName',
  'onPremisesSamAccountName',
  'onPremisesSecurityIdentifier',
  'onPremisesSyncEnabled',
  'preferredDataLocation',
  'preferredLanguage',
  'proxyAddresses',
  'renewedDateTime',
  'resourceBehaviorOptions',
  'resourceProvisioningOptions',
  'securityEnabled',
  'securityIdentifier',
  'theme',
  'visibility',
  'onPremisesProvisioningErrors',
];

/**
 * The beta `group` entity: every property the metadata declares, those a security group needs
 * with Entra ID's rules. Beta returns by default what its docs mark "Returned by default" (two
 * more than v1.0: `createdByAppId`, `infoCatalogs`); the rest on `$select`.
 */
export const group = entityType({
  name: 'group',
  ancestors: ['directoryObject'],
  fields: {
    ...described.fields,
    displayName: f.of(z.string().min(1).max(256), null),
    mailEnabled: f.boolean(false, false),
    mailNickname: f.of(
      z
        .string()
        .min(1)
        .max(64)
        .regex(MAIL_NICKNAME)
        .refine((value) => !MAIL_NICKNAME_FORBIDDEN.test(value), { message: 'forbidden character' }),
      null,
    ),
    membershipRuleProcessingState: f.enum(['On', 'Paused']),
    securityEnabled: f.boolean(false, false),
  },
  required: ['displayName', 'mailEnabled', 'mailNickname', 'securityEnabled'],
  readOnly: [...described.readOnly, 'deletedDateTime', 'onPremisesProvisioningErrors', 'serviceProvisioningErrors'],
  defaultSelect: V1_DEFAULTS,
  betaDefaultSelect: [...V1_DEFAULTS, ...described.returnedByDefault.filter((name) => !V1_DEFAULTS.includes(name))],
  inputOnly: { 'members@odata.bind': bindList, 'owners@odata.bind': bindList },
});
