import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The demo builds the workspace packages from their TypeScript source (the `@rill/source`
// export condition), so `pnpm dev` needs no prior package build. The demo's server (the mock
// Responses API and the recordings) is mounted by server/start-demo-server.ts, not here.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: { conditions: ['@rill/source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Browsers with native CSS light-dark(): lowering it would resolve @rill/ui's theme
    // variables once at :root, and the matrix's per-panel dark theme would stay light.
    cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  logLevel: 'warn',
});
