// The HiGHS solver in a worker thread (DESIGN.md "Chosen parts": HiGHS is single-threaded and
// blocks while it solves, so it never runs on the server's event loop). Plain JavaScript so that it
// starts without the TypeScript loader. One job per worker: { mode: 'arrays', model } (the CSC
// arrays API, for large models) or { mode: 'lp', lpText } (CPLEX LP text). The model is always
// disposed, and the status goes back to the caller, who checks it before reading values.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import loadHighs from 'highs';

const highs = await loadHighs();
const STATUS_NAMES = Object.fromEntries(Object.entries(highs.constants.modelStatus).map(([name, code]) => [code, name]));

function solveArrays(job) {
  const m = job.model;
  const inf = highs.infinity;
  const clamp = (array) => Float64Array.from(array, (v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
  const model = highs.createModel();
  try {
    model.options.set({ output_flag: false, time_limit: job.timeLimitSeconds, mip_rel_gap: 0 });
    model.passModel({
      numCols: m.numCols,
      numRows: m.numRows,
      sense: highs.constants.objectiveSense.minimize,
      colCost: m.colCost,
      colLower: m.colLower,
      colUpper: clamp(m.colUpper),
      rowLower: clamp(m.rowLower),
      rowUpper: clamp(m.rowUpper),
      matrix: { format: 'csc', numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
      ...(m.integrality ? { integrality: m.integrality } : {}),
    });
    const run = model.run();
    const status = STATUS_NAMES[run.modelStatus] ?? `code ${run.modelStatus}`;
    if (status !== 'optimal') return { status };
    const solution = model.getSolution();
    return { status, objective: model.getObjectiveValue(), colValue: solution.colValue };
  } finally {
    model.dispose();
  }
}

function solveLpText(job) {
  const result = highs.solve(job.lpText, { output_flag: false, time_limit: job.timeLimitSeconds, mip_rel_gap: 0 });
  // The legacy API names statuses "Optimal", "Infeasible", …: normalise to the arrays API's names.
  const status = result.Status === 'Optimal' ? 'optimal' : String(result.Status);
  if (status !== 'optimal') return { status };
  const primal = {};
  for (const [name, column] of Object.entries(result.Columns)) primal[name] = column.Primal;
  return { status, objective: result.ObjectiveValue, primal };
}

const started = performance.now();
try {
  const outcome = workerData.mode === 'arrays' ? solveArrays(workerData) : solveLpText(workerData);
  parentPort.postMessage({ ...outcome, solveMs: performance.now() - started });
} catch (error) {
  parentPort.postMessage({ status: 'error', message: error instanceof Error ? error.message : String(error), solveMs: performance.now() - started });
}
