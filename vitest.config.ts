import { defineConfig } from 'vitest/config';

// Server suites run twice: on embedded PGlite and on the PostgreSQL named by QIAO_TEST_PG_URL
// (default: the local server). Outside CI a missing PostgreSQL skips that project loudly; in CI it fails.
const report = process.env.QIAO_TEST_REPORT;
const embeddedOnly = [
  'apps/server/test/config.test.ts',
  'apps/server/test/cli.test.ts',
  'apps/server/test/demo/**',
  'apps/server/test/text/**',
];
// Suites that need several real sessions on one PostgreSQL (e.g. two processes racing).
const postgresOnly = ['apps/server/test/**/*.postgres.test.ts'];

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
          exclude: postgresOnly,
          env: { QIAO_TEST_ENGINE: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The resident portal in a real browser (Debian Chromium) on a phone-sized screen, against the real server.
        test: {
          name: 'portal-e2e',
          include: ['e2e/portal/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
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
      {
        // Browser journeys: the real server in-process on a free port, a fresh vite build, Debian Chromium.
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          exclude: ['e2e/portal/**'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
