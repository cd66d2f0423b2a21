/** One call a {@link FakeFetch} received. */
export interface FetchCall {
  url: string;
  init: RequestInit;
}

/** A `fetch` double that records its calls and answers from the test. */
export interface FakeFetch {
  fetch: typeof fetch;
  calls: FetchCall[];
}

/**
 * Creates a {@link FakeFetch}.
 *
 * @param respond - the body (or whole Response) for the n-th call, counting from 0
 */
export function createFakeFetch(
  respond: (call: number, url: string, init: RequestInit) => ReadableStream<Uint8Array> | Response,
): FakeFetch {
  const calls: FetchCall[] = [];
  const fake = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    calls.push({ url, init });
    const answer = respond(calls.length - 1, url, init);
    return Promise.resolve(
      answer instanceof Response
        ? answer
        : new Response(answer, { headers: { 'content-type': 'text/event-stream' } }),
    );
  };
  return { fetch: fake as typeof fetch, calls };
}
