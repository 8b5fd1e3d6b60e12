/**
 * Runs xmllint jobs in one long-lived worker thread (xmllint-worker.mjs), one job at a time. The
 * worker does not keep the process alive; if it dies or a job overruns, it is replaced on the
 * next call.
 */
import { Worker } from 'node:worker_threads';

export interface XmllintFile {
  readonly fileName: string;
  readonly contents: string;
}

export interface XmllintOutcome {
  /** xmllint's exit code: 0 valid, 3 or 4 invalid; anything else is a fault. */
  readonly exitCode: number;
  readonly stderr: string;
}

const WORKER_URL = new URL('./xmllint-worker.mjs', import.meta.url);
/** A schema check of even a 900 KB national alert takes well under a second; this is a fault. */
const JOB_TIMEOUT_MS = 60_000;
/** 16 MiB to start; up to 256 MiB for large batches. */
const INITIAL_MEMORY_PAGES = 256;
const MAX_MEMORY_PAGES = 4096;

interface Waiting {
  resolve(outcome: XmllintOutcome): void;
  reject(error: Error): void;
}

let worker: Worker | undefined;
const waiting = new Map<number, Waiting>();
let nextId = 0;
let queue: Promise<unknown> = Promise.resolve();

function failAll(error: Error): void {
  const entries = [...waiting.values()];
  waiting.clear();
  for (const entry of entries) entry.reject(error);
}

function currentWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(WORKER_URL);
  started.on('message', (message: { id: number } & XmllintOutcome) => {
    const entry = waiting.get(message.id);
    waiting.delete(message.id);
    entry?.resolve({ exitCode: message.exitCode, stderr: message.stderr });
  });
  started.on('error', (error) => {
    if (worker === started) worker = undefined;
    failAll(new Error(`the xmllint worker failed: ${error.message}`));
  });
  started.on('exit', (code) => {
    if (worker === started) worker = undefined;
    failAll(new Error(`the xmllint worker stopped (exit code ${code})`));
  });
  // Idle, the worker must not keep the process alive (after the listeners: attaching a
  // 'message' listener refs it again); a job in flight refs it (see runNow).
  started.unref();
  worker = started;
  return started;
}

function runNow(files: readonly XmllintFile[], args: readonly string[]): Promise<XmllintOutcome> {
  const target = currentWorker();
  const id = nextId++;
  return new Promise<XmllintOutcome>((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      if (worker === target) worker = undefined;
      void target.terminate();
      reject(new Error(`xmllint did not answer within ${JOB_TIMEOUT_MS / 1000} s`));
    }, JOB_TIMEOUT_MS);
    timer.unref();
    const settle = (): void => {
      clearTimeout(timer);
      if (waiting.size === 0) target.unref();
    };
    waiting.set(id, {
      resolve: (outcome) => {
        settle();
        resolve(outcome);
      },
      reject: (error) => {
        settle();
        reject(error);
      },
    });
    target.ref();
    target.postMessage({ id, inputFiles: files, args, initialMemoryPages: INITIAL_MEMORY_PAGES, maxMemoryPages: MAX_MEMORY_PAGES });
  });
}

/** Runs `xmllint ARGS` over the given in-memory files; jobs run one after another. */
export function runXmllint(files: readonly XmllintFile[], args: readonly string[]): Promise<XmllintOutcome> {
  const result = queue.then(() => runNow(files, args));
  queue = result.catch(() => undefined);
  return result;
}
