/**
 * The URL that streams a response again from where it stopped:
 * `GET {baseUrl}/responses/{id}?stream=true&starting_after={lastSequenceNumber}`, with
 * `baseUrl` taken from the URL that created it (`…/responses`). A query string on that URL
 * (Azure's `api-version`) is kept. Without a sequence number, `starting_after` is left out and
 * the server replays the whole response.
 *
 * @param requestUrl - the URL the response was created with, ending in `/responses`
 * @param responseId - the response's id
 * @param lastSequenceNumber - the last sequence number applied
 * @throws when `requestUrl` does not end in `/responses` (pass a `resumeUrl` option instead)
 *
 * @see https://platform.openai.com/docs/api-reference/responses/get
 *
 * @example
 * ```ts
 * resumeUrl('https://api.openai.com/v1/responses', 'resp_1', 41);
 * // 'https://api.openai.com/v1/responses/resp_1?stream=true&starting_after=41'
 * ```
 */
export function resumeUrl(
  requestUrl: string | URL,
  responseId: string,
  lastSequenceNumber: number | undefined,
): string {
  const text = String(requestUrl);
  const withoutHash = text.split('#', 1)[0] ?? '';
  const queryStart = withoutHash.indexOf('?');
  const path = (queryStart < 0 ? withoutHash : withoutHash.slice(0, queryStart)).replace(
    /\/+$/,
    '',
  );
  if (!path.endsWith('/responses')) {
    throw new Error(
      `Cannot tell where to resume from "${text}": it does not end in /responses. Pass a resumeUrl option.`,
    );
  }
  const query = new URLSearchParams(queryStart < 0 ? '' : withoutHash.slice(queryStart + 1));
  query.set('stream', 'true');
  if (lastSequenceNumber !== undefined) query.set('starting_after', String(lastSequenceNumber));
  return `${path}/${encodeURIComponent(responseId)}?${query}`;
}
