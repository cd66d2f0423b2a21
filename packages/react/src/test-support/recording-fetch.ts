/** A request a {@link RecordingFetch} passed on: its URL, JSON body and headers. */
export interface RecordedRequest {
  url: string;
  method: string;
  body: Record<string, unknown> | undefined;
  headers: Headers;
  /** The request's signal: aborted when the stream was stopped. */
  signal: AbortSignal | undefined;
}

/** A `fetch` that records each request's body and passes it on to the real one. */
export interface RecordingFetch {
  fetch: typeof fetch;
  requests: RecordedRequest[];
}

/**
 * Creates a {@link RecordingFetch} over `globalThis.fetch` (looked up at each call: under
 * happy-dom it is happy-dom's, which speaks real HTTP to 127.0.0.1).
 */
export function createRecordingFetch(): RecordingFetch {
  const requests: RecordedRequest[] = [];
  const recording = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    requests.push({
      url: String(input),
      method: init.method ?? 'GET',
      body:
        typeof init.body === 'string'
          ? (JSON.parse(init.body) as Record<string, unknown>)
          : undefined,
      headers: new Headers(init.headers),
      signal: init.signal ?? undefined,
    });
    return globalThis.fetch(input, init);
  };
  return { fetch: recording as typeof fetch, requests };
}
