/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '@sucrase/jest-plugin' },
  moduleNameMapper: {
    // Lazy imports name the compiled file (`./x.js`); in tests it is the TypeScript source.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^enrollkit$': '<rootDir>/src/index.ts',
    '^enrollkit/cdktf$': '<rootDir>/src/cdktf/index.ts',
    '^enrollkit/server$': '<rootDir>/src/server/index.ts',
  },
  testTimeout: 60000,
};
