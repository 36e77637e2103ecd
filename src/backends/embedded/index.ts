export * from './embedded-backend';
