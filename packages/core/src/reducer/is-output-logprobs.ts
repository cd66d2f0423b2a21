function isLogprob(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const entry = value as { token?: unknown; logprob?: unknown; bytes?: unknown };
  return (
    typeof entry.token === 'string' &&
    typeof entry.logprob === 'number' &&
    Array.isArray(entry.bytes) &&
    entry.bytes.every((byte) => typeof byte === 'number')
  );
}

/**
 * Whether streamed logprobs are complete enough to keep: the SDK (and so the reducer) drops
 * entries missing `bytes` or top-logprob fields rather than invent them.
 *
 * @param value - an event's `logprobs`
 */
export function isOutputLogprobs(value: unknown): value is unknown[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        isLogprob(entry) &&
        Array.isArray((entry as { top_logprobs?: unknown }).top_logprobs) &&
        (entry as { top_logprobs: unknown[] }).top_logprobs.every(isLogprob),
    )
  );
}
