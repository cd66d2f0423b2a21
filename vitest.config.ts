import { defineConfig } from 'vitest/config';

const reactTests = ['packages/react/src/**/*.test.{ts,tsx}', 'packages/ui/src/**/*.test.{ts,tsx}'];

export default defineConfig({
  // Workspace packages resolve to their TypeScript source, never to a build.
  resolve: { conditions: ['@rill/source'] },
  ssr: { resolve: { conditions: ['@rill/source'], externalConditions: ['@rill/source'] } },
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'packages/core/src/**/*.test.ts',
            'packages/mock-server/src/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: { name: 'react-19', environment: 'happy-dom', include: reactTests },
      },
      {
        // The demo in a real browser: one production build, served on 127.0.0.1, driven by
        // playwright-core and Debian's chromium. One file at a time: each holds a Chromium.
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['apps/demo/**/*.test.ts'],
          globalSetup: ['apps/demo/tests/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The same tests against React 18: every import of react and react-dom (ours and the
        // testing library's, which is inlined so the alias reaches it) goes to the 18.3 copies.
        extends: true,
        resolve: {
          alias: [
            { find: /^react-dom(\/.*)?$/, replacement: 'react-dom-18$1' },
            { find: /^react(\/.*)?$/, replacement: 'react-18$1' },
          ],
        },
        test: {
          name: 'react-18',
          environment: 'happy-dom',
          include: reactTests,
          // The testing library require()s react-dom, which the aliases cannot reach: redirect it.
          setupFiles: ['packages/react/src/test-support/same-react.ts'],
          server: { deps: { inline: [/@testing-library\/react/] } },
        },
      },
    ],
  },
});
