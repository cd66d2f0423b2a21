/**
 * Returns `next`, except that every part of it that deep-equals the same part of `previous` is
 * `previous`'s object instead. So a final response that repeats what was streamed keeps the
 * streamed objects, and components memoized on them do not render again.
 *
 * @param previous - the value held so far
 * @param next - the new value (plain JSON data)
 * @see https://github.com/TanStack/query/blob/main/packages/query-core/src/utils.ts (`replaceEqualDeep`)
 */
export function replaceEqualDeep<T>(previous: unknown, next: T): T {
  if (previous === next) return next;
  if (Array.isArray(previous) && Array.isArray(next)) {
    let equal = previous.length === next.length;
    const result = next.map((value, index) => {
      const kept = replaceEqualDeep(previous[index], value);
      if (kept !== previous[index]) equal = false;
      return kept;
    });
    return (equal ? previous : result) as T;
  }
  if (isPlainObject(previous) && isPlainObject(next)) {
    const previousKeys = Object.keys(previous);
    const nextKeys = Object.keys(next);
    let equal = previousKeys.length === nextKeys.length;
    const result: Record<string, unknown> = {};
    for (const key of nextKeys) {
      const kept = replaceEqualDeep(previous[key], next[key]);
      if (kept !== previous[key] || !Object.prototype.hasOwnProperty.call(previous, key))
        equal = false;
      result[key] = kept;
    }
    return (equal ? previous : result) as T;
  }
  return next;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
