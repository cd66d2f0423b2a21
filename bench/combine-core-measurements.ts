import type { BenchRow, CoreMeasurement, ScalingRow, Speedup } from './core.bench.js';
import { median } from './stats.js';

/**
 * Combines what several processes of the core bench measured (each a {@link CoreMeasurement})
 * into one: every ratio and time is the median of the processes' values, run counts add up, and
 * `perProcess` keeps each process's value in the order they ran, so a slow process stays visible
 * in the report while it cannot decide the result alone.
 *
 * Ratios are combined as ratios (the median of the processes' paired ratios), never recomputed
 * from combined times: each process's ratio pairs runs a moment apart, which a ratio of times
 * from different processes would not.
 *
 * @param measurements - one per process, in the order they ran; the same inputs, rows and
 *   targets in each
 * @throws Error when there are none, or when a process lacks a row the first one has
 */
export function combineCoreMeasurements(measurements: readonly CoreMeasurement[]): CoreMeasurement {
  const [first] = measurements;
  if (first === undefined) throw new Error('core bench: no process measured anything');
  const matching = <Entry>(
    list: (measurement: CoreMeasurement) => readonly Entry[],
    same: (entry: Entry) => boolean,
    what: string,
  ): Entry[] =>
    measurements.map((measurement, index) => {
      const entry = list(measurement).find(same);
      if (entry === undefined) throw new Error(`core bench: process ${index + 1} lacks ${what}`);
      return entry;
    });

  const rows = first.rows.map((row): BenchRow => {
    const all = matching(
      (measurement) => measurement.rows,
      (other) =>
        other.input === row.input &&
        other.chunking === row.chunking &&
        other.contestant === row.contestant,
      `the row "${row.contestant}" (${row.input}, ${row.chunking})`,
    );
    return {
      input: row.input,
      chunking: row.chunking,
      contestant: row.contestant,
      ms: median(all.map((each) => each.ms)),
      minMs: Math.min(...all.map((each) => each.minMs)),
      runs: all.reduce((sum, each) => sum + each.runs, 0),
      vsCeiling: median(all.map((each) => each.vsCeiling)),
      perProcess: all.flatMap((each) => each.perProcess),
    };
  });

  const scaling = first.scaling.map((row): ScalingRow => {
    const all = matching(
      (measurement) => measurement.scaling,
      (other) => other.input === row.input && other.chunking === row.chunking,
      `the scaling row (${row.input}, ${row.chunking})`,
    );
    return {
      input: row.input,
      chunking: row.chunking,
      smallEvents: row.smallEvents,
      largeEvents: row.largeEvents,
      smallMs: median(all.map((each) => each.smallMs)),
      largeMs: median(all.map((each) => each.largeMs)),
      ratio: median(all.map((each) => each.ratio)),
      runs: all.reduce((sum, each) => sum + each.runs, 0),
      perProcess: all.flatMap((each) => each.perProcess),
    };
  });

  const speedups = first.speedups.map((entry): Speedup => {
    const all = matching(
      (measurement) => measurement.speedups,
      (other) => other.input === entry.input && other.chunking === entry.chunking,
      `the speedup (${entry.input}, ${entry.chunking})`,
    );
    return {
      input: entry.input,
      chunking: entry.chunking,
      speedup: median(all.map((each) => each.speedup)),
      perProcess: all.flatMap((each) => each.perProcess),
    };
  });

  return {
    machine: first.machine,
    inputs: first.inputs,
    rows,
    scaling,
    speedups,
    runs: first.runs,
    warmup: first.warmup,
    seconds: measurements.reduce((sum, measurement) => sum + measurement.seconds, 0),
  };
}
