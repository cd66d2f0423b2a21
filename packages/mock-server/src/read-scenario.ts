import type { PlannedOutcome } from './plan-response.js';
import type { Pace } from './write-paced.js';

/** The names of the scenarios a request can ask for. */
export type ScenarioName =
  'unauthorized' | 'rate-limited' | 'error-event' | 'failed' | 'incomplete' | 'cut' | 'slow';

/** A scenario as the CLI and the README list it. */
export interface ScenarioDescription {
  name: ScenarioName;
  /** How to write it, e.g. `cut[=N]`. */
  usage: string;
  description: string;
}

/** Every scenario, with what it does. */
export const mockScenarios: readonly ScenarioDescription[] = [
  {
    name: 'unauthorized',
    usage: 'unauthorized',
    description: "HTTP 401 with OpenAI's invalid_api_key JSON body, before any event",
  },
  {
    name: 'rate-limited',
    usage: 'rate-limited',
    description: "HTTP 429 with OpenAI's rate_limit_exceeded JSON body (retry-after: 1)",
  },
  {
    name: 'error-event',
    usage: 'error-event',
    description:
      'half the answer, an `error` event (nested shape, server_error), then response.failed',
  },
  { name: 'failed', usage: 'failed', description: 'half the answer, then response.failed alone' },
  {
    name: 'incomplete',
    usage: 'incomplete',
    description:
      'the answer cut at half its tokens, then response.incomplete (reason max_output_tokens)',
  },
  {
    name: 'cut',
    usage: 'cut[=N]',
    description:
      'the connection is destroyed after N events (default: half of them), no terminal event; resumable',
  },
  {
    name: 'slow',
    usage: 'slow[=ms]',
    description: 'a pause of ms milliseconds (default: the slowDelayMs option) between events',
  },
];

/** What a request's scenario asks for, once every source is merged. */
export interface MockScenario {
  /** An HTTP error instead of a stream. */
  refusal: 'unauthorized' | 'rate-limited' | undefined;
  /** How the planned response ends. */
  outcome: PlannedOutcome;
  /** Destroy the connection after this many events (`'middle'`: half of them). */
  cutAfter: number | 'middle' | undefined;
  /** Pause between events, in milliseconds (`'default'`: the server's slow delay). */
  delay: number | 'default' | undefined;
}

/** What {@link readScenario} found: a scenario, or why a name or value is wrong. */
export type ReadScenarioResult =
  { ok: true; scenario: MockScenario } | { ok: false; message: string };

const MAGIC_WORD = /\[mock:([^\]]*)\]/gi;
const MAX_DELAY = 60_000;

/**
 * The scenario list written in magic words in a message: `[mock:cut]`, `[mock:slow=300]`,
 * `[mock:error-event, slow=50]`. Several tags add up.
 *
 * @param text - a user message
 */
export function magicWordsIn(text: string): string {
  return Array.from(text.matchAll(MAGIC_WORD), (match) => match[1] ?? '').join(',');
}

function readCount(value: string | undefined, name: string, minimum: number): number | string {
  const count = Number(value);
  if (!/^\d+$/.test(value ?? '') || count < minimum || count > MAX_DELAY)
    return `Invalid value for mock scenario '${name}': expected an integer from ${minimum} to ${MAX_DELAY}, got '${value}'.`;
  return count;
}

/**
 * Merges scenario lists (`"slow=100, cut"`), later lists winning: typically the server's
 * default, the magic words of the message, then the `x-mock-scenario` header.
 *
 * @param lists - comma- or space-separated `name` or `name=value` entries; `undefined` is skipped
 */
export function readScenario(lists: readonly (string | undefined)[]): ReadScenarioResult {
  const scenario: MockScenario = {
    refusal: undefined,
    outcome: 'completed',
    cutAfter: undefined,
    delay: undefined,
  };
  const entries = lists.flatMap((list) =>
    (list ?? '').split(/[\s,]+/).filter((entry) => entry !== ''),
  );
  for (const entry of entries) {
    const [name = '', value] = entry.toLowerCase().split('=', 2);
    if ((name === 'cut' || name === 'slow') && value !== undefined) {
      const count = readCount(value, name, name === 'cut' ? 1 : 0);
      if (typeof count === 'string') return { ok: false, message: count };
      if (name === 'cut') scenario.cutAfter = count;
      else scenario.delay = count;
      continue;
    }
    const known = mockScenarios.some((description) => description.name === name);
    if (!known || value !== undefined)
      return {
        ok: false,
        message: `Unknown mock scenario '${entry}'. Known: ${mockScenarios.map((description) => description.usage).join(', ')}.`,
      };
    if (name === 'unauthorized' || name === 'rate-limited') scenario.refusal = name;
    else if (name === 'cut') scenario.cutAfter = 'middle';
    else if (name === 'slow') scenario.delay = 'default';
    else scenario.outcome = name as PlannedOutcome;
  }
  return { ok: true, scenario };
}

/**
 * How to deliver a stream of `count` events for a scenario: its pause (`slow`, else the
 * server's pace) and where a `cut` falls. A cut always leaves the terminal event out, and
 * always delivers at least one event.
 *
 * @param scenario - the request's scenario
 * @param count - how many events the stream has
 * @param delays - the server's pace and its `slow` default, in milliseconds
 */
export function paceOf(
  scenario: MockScenario,
  count: number,
  delays: { eventDelayMs: number; slowDelayMs: number },
): Required<Pace> {
  const { delay, cutAfter: cut } = scenario;
  const delayMs = delay === 'default' ? delays.slowDelayMs : (delay ?? delays.eventDelayMs);
  if (cut === undefined) return { delayMs, cutAfter: undefined };
  const wanted = cut === 'middle' ? Math.floor(count / 2) : cut;
  return { delayMs, cutAfter: Math.max(1, Math.min(wanted, count - 1)) };
}
