import { Worker } from 'node:worker_threads';
import { ServiceUnavailableError } from '../core/errors.js';
import type { ArraysModel } from './suggestion-model.js';

/** What the HiGHS worker reports; values only when `status` is "optimal". */
export interface SolveOutcome {
  /** The model status by its HiGHS name: optimal, infeasible, unbounded, timeLimit, … */
  readonly status: string;
  readonly objective?: number;
  /** Column values in model order (arrays mode). */
  readonly colValue?: Float64Array;
  /** Column values by name (LP-text mode). */
  readonly primal?: Readonly<Record<string, number>>;
  readonly message?: string;
  /** Time inside the worker: model load and solve, without the worker's start-up. */
  readonly solveMs: number;
}

export type SolveJob =
  | { readonly mode: 'arrays'; readonly model: ArraysModel; readonly timeLimitSeconds: number }
  | { readonly mode: 'lp'; readonly lpText: string; readonly timeLimitSeconds: number };

const WORKER_URL = new URL('./highs-worker.mjs', import.meta.url);

/** Seconds beyond the solver's own time limit before the worker is stopped outright. */
const GRACE_SECONDS = 10;

/** Solves running at once per process: each takes a core, and the server must keep one for requests. */
const MAX_CONCURRENT_SOLVES = 1;
let running = 0;
const waiting: Array<() => void> = [];

async function withSolverSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_SOLVES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * Solves one model with HiGHS in its own worker thread, so the event loop keeps serving while it
 * runs; the worker ends after the job (its Wasm memory goes with it). Solves queue for one slot.
 */
export function solveInWorker(job: SolveJob): Promise<SolveOutcome> {
  return withSolverSlot(() => runWorker(job));
}

function runWorker(job: SolveJob): Promise<SolveOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: job });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new ServiceUnavailableError(`the solver did not answer within ${job.timeLimitSeconds + GRACE_SECONDS} s`));
    }, (job.timeLimitSeconds + GRACE_SECONDS) * 1000);
    worker.once('message', (outcome: SolveOutcome) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(new ServiceUnavailableError(`the solver failed: ${error.message}`));
    });
  });
}
