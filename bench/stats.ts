/**
 * The median of some timings (the mean of the middle two for an even count).
 *
 * @param values - timings, in any order
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/**
 * A positive whole number from an environment variable (`BENCH_RUNS=3`), or the fallback.
 *
 * @param name - the variable
 * @param fallback - used when it is missing or not a positive number
 */
export function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}
