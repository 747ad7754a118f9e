/** One jest run over every package: `pnpm test`. MySQL suites run too when MYSQL_URL is set. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@kpd/domain$': '<rootDir>/../../packages/domain/src/index.ts' },
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    { ...base, displayName: 'domain', rootDir: 'packages/domain', testMatch: ['<rootDir>/src/**/*.test.ts'] },
    {
      ...base,
      displayName: 'api',
      rootDir: 'services/api',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      setupFiles: ['reflect-metadata'],
    },
    {
      ...base,
      displayName: 'web',
      rootDir: 'packages/web-kit',
      // The web kit's tests and the apps' own (web/<app>/src/**/*.test.tsx).
      roots: ['<rootDir>/src', '<rootDir>/../../web'],
      testMatch: ['**/src/**/*.test.{ts,tsx}'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
      testEnvironment: 'jsdom',
      setupFiles: ['<rootDir>/jest.setup.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      rootDir: 'tests',
      testMatch: ['<rootDir>/e2e/**/*.test.ts'],
      // The admin's builds, made once before the first browser test file (not by each file).
      globalSetup: '<rootDir>/e2e/global-setup.ts',
      moduleNameMapper: { '^@kpd/domain$': '<rootDir>/../packages/domain/src/index.ts' },
      setupFiles: ['reflect-metadata'],
    },
    {
      ...base,
      displayName: 'battery',
      rootDir: 'tests',
      testMatch: ['<rootDir>/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/e2e/'],
      moduleNameMapper: { '^@kpd/domain$': '<rootDir>/../packages/domain/src/index.ts' },
      setupFiles: ['reflect-metadata'],
    },
  ],
  testTimeout: 60000,
  // Two test files at a time on the two cores: most of a file's time is spent waiting (on MySQL, on a
  // server starting, on a browser), so two overlap well; the browser tests' waits are sized for it.
  maxWorkers: 2,
};
