import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

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
          include: ['services/*/src/**/*.int.spec.ts', 'tests/integration/**/*.int.spec.ts'],
          globalSetup: ['tests/setup/stack.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One broker and one database on two cores: run integration files one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
