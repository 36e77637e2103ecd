export * from './web-based';
export * from './account-driven';
export * from './restrictions';
