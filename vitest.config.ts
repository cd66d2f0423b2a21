import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@rill/source'] },
  test: {
    include: [
      'packages/*/src/**/*.test.{ts,tsx}',
      'apps/*/src/**/*.test.{ts,tsx}',
      'bench/**/*.test.ts',
    ],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    testTimeout: 30_000,
  },
});
