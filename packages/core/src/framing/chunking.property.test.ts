import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createFrameParser,
  createStreamParser,
  reduceResponseEvents,
  type FramingOptions,
  type ResponseState,
  type StreamEvent,
} from '../index.js';
import { loadFixtures, type Fixture } from '../test-support/fixtures.js';
import { concatBytes } from '../test-support/concat-bytes.js';

// ---------------------------------------------------------------------------------------------
// Helpers

const encoder = new TextEncoder();
const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

const concat = concatBytes;

/** Splits bytes at the given cut points (any order, duplicates and out-of-range ignored). */
function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.filter((cut) => cut > 0 && cut < bytes.length))].sort(
    (a, b) => a - b,
  );
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  return chunks;
}

/** Splits bytes into consecutive chunks whose sizes cycle through `sizes` (each ≥ 1). */
function splitBySizes(bytes: Uint8Array, sizes: readonly number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (let index = 0; start < bytes.length; index++) {
    const size = sizes[index % sizes.length] ?? bytes.length;
    chunks.push(bytes.subarray(start, start + size));
    start += size;
  }
  return chunks;
}

/** A way to cut a body of `length` bytes: random cut points, or small chunk sizes. */
type Chunking = { cuts: number[] } | { sizes: number[] };

function chunkingArb(length: number): fc.Arbitrary<Chunking> {
  return fc.oneof(
    fc.record({ cuts: fc.array(fc.nat({ max: Math.max(length, 1) }), { maxLength: 64 }) }),
    fc.record({
      sizes: fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }),
    }),
  );
}

function chunk(bytes: Uint8Array, chunking: Chunking): Uint8Array[] {
  return 'cuts' in chunking ? splitAt(bytes, chunking.cuts) : splitBySizes(bytes, chunking.sizes);
}

function parseChunks(chunks: readonly Uint8Array[], options: FramingOptions = {}): StreamEvent[] {
  const parser = createStreamParser(options);
  const out: StreamEvent[] = [];
  for (const piece of chunks) out.push(...parser.push(piece));
  out.push(...parser.end());
  return out;
}

function preview(value: unknown): string {
  return (JSON.stringify(value) ?? String(value)).slice(0, 400);
}

/**
 * Throws unless the values are deep-equal (`-0` and `0` differ). Inside properties, a cheap
 * message keeps fast-check's shrinking quick; for arrays it names the first difference.
 */
function expectDeepEqual(actual: unknown, expected: unknown): void {
  if (isDeepStrictEqual(actual, expected)) return;
  if (Array.isArray(actual) && Array.isArray(expected)) {
    const at = Array.from({ length: Math.max(actual.length, expected.length) }, (_, i) => i).find(
      (i) => !isDeepStrictEqual(actual[i], expected[i]),
    );
    throw new Error(
      `Arrays differ at [${at}] (lengths ${actual.length} and ${expected.length}):\n` +
        `  actual:   ${preview(actual[at ?? 0])}\n  expected: ${preview(expected[at ?? 0])}`,
    );
  }
  throw new Error(
    `Values differ:\n  actual:   ${preview(actual)}\n  expected: ${preview(expected)}`,
  );
}

/** What must not depend on the framing: the final state, without the reducer's bookkeeping. */
function summary(state: ResponseState): Record<string, unknown> {
  return {
    status: state.status,
    response: state.response,
    text: state.text,
    toolCalls: state.toolCalls.map(({ item: _item, ...rest }) => rest),
    toolCallItems: state.toolCalls.map((call) => call.item),
    problemKinds: state.problems.map((problem) => problem.kind),
    lastSequenceNumber: state.lastSequenceNumber,
    error: state.error,
  };
}

const fixtures = loadFixtures();

/** The events of a recording, parsed in one chunk (the reference of every property below). */
const reference = new Map<Fixture, StreamEvent[]>(
  fixtures.map((fixture) => [fixture, parseChunks([fixture.bytes])]),
);

function referenceOf(fixture: Fixture): StreamEvent[] {
  const events = reference.get(fixture);
  if (!events) throw new Error(`no reference for ${fixture.name}`);
  return events;
}

/** The server's own events of a parse: rill's markers (`rill.done`, `rill.end`) left out. */
function wireEvents(events: readonly StreamEvent[]): StreamEvent[] {
  return events.filter((event) => !event.type.startsWith('rill.'));
}

// ---------------------------------------------------------------------------------------------
// Synthetic responses: text messages and function calls with awkward text in them.

