// `npm run test:contract`: the contract suite, against the targets its globalSetup starts (or API_BASE_URL).
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/contract'],
  testMatch: ['**/*.contract.ts'],
  globalSetup: '<rootDir>/test/contract/global-setup.ts',
  globalTeardown: '<rootDir>/test/contract/global-teardown.ts',
};
