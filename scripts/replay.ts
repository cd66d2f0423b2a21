/**
 * Replays a recorded Responses API stream in the terminal, the way a UI would see it: the bytes
 * arrive in small chunks, the text streams in, then the final state is printed.
 *
 *   pnpm replay [path under shared/fixtures] [--fast]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createResponseStore, type ResponseState } from '@rill/core';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = resolve(process.env['RILL_FIXTURES'] ?? join(here, '../../shared/fixtures'));
const args = process.argv.slice(2);
const fast = args.includes('--fast');
const name = args.find((arg) => !arg.startsWith('--')) ?? 'seeds/openai-function-call.sse';
const bytes = new Uint8Array(readFileSync(join(fixtures, name)));

function paced(chunkSize: number, delayMs: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    async pull(controller) {
      if (offset >= bytes.length) return controller.close();
      if (delayMs > 0) await new Promise((done) => setTimeout(done, delayMs));
      controller.enqueue(bytes.subarray(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

const store = createResponseStore();
let printed = 0;
store.subscribe(() => {
  const { text } = store.getSnapshot();
  if (text.length > printed) {
    process.stdout.write(text.slice(printed));
    printed = text.length;
  }
});

console.log(`▶ ${name} (${bytes.length.toLocaleString()} bytes)\n`);
const state: ResponseState = await store.read(paced(256, fast ? 0 : 8));
if (printed > 0) process.stdout.write('\n');

const summary = {
  status: state.status,
  responseId: state.response?.id,
  model: state.response?.model,
  events: state.eventCount,
  lastSequenceNumber: state.lastSequenceNumber,
  textLength: state.text.length,
  toolCalls: state.toolCalls.map((call) => ({
    kind: call.kind,
    name: call.name,
    state: call.state,
    input: call.input ?? (call.arguments ? `${call.arguments.slice(0, 80)}…` : undefined),
  })),
  problems: state.problems,
  error: state.error,
};
console.log('\n■ final state');
console.log(JSON.stringify(summary, null, 2));