interface MessageSpec {
  kind: 'message';
  deltas: string[];
}
interface FunctionSpec {
  kind: 'function';
  name: string;
  args: string;
  cuts: number[];
}
interface ResponseSpec {
  items: (MessageSpec | FunctionSpec)[];
  ending: 'completed' | 'incomplete' | 'failed' | 'error' | 'none';
}

/** Text that is hard to frame: line breaks, SSE syntax, `[DONE]`, U+2028, a BOM, astral characters. */
const awkwardText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    '\n',
    '\r\n',
    '\r',
    '\n\n',
    'data: x',
    'event: y',
    ': comment',
    '[DONE]',
    '\u2028\u2029',
    '\uFEFF',
    '\0',
    'é😀中',
    '{"type":"rill.end"}',
    '"\\',
  ),
);

const responseSpecArb: fc.Arbitrary<ResponseSpec> = fc.record({
  items: fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constant('message' as const),
        deltas: fc.array(awkwardText, { maxLength: 6 }),
      }),
      fc.record({
        kind: fc.constant('function' as const),
        name: fc.stringMatching(/^[a-z_]{1,12}$/),
        args: fc
          .dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), {
            maxKeys: 4,
          })
          .map((value) => JSON.stringify(value)),
        cuts: fc.array(fc.nat({ max: 200 }), { maxLength: 6 }),
      }),
    ),
    { maxLength: 4 },
  ),
  ending: fc.constantFrom('completed', 'incomplete', 'failed', 'error', 'none'),
});

/** The events of a synthetic response, as a server would send them. */
function buildEvents(spec: ResponseSpec): StreamEvent[] {
  const events: StreamEvent[] = [];
  let sequence = 0;
  const emit = (event: Record<string, unknown>): void => {
    events.push({ ...event, sequence_number: sequence++ } as StreamEvent);
  };
  const response = (status: string, output: unknown[]): Record<string, unknown> => ({
    id: 'resp_1',
    object: 'response',
    created_at: 1_700_000_000,
    model: 'gpt-test',
    status,
    output,
    error: null,
    incomplete_details: null,
  });
  emit({ type: 'response.created', response: response('in_progress', []) });
  emit({ type: 'response.in_progress', response: response('in_progress', []) });
  const output: unknown[] = [];
  spec.items.forEach((item, index) => {
    if (item.kind === 'message') {
      const id = `msg_${index}`;
      const at = { item_id: id, output_index: index, content_index: 0 };
      const added = { id, type: 'message', role: 'assistant', status: 'in_progress', content: [] };
      emit({ type: 'response.output_item.added', output_index: index, item: added });
      emit({
        type: 'response.content_part.added',
        ...at,
        part: { type: 'output_text', text: '', annotations: [] },
      });
      for (const delta of item.deltas) {
        emit({ type: 'response.output_text.delta', ...at, delta, logprobs: [] });
      }
      const text = item.deltas.join('');
      const part = { type: 'output_text', text, annotations: [] };
      emit({ type: 'response.output_text.done', ...at, text, logprobs: [] });
      emit({ type: 'response.content_part.done', ...at, part });
      const done = { ...added, status: 'completed', content: [part] };
      emit({ type: 'response.output_item.done', output_index: index, item: done });
      output.push(done);
    } else {
      const id = `fc_${index}`;
      const added = {
        id,
        type: 'function_call',
        call_id: `call_${index}`,
        name: item.name,
        arguments: '',
        status: 'in_progress',
      };
      emit({ type: 'response.output_item.added', output_index: index, item: added });
      for (const piece of cutString(item.args, item.cuts)) {
        emit({
          type: 'response.function_call_arguments.delta',
          item_id: id,
          output_index: index,
          delta: piece,
        });
      }
      emit({
        type: 'response.function_call_arguments.done',
        item_id: id,
        output_index: index,
        arguments: item.args,
      });
      const done = { ...added, arguments: item.args, status: 'completed' };
      emit({ type: 'response.output_item.done', output_index: index, item: done });
      output.push(done);
    }
  });
  switch (spec.ending) {
    case 'completed':
    case 'incomplete':
    case 'failed':
      emit({ type: `response.${spec.ending}`, response: response(spec.ending, output) });
      break;
    case 'error':
      emit({ type: 'error', code: 'server_error', message: 'Something broke.', param: null });
      break;
    case 'none':
      break;
  }
  return events;
}

/** Cuts text into consecutive pieces at the given code-unit positions (taken modulo its length). */
function cutString(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))]
    .filter((cut) => cut > 0 && cut < text.length)
    .sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const point of [...points, text.length]) {
    pieces.push(text.slice(start, point));
    start = point;
  }
  return pieces;
}

