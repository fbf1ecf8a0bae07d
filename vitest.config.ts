import { defineConfig } from 'vitest/config';

// Server suites run twice: on embedded PGlite and on the PostgreSQL named by QIAO_TEST_PG_URL
// (default: the local server). Outside CI a missing PostgreSQL skips that project loudly; in CI it fails.
const report = process.env.QIAO_TEST_REPORT;
const embeddedOnly = ['apps/server/test/config.test.ts', 'apps/server/test/cli.test.ts', 'apps/server/test/demo/**'];

export default defineConfig({
  test: {
    // CI writes a JSON report too, to fail the run if any test was skipped.
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
    projects: [
      {
        test: {
          name: 'core',
          include: ['packages/*/test/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'server-pglite',
          include: ['apps/server/test/**/*.test.ts'],
          env: { QIAO_TEST_ENGINE: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'server-postgres',
          include: ['apps/server/test/**/*.test.ts'],
          // Suites that do not touch a server database run once, in server-pglite.
          exclude: embeddedOnly,
          env: { QIAO_TEST_ENGINE: 'postgres' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
