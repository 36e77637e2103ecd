export * from './ts-literal';
export * from './props-literal';
export * from './assignment-code';
export * from './construct-code';
export * from './intune-object-code';