// ---------------------------------------------------------------------------------------------
// Serialising events: SSE with `event:` + `data:`, data-only SSE, Bedrock order, multi-line
// data, or NDJSON; with LF, CRLF or CR line ends; with keepalives, ids, a BOM and `[DONE]`.

interface Serialisation {
  style: 'sse' | 'sse-data-only' | 'sse-data-first' | 'sse-multiline' | 'ndjson';
  eol: '\n' | '\r\n' | '\r';
  bom: boolean;
  /** Insert a keepalive (comment, `event: ping`, blank lines) after every Nth event; 0 for none. */
  keepaliveEvery: number;
  /** Send `id:` (and a `retry:`) lines. */
  ids: boolean;
  /** End with `data: [DONE]` (SSE only). */
  done: boolean;
}

const serialisationArb: fc.Arbitrary<Serialisation> = fc
  .record({
    style: fc.constantFrom(
      'sse' as const,
      'sse-data-only' as const,
      'sse-data-first' as const,
      'sse-multiline' as const,
      'ndjson' as const,
    ),
    eol: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
    bom: fc.boolean(),
    keepaliveEvery: fc.integer({ min: 0, max: 4 }),
    ids: fc.boolean(),
    done: fc.boolean(),
  })
  // NDJSON splits on LF (the checklist, §1.2): no CR-only line ends for it.
  .map((serialisation) =>
    serialisation.style === 'ndjson' && serialisation.eol === '\r'
      ? { ...serialisation, eol: '\n' as const }
      : serialisation,
  );

interface Serialised {
  bytes: Uint8Array;
  /** The byte offset just after each frame that dispatches an event (`[DONE]` included). */
  frameEnds: number[];
}

function serialise(events: readonly StreamEvent[], how: Serialisation): Serialised {
  const { eol } = how;
  const pieces: Uint8Array[] = [];
  const frameEnds: number[] = [];
  let offset = 0;
  const write = (text: string): void => {
    const bytes = encoder.encode(text);
    pieces.push(bytes);
    offset += bytes.length;
  };
  if (how.bom) {
    pieces.push(BOM);
    offset += BOM.length;
  }
  const sse = how.style !== 'ndjson';
  const keepalive = (index: number): void => {
    if (how.keepaliveEvery === 0 || index % how.keepaliveEvery !== 0) return;
    if (sse) {
      write(
        [': keepalive', '', 'event: ping', '', ':', 'retry: 1000', 'foo: bar', '', ''].join(eol),
      );
    } else {
      write(['', '   ', '\t', ''].join(eol));
    }
  };
  if (sse && how.keepaliveEvery > 0) write(`: OPENROUTER PROCESSING${eol}${eol}`);
  events.forEach((event, index) => {
    const json = JSON.stringify(event);
    const id = how.ids ? `id: ${index}${eol}` : '';
    switch (how.style) {
      case 'sse':
        write(`${id}event: ${event.type}${eol}data: ${json}${eol}${eol}`);
        break;
      case 'sse-data-only':
        write(`${id}data: ${json}${eol}${eol}`);
        break;
      case 'sse-data-first':
        write(`data: ${json}${eol}${id}event: ${event.type}${eol}${eol}`);
        break;
      case 'sse-multiline':
        write(
          `${id}event: ${event.type}${eol}` +
            JSON.stringify(event, null, 1)
              .split('\n')
              .map((line) => `data: ${line}${eol}`)
              .join('') +
            eol,
        );
        break;
      case 'ndjson':
        write(json + eol);
        break;
    }
    frameEnds.push(offset);
    keepalive(index + 1);
  });
  if (sse && how.done) {
    write(`data: [DONE]${eol}${eol}`);
    frameEnds.push(offset);
  }
  return { bytes: concat(pieces), frameEnds };
}

/** The byte offsets just after each frame of a recording (LF line ends only). */
function recordedFrameEnds(fixture: Fixture): number[] {
  const text = new TextDecoder().decode(fixture.bytes);
  expect(text.includes('\r')).toBe(false);
  const ends: number[] = [];
  const sse = /\.sse$/.test(fixture.name);
  const terminator = sse ? '\n\n' : '\n';
  let start = 0;
  let offset = 0;
  while (start < text.length) {
    const at = text.indexOf(terminator, start);
    const end = at === -1 ? text.length : at + terminator.length;
    const block = text.slice(start, end);
    offset += encoder.encode(block).length;
    const dispatches = sse ? /^data(:|$)/m.test(block) : block.trim() !== '';
    if (dispatches) ends.push(offset);
    start = end;
  }
  return ends;
}

