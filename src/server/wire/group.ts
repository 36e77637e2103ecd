import { z } from 'zod';
import { f } from './fields';
import { entityType } from './entity-type';

/** Characters Entra ID refuses in a `mailNickname`. */
const MAIL_NICKNAME = /^[\x21-\x7e]+$/;
const MAIL_NICKNAME_FORBIDDEN = /[@()\\[\]";:.<>,]/;

const bindList = z.array(z.string()).max(20).optional();

/** The v1.0 `group` entity (the properties a security group needs). */
export const group = entityType({
  name: 'group',
  ancestors: ['directoryObject'],
  fields: {
    id: f.string(),
    deletedDateTime: f.string(),
    classification: f.string(),
    createdDateTime: f.string(),
    description: f.string(),
    displayName: f.of(z.string().min(1).max(256), null),
    expirationDateTime: f.string(),
    groupTypes: f.strings(),
    isAssignableToRole: f.boolean(),
    mail: f.string(),
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
    membershipRule: f.string(),
    membershipRuleProcessingState: f.enum(['On', 'Paused']),
    onPremisesDomainName: f.string(),
    onPremisesLastSyncDateTime: f.string(),
    onPremisesNetBiosName: f.string(),
    onPremisesSamAccountName: f.string(),
    onPremisesSecurityIdentifier: f.string(),
    onPremisesSyncEnabled: f.boolean(),
    preferredDataLocation: f.string(),
    preferredLanguage: f.string(),
    proxyAddresses: f.strings(),
    renewedDateTime: f.string(),
    resourceBehaviorOptions: f.strings(),
    resourceProvisioningOptions: f.strings(),
    securityEnabled: f.boolean(false, false),
    securityIdentifier: f.string(),
    theme: f.string(),
    visibility: f.string(),
    onPremisesProvisioningErrors: f.opaqueList(),
  },
  required: ['displayName', 'mailEnabled', 'mailNickname', 'securityEnabled'],
  readOnly: [
    'deletedDateTime',
    'expirationDateTime',
    'mail',
    'onPremisesDomainName',
    'onPremisesLastSyncDateTime',
    'onPremisesNetBiosName',
    'onPremisesSamAccountName',
    'onPremisesSecurityIdentifier',
    'onPremisesSyncEnabled',
    'proxyAddresses',
    'renewedDateTime',
    'securityIdentifier',
    'onPremisesProvisioningErrors',
  ],
  inputOnly: { 'members@odata.bind': bindList, 'owners@odata.bind': bindList },
});
