// Every kind's module, one line each, in any order: the registry takes each kind's descriptor from
// here (the export named after the kind) and orders the kinds by their dependencies itself, and the
// model's index publishes each module's schemas and types through this list.
export * from './ade-profile';
export * from './company-portal-configuration';
export * from './configurator-device';
export * from './configurator-profile';
export * from './device-limit-restriction';
export * from './enrollment-type-profile';
export * from './ios-app';
export * from './platform-restriction';
export * from './sso-extension-policy';
export * from './web-clip';
