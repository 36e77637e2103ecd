/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  moduleNameMapper: {
    '^enrollkit$': '<rootDir>/src/index.ts',
    '^enrollkit/cdktf$': '<rootDir>/src/cdktf/index.ts',
  },
  testTimeout: 60000,
};