// ---------------------------------------------------------------------------------------------
// (a) Chunking never changes the events.

describe('chunking: any split of the bytes gives the events of one chunk', () => {
  it('finds the recordings', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(66);
  });

  for (const fixture of fixtures) {
    it(`${fixture.name}: random splits give the same events as one chunk`, () => {
      const expected = referenceOf(fixture);
      expect(expected.length).toBeGreaterThan(1);
      fc.assert(
        fc.property(chunkingArb(fixture.bytes.length), (chunking) => {
          expectDeepEqual(parseChunks(chunk(fixture.bytes, chunking)), expected);
        }),
        { numRuns: fixture.bytes.length > 100_000 ? 8 : 25 },
      );
      if (fixture.bytes.length <= 16_384) {
        expectDeepEqual(parseChunks(splitBySizes(fixture.bytes, [1])), expected);
      }
    });
  }

  it('holds for arbitrary bytes too: CR/LF at chunk ends, BOMs, split characters, invalid UTF-8, small line limits, every format', () => {
    const token = fc.oneof(
      fc.constantFrom(
        'data:',
        'data: ',
        'event: x',
        'event: error',
        'id: 1',
        'id',
        'retry: 10',
        ':c',
        '\n',
        '\r',
        '\r\n',
        '\n\n',
        '{"type":"t"}',
        '{"error":{}}',
        '{',
        '}',
        '<',
        '[DONE]',
        'é',
        '😀',
        ' ',
        'x'.repeat(30),
      ),
      fc.constantFrom([0xff], [0xef, 0xbb, 0xbf], [0xe2, 0x82], [0xf0, 0x9f], [0x00]),
    );
    const body = fc
      .array(token, { maxLength: 40 })
      .map((tokens) =>
        concat(tokens.map((t) => (typeof t === 'string' ? encoder.encode(t) : Uint8Array.from(t)))),
      );
    const options = fc.record(
      {
        format: fc.constantFrom('auto' as const, 'sse' as const, 'ndjson' as const),
        maxLineLength: fc.integer({ min: 0, max: 40 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        body,
        options,
        fc.array(fc.nat({ max: 400 }), { maxLength: 20 }),
        (bytes, opts, cuts) => {
          expectDeepEqual(parseChunks(splitAt(bytes, cuts), opts), parseChunks([bytes], opts));
          expectDeepEqual(parseChunks(splitBySizes(bytes, [1]), opts), parseChunks([bytes], opts));
          const frames = (chunks: Uint8Array[]): unknown[] => {
            const parser = createFrameParser(opts);
            const out = chunks.flatMap((piece) => parser.push(piece));
            return [...out, ...parser.end(), parser.lastEventId, parser.retry, parser.format];
          };
          expectDeepEqual(frames(splitAt(bytes, cuts)), frames([bytes]));
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (b) The framing never changes the state.

describe('framing: the same events in any framing give the same state', () => {
  function expectSameOutcome(
    sent: readonly StreamEvent[],
    how: Serialisation,
    chunking: Chunking,
  ): void {
    // What JSON can carry: a recorded `-0.0` comes back as `0` from any serialisation.
    const events = JSON.parse(JSON.stringify(sent)) as StreamEvent[];
    const expectedState = summary(
      reduceResponseEvents(undefined, [...events, { type: 'rill.end' }]),
    );
    const { bytes } = serialise(events, how);
    const parsed = parseChunks(chunk(bytes, chunking));
    expectDeepEqual(wireEvents(parsed), events);
    expectDeepEqual(summary(reduceResponseEvents(undefined, parsed)), expectedState);
  }

  it('holds for generated responses', () => {
    fc.assert(
      fc.property(
        responseSpecArb,
        serialisationArb,
        fc.array(fc.nat({ max: 4000 }), { maxLength: 30 }),
        (spec, how, cuts) => {
          const events = buildEvents(spec);
          const state = reduceResponseEvents(undefined, [...events, { type: 'rill.end' }]);
          // The synthetic events are well-formed: the reducer finds nothing wrong with them.
          expectDeepEqual(state.problems, []);
          expectSameOutcome(events, how, { cuts });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('holds for the events of every recording', () => {
    const recorded = fixtures.map((fixture) => wireEvents(referenceOf(fixture)));
    fc.assert(
      fc.property(
        fc.nat({ max: recorded.length - 1 }),
        serialisationArb,
        fc.array(fc.nat({ max: 400_000 }), { maxLength: 40 }),
        (index, how, cuts) => {
          expectSameOutcome(recorded[index] ?? [], how, { cuts });
        },
      ),
      { numRuns: 120 },
    );
  });

  it('holds for every style and line end on one recording', () => {
    const fixture = fixtures.find(
      (candidate) => candidate.name === 'seeds/openai-function-call.sse',
    );
    if (!fixture) throw new Error('seed recording missing');
    const events = wireEvents(referenceOf(fixture));
    for (const style of [
      'sse',
      'sse-data-only',
      'sse-data-first',
      'sse-multiline',
      'ndjson',
    ] as const) {
      for (const eol of ['\n', '\r\n', '\r'] as const) {
        if (style === 'ndjson' && eol === '\r') continue;
        for (const bom of [false, true]) {
          expectSameOutcome(
            events,
            { style, eol, bom, keepaliveEvery: bom ? 2 : 0, ids: bom, done: bom },
            { cuts: [] },
          );
        }
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// (c) Corruption never throws and never touches what came before it.

type Corruption =
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number };

const corruptionArb: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 16 }),
      fc
        .constantFrom(
          '\n',
          '\r',
          '\n\n',
          'data: {',
          '<html>',
          'event: rill.end\n',
          '{"a":',
          ':\n',
          '\uFEFF',
        )
        .map((text) => encoder.encode(text)),
      fc.constantFrom(Uint8Array.of(0xff), Uint8Array.of(0xe2, 0x82), Uint8Array.of(0xf0)),
    ),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 64 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

/** The corrupted body, and the offset of its first corrupted byte. */
function corrupt(bytes: Uint8Array, corruption: Corruption): { bytes: Uint8Array; from: number } {
  switch (corruption.kind) {
    case 'insert': {
      const at = corruption.at % (bytes.length + 1);
      return {
        bytes: concat([bytes.subarray(0, at), corruption.bytes, bytes.subarray(at)]),
        from: at,
      };
    }
    case 'delete': {
      const at = corruption.at % Math.max(bytes.length, 1);
      return {
        bytes: concat([bytes.subarray(0, at), bytes.subarray(at + corruption.length)]),
        from: at,
      };
    }
    case 'truncate': {
      const at = corruption.at % (bytes.length + 1);
      return { bytes: bytes.subarray(0, at), from: at };
    }
  }
}

describe('corruption: never throws, and every event before the damage is kept', () => {
  function check(
    bytes: Uint8Array,
    frameEnds: readonly number[],
    expected: readonly StreamEvent[],
    corruption: Corruption,
    cuts: readonly number[],
  ): void {
    const damaged = corrupt(bytes, corruption);
    const intact = frameEnds.filter((end) => end <= damaged.from).length;
    // Never throws (an exception fails the property with its counterexample).
    const parsed = parseChunks(splitAt(damaged.bytes, cuts));
    expectDeepEqual(parsed.slice(0, intact), expected.slice(0, intact));
    // The reducer takes whatever the parser made of the damage without throwing.
    expect(reduceResponseEvents(undefined, parsed).status).not.toBe('idle');
    // Ends with exactly one `rill.end`.
    expectDeepEqual(
      parsed.flatMap((event, index) => (event.type === 'rill.end' ? [index] : [])),
      [parsed.length - 1],
    );
  }

  it('holds for generated responses in every framing', () => {
    fc.assert(
      fc.property(
        responseSpecArb,
        serialisationArb,
        corruptionArb,
        fc.array(fc.nat({ max: 4000 }), { maxLength: 20 }),
        (spec, how, corruption, cuts) => {
          const { bytes, frameEnds } = serialise(buildEvents(spec), how);
          const expected = parseChunks([bytes]);
          expectDeepEqual(expected.length, frameEnds.length + 1);
          check(bytes, frameEnds, expected, corruption, cuts);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('holds for the recordings', () => {
    const ends = new Map(fixtures.map((fixture) => [fixture, recordedFrameEnds(fixture)]));
    for (const fixture of fixtures) {
      // The independent frame scan agrees with the parser on the clean body.
      expect(ends.get(fixture)).toHaveLength(referenceOf(fixture).length - 1);
    }
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        corruptionArb,
        fc.array(fc.nat({ max: 400_000 }), { maxLength: 20 }),
        (fixture, corruption, cuts) => {
          check(fixture.bytes, ends.get(fixture) ?? [], referenceOf(fixture), corruption, cuts);
        },
      ),
      { numRuns: 150 },
    );
  });
});
