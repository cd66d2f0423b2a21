import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The demo builds the workspace packages from their TypeScript source (the `@rill/source`
// export condition), so `pnpm dev` needs no prior package build. The demo's server (the mock
// Responses API and the recordings) is mounted by server/start-demo-server.ts, not here.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: { conditions: ['@rill/source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  logLevel: 'warn',
});
