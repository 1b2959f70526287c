// Unit specs live beside the code; integration and e2e specs in test/ run against the real
// PostgreSQL and Redis (see test/utils/global-setup.ts).
// Transpiled with SWC (@swc/jest), file by file and without type checking (tsc checks types: `npm run build`,
// `npx tsc --noEmit`), as tsconfig.json asks of the emitted code: legacy decorators with their design-time metadata
// (Nest's injection, TypeORM's columns, Swagger's property types), its target ES2022 (class fields with define
// semantics), CommonJS. ts-jest did the same with TypeScript, 30-45 s of CPU slower on a cold Jest cache (a fresh
// clone, as in CI; README). Entities that import each other type the relation Relation<...> (see README).
const swc = (syntax) => [
  '@swc/jest',
  {
    jsc: {
      parser: syntax === 'typescript' ? { syntax, decorators: true } : { syntax },
      target: 'es2022',
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const ts = { '^.+\\.ts$': swc('typescript'), '^.+\\.js$': swc('ecmascript') };
// A few dependencies ship only ES modules; Jest runs CommonJS, so they are transpiled too. @fastify/cookie loads
// its ESM-only `cookie` with import(), which Jest's VM refuses: transpiled, the import() becomes a require().
const transformIgnorePatterns = ['/node_modules/(?!(content-disposition|@fastify/cookie|cookie)/)'];
const e2e = {
  testEnvironment: 'node',
  rootDir: '.',
  transform: ts,
  transformIgnorePatterns,
  // Once per run (Jest runs a hook shared by projects once): the base database, migrated, and one copy per worker.
  globalSetup: '<rootDir>/test/utils/global-setup.ts',
  globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
  setupFiles: ['<rootDir>/test/utils/test-env.ts'],
};

module.exports = {
  testTimeout: 30000,
  // Longest first, from a checked-in list when Jest has no timings of its own (a fresh clone, as in CI).
  testSequencer: '<rootDir>/test/utils/test-sequencer.js',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      transform: ts,
      transformIgnorePatterns,
    },
    {
      // The web app's own unit specs (texts in three languages, formatters): plain Node, no browser.
      displayName: 'web',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/web/src/**/*.spec.ts'],
      transform: ts,
      transformIgnorePatterns,
    },
    // The middle tier: services with their real repositories on the real PostgreSQL, no HTTP (test/medium/).
    { ...e2e, displayName: 'medium', testMatch: ['<rootDir>/test/*.medium-spec.ts'] },
    {
      ...e2e,
      displayName: 'e2e',
      // The API specs are grouped by area, a Jest file each (test/api/<area>.e2e-spec.ts importing test/api/<area>/),
      // the browser specs one a file. The screenshot specs take pictures for a person to look at, not tests: they
      // are only picked up with SCREENSHOT_DIR set (loading the app for a skipped spec costs seconds of CPU).
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: process.env.SCREENSHOT_DIR ? [] : ['/test/browser/[a-z-]*screenshots\\.e2e-spec\\.ts$'],
      setupFilesAfterEnv: ['<rootDir>/test/utils/browser-retry.ts'],
    },
  ],
};
