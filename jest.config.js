// Every response the tests provoke is checked against the spec (shadow mode: mismatches are logged
// as warnings, which LOG_LEVEL=warn keeps visible while leaving out one access line per request).
process.env.RESPONSE_VALIDATION_SAMPLE_RATE ??= '1';
process.env.LOG_LEVEL ??= 'warn';
// The EMF lines are tested on their own (test/http/middleware/metrics.test.ts).
process.env.METRICS_DISABLED ??= 'true';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // CommonJS for every file, the SDK's too (clients/typescript is an ESM package, which `nodenext`
  // would compile to ESM); its relative imports name the .js they compile to, hence the mapper.
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { diagnostics: false, tsconfig: { module: 'commonjs', moduleResolution: 'node10' } },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // One DynamoDB Local engine for the whole run; each test file gets its own table.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
};
