export * from './enrollment-request';
export * from './enrollment-resolution';
export * from './user-targeting';
export * from './resolve-enrollment';
export * from './request-dimensions';
