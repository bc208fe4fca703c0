// `npm run test:contract`: the contract suite, against the targets its globalSetup starts (or API_BASE_URL).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/contract-suite'],
  testMatch: ['**/*.contract.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  globalSetup: '<rootDir>/test/contract-suite/global-setup.ts',
  globalTeardown: '<rootDir>/test/contract-suite/global-teardown.ts',
  testTimeout: 30000,
};
