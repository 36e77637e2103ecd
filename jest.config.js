/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '@sucrase/jest-plugin' },
  moduleNameMapper: {
    '^enrollkit$': '<rootDir>/src/index.ts',
    '^enrollkit/cdktf$': '<rootDir>/src/cdktf/index.ts',
  },
  testTimeout: 60000,
};
