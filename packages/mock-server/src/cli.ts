#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createMockServer } from './create-mock-server.js';
import { defaultFixturesRoot } from './default-fixtures-root.js';
import { mockScenarios } from './read-scenario.js';

const help = `rill-mock-server: a deterministic OpenAI Responses API server on 127.0.0.1

Options:
  -p, --port <n>        port (0 = any free port)                 default 8787
  --delay <ms>          pause between the events of every stream  default 20
  --slow-delay <ms>     pause of the "slow" scenario              default 250
  --scenario <list>     scenarios for every request, e.g. "slow=80"
  --api-key <key>       require "Authorization: Bearer <key>"
  --fixtures <dir>      folder for GET /fixtures/...   default $RILL_FIXTURES or ../shared/fixtures
  -h, --help            this help`;

function integer(value: string, name: string): number {
  if (!/^\d+$/.test(value))
    throw new TypeError(`--${name} expects a non-negative integer, got "${value}".`);
  return Number(value);
}

async function main(argv: string[]): Promise<void> {
  // `pnpm start -- --port 8787` passes the `--` through.
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', short: 'p', default: '8787' },
      delay: { type: 'string', default: '20' },
      'slow-delay': { type: 'string', default: '250' },
      scenario: { type: 'string' },
      'api-key': { type: 'string' },
      fixtures: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(help);
  const fixturesRoot = values.fixtures ?? defaultFixturesRoot();
  const server = await createMockServer({
    port: integer(values.port, 'port'),
    eventDelayMs: integer(values.delay, 'delay'),
    slowDelayMs: integer(values['slow-delay'], 'slow-delay'),
    fixturesRoot,
    ...(values.scenario === undefined ? {} : { scenario: values.scenario }),
    ...(values['api-key'] === undefined ? {} : { apiKey: values['api-key'] }),
  });
  const width = Math.max(...mockScenarios.map((scenario) => scenario.usage.length));
  console.log(`rill mock server listening on ${server.url}

  OpenAI base URL  ${server.url}/v1   (API key: ${values['api-key'] === undefined ? 'anything' : 'the one given'})
  Stream           POST ${server.url}/v1/responses   {"model": "gpt-4.1", "input": "Hello", "stream": true}
  Resume           GET  ${server.url}/v1/responses/{id}?stream=true&starting_after=N
  Recordings       GET  ${server.url}/fixtures   then /fixtures/<path>?chunk=whole|event|random|bytes&delayMs=30
                   from ${fixturesRoot}

Scenarios: header "x-mock-scenario: <list>", or "[mock:<list>]" in the user message:
${mockScenarios.map((scenario) => `  ${scenario.usage.padEnd(width)}  ${scenario.description}`).join('\n')}

Press Ctrl+C to stop.`);
  const stop = () => {
    void server.close().then(() => console.log('rill mock server stopped.'));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
