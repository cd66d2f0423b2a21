import { createRequire } from 'node:module';
import { version } from 'react';

/*
 * The react-18 test project aliases `react` and `react-dom` to their 18.3 copies, but Vite's
 * aliases reach only the modules Vite transforms. The testing library is CommonJS, so its
 * `require('react-dom/client')` goes through Node and finds react-dom 19; and react-dom-18's
 * own `require('react')` finds React 19 too (the lockfile pairs `react-dom@18.3.1` with
 * `react@19.3.1`). Two Reacts meet and every hook throws. Until the install and the config pair
 * them (see packages/react/README.md, "Testing"), this sends Node's `require` of react and
 * react-dom to the 18.3 copies. Every test file that renders imports it first; under React 19
 * it does nothing.
 */
if (version.startsWith('18.')) {
  const require = createRequire(import.meta.url);
  const redirects = new Map(
    [
      'react',
      'react/jsx-runtime',
      'react-dom',
      'react-dom/client',
      'react-dom/server',
      'react-dom/test-utils',
    ].map((id) => [id, require.resolve(id.replace(/^react(-dom)?/, '$&-18'))] as const),
  );
  const Module = require('node:module') as {
    _resolveFilename(request: string, ...rest: unknown[]): string;
  };
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return redirects.get(request) ?? resolve.call(this, request, ...rest);
  };
}
