export * from './stack-code';
export * from './generate-stack-code';
