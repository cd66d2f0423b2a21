import { describe, expect, it } from 'vitest';
import { combineCoreMeasurements } from './combine-core-measurements.js';
import type { CoreMeasurement } from './core.bench.js';

/** One process's measurement of the 64 B text case: the ceiling, rill, and the SDK speedup. */
function measurement(
  rill: { ms: number; vsCeiling: number },
  scaling: number[],
  speedup: number,
): CoreMeasurement {
  const [smallMs = 0, largeMs = 0] = scaling;
  return {
    machine: { node: 'v20', cpu: 'test', cores: 2, platform: 'linux x64', gcExposed: true },
    inputs: [{ name: 'text', bytes: 1000, events: 10, deltas: 8 }],
    rows: [
      {
        input: 'text',
        chunking: '64 B',
        contestant: 'ceiling',
        ms: 100,
        minMs: 95,
        runs: 5,
        vsCeiling: 1,
        perProcess: [1],
      },
      {
        input: 'text',
        chunking: '64 B',
        contestant: 'rill',
        ms: rill.ms,
        minMs: rill.ms - 10,
        runs: 5,
        vsCeiling: rill.vsCeiling,
        perProcess: [rill.vsCeiling],
      },
    ],
    scaling: [
      {
        input: 'text',
        chunking: '64 B',
        smallEvents: 2,
        largeEvents: 8,
        smallMs,
        largeMs,
        ratio: largeMs / smallMs,
        runs: 5,
        perProcess: [largeMs / smallMs],
      },
    ],
    speedups: [{ input: 'text', chunking: '64 B', speedup, perProcess: [speedup] }],
    runs: 5,
    warmup: 3,
    seconds: 10,
  };
}

describe('combineCoreMeasurements', () => {
  it('reports the median of the processes, so one slow process does not decide a target', () => {
    const combined = combineCoreMeasurements([
      measurement({ ms: 220, vsCeiling: 0.46 }, [100, 210], 15),
      measurement({ ms: 300, vsCeiling: 0.34 }, [150, 420], 9),
      measurement({ ms: 230, vsCeiling: 0.44 }, [110, 230], 14),
    ]);
    const rill = combined.rows.find((row) => row.contestant === 'rill');
    expect(rill?.vsCeiling).toBe(0.44);
    expect(rill?.ms).toBe(230);
    expect(rill?.minMs).toBe(210);
    expect(combined.speedups[0]?.speedup).toBe(14);
  });

  it('keeps every process value in the order the processes ran, and adds up runs and seconds', () => {
    const combined = combineCoreMeasurements([
      measurement({ ms: 220, vsCeiling: 0.46 }, [100, 210], 15),
      measurement({ ms: 300, vsCeiling: 0.34 }, [150, 420], 9),
    ]);
    const rill = combined.rows.find((row) => row.contestant === 'rill');
    expect(rill?.perProcess).toEqual([0.46, 0.34]);
    expect(rill?.runs).toBe(10);
    expect(combined.speedups[0]?.perProcess).toEqual([15, 9]);
    expect(combined.scaling[0]?.perProcess).toEqual([2.1, 2.8]);
    expect(combined.seconds).toBe(20);
  });

  it('combines the scaling ratio as the median of ratios, not a ratio of combined times', () => {
    // Medians of the times would give 230 / 110 = 2.09; the processes' ratios are 2.1, 2.8, 2.0.
    const combined = combineCoreMeasurements([
      measurement({ ms: 220, vsCeiling: 0.46 }, [100, 210], 15),
      measurement({ ms: 300, vsCeiling: 0.34 }, [150, 420], 9),
      measurement({ ms: 230, vsCeiling: 0.44 }, [115, 230], 14),
    ]);
    expect(combined.scaling[0]?.ratio).toBe(2.1);
    expect(combined.scaling[0]?.smallMs).toBe(115);
    expect(combined.scaling[0]?.largeMs).toBe(230);
  });

  it('throws a clear error when a process lacks a row or none measured', () => {
    const partial = measurement({ ms: 220, vsCeiling: 0.46 }, [100, 210], 15);
    partial.rows = partial.rows.filter((row) => row.contestant !== 'rill');
    expect(() =>
      combineCoreMeasurements([measurement({ ms: 220, vsCeiling: 0.46 }, [100, 210], 15), partial]),
    ).toThrow('process 2 lacks the row "rill" (text, 64 B)');
    expect(() => combineCoreMeasurements([])).toThrow('no process measured anything');
  });
});
