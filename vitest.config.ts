import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/**
 * The reliability project's long runs are not part of `npm test` (which has a short version of each): its files
 * are included only when it is asked for by name (`vitest run --project reliability`, `npm run test:reliability`)
 * or with CONVENE_RELIABILITY=1.
 */
const reliabilityAsked = process.env.CONVENE_RELIABILITY === '1'
  || process.argv.some((arg, i, all) => arg === '--project=reliability' || (arg === '--project' && all[i + 1] === 'reliability'));

const sharedSrc = fileURLToPath(new URL('./shared/src/', import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run the TypeScript sources of @convene/shared, never a stale dist/.
    alias: [
      { find: /^@convene\/shared$/, replacement: `${sharedSrc}index.ts` },
      { find: /^@convene\/shared\/(.+)$/, replacement: `${sharedSrc}$1/index.ts` },
    ],
  },
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-report.json' }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['shared/src/**/*.unit.spec.ts', 'services/*/src/**/*.unit.spec.ts', 'tests/unit/**/*.unit.spec.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['services/*/src/**/*.int.spec.ts', 'tests/integration/**/*.int.spec.ts', 'tests/scenarios/**/*.int.spec.ts'],
          globalSetup: ['tests/setup/stack.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One broker and one database on two cores: run integration files one at a time.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          // Browser tests: headless Chromium against the whole partnership running in-process (web UI built first).
          include: ['tests/e2e/**/*.e2e.spec.ts'],
          globalSetup: ['tests/setup/stack.global.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          // After the other projects: a browser and five services must not share two cores with them.
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          // The long runs (`npm run test:reliability`): the full authorisation matrix, 10,000+ hostile requests, schemathesis.
          name: 'reliability',
          include: reliabilityAsked ? ['tests/reliability/**/*.rel.spec.ts'] : [],
          globalSetup: ['tests/setup/stack.global.ts'],
          testTimeout: 900_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // Memory is compared after a forced GC.
          execArgv: ['--expose-gc'],
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
