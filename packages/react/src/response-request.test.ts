import { createResponseStore } from '@rill/core';
import { describe, expect, it } from 'vitest';
import { isResponseRequest, requestInit, resumeRequest, sendRequest } from './response-request.js';

describe('requestInit', () => {
  it('posts a JSON body asking for an event stream', () => {
    const signal = new AbortController().signal;
    const init = requestInit({ url: '/v1/responses', body: { input: 'Hi', stream: true } }, signal);
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"input":"Hi","stream":true}');
    expect(init.signal).toBe(signal);
    const headers = new Headers(init.headers);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('accept')).toBe('text/event-stream');
  });

  it('lets headers win over init.headers, which win over the defaults', () => {
    const init = requestInit(
      {
        url: '/v1/responses',
        headers: { authorization: 'Bearer a', 'x-one': '1' },
        init: {
          headers: { authorization: 'Bearer b', accept: 'application/x-ndjson' },
          credentials: 'include',
        },
      },
      new AbortController().signal,
    );
    const headers = new Headers(init.headers);
    expect(headers.get('authorization')).toBe('Bearer a');
    expect(headers.get('accept')).toBe('application/x-ndjson');
    expect(headers.get('x-one')).toBe('1');
    expect(init.credentials).toBe('include');
    expect(init.method).toBe('GET');
    expect(headers.has('content-type')).toBe(false);
  });
});

describe('isResponseRequest', () => {
  it('tells a request description from the sources the core reads', () => {
    expect(isResponseRequest({ url: '/v1/responses' })).toBe(true);
    expect(isResponseRequest(new Response('data: {}\n\n'))).toBe(false);
    expect(isResponseRequest(new ReadableStream())).toBe(false);
    expect(isResponseRequest('data: {}\n\n')).toBe(false);
    expect(isResponseRequest([{ type: 'keepalive' }])).toBe(false);
  });
});

describe('sendRequest', () => {
  it('turns a fetch that fails into a read_error problem, so the stream ends interrupted', async () => {
    const failing = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    const source = await sendRequest(
      { url: '/v1/responses', fetch: failing },
      new AbortController().signal,
    );
    const state = await createResponseStore().read(source);
    expect(state.status).toBe('interrupted');
    expect(state.problems).toEqual([
      expect.objectContaining({
        kind: 'read_error',
        message: 'The request failed: Failed to fetch',
      }),
    ]);
  });
});

describe('resumeRequest', () => {
  it('gets the resume URL with the original headers, fetch and init, without the body', () => {
    const fake = (() => Promise.reject(new Error('unused'))) as typeof fetch;
    const request = resumeRequest('/v1/responses/r?stream=true', {
      url: '/v1/responses',
      body: { input: 'Hi' },
      method: 'POST',
      headers: { authorization: 'Bearer a' },
      fetch: fake,
      init: { credentials: 'include', body: 'raw', method: 'PUT' },
    });
    expect(request).toEqual({
      url: '/v1/responses/r?stream=true',
      method: 'GET',
      headers: { authorization: 'Bearer a' },
      fetch: fake,
      init: { credentials: 'include' },
    });
  });
});
