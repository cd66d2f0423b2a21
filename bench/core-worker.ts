/**
 * One process of the core bench: runs {@link measureCore} and prints what it measured as JSON on
 * stdout (progress and BENCH_VERBOSE output go to stderr). `runCoreBench` starts one per
 * BENCH_PROCESSES, with the `@rill/source` condition, and combines their output.
 */
import { measureCore } from './core.bench.js';

// No top-level await, so the module can also be loaded from CommonJS.
measureCore().then(
  (measurement) => process.stdout.write(`${JSON.stringify(measurement)}\n`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
