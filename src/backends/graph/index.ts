export * from './token-source';
export * from './retry-policy';
export * from './azure-credential';
export * from './graph-transport';
export * from './graph-backend';
export * from './proxy-fetch';
export * from './request-pacer';
