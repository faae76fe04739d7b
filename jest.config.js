/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/stray-bots.ts'],
  // A handle a test leaks (a child's pipe, a socket) must fail that test, not hold CI open for an
  // hour after the last one: once the run is over, jest exits.
  forceExit: true,
  testTimeout: 20000,
};
