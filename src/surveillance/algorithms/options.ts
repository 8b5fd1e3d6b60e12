import { InvalidInputError } from '../../core/errors.js';

/**
 * Checks shared by the algorithms. Each throws InvalidInputError naming the option, so the CLI
 * and the API report bad parameters the same way.
 */

export function requireInteger(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw InvalidInputError.forField(name, max === Number.MAX_SAFE_INTEGER ? `must be a whole number ≥ ${min}` : `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

export function requireNumber(name: string, value: number, test: (v: number) => boolean, expectation: string): number {
  if (!Number.isFinite(value) || !test(value)) throw InvalidInputError.forField(name, expectation);
  return value;
}

/** Resolves a 1-based inclusive range within a series of n points. */
export function resolveRange(n: number, from: number | undefined, to: number | undefined, defaultFrom: number): { from: number; to: number } {
  if (n === 0) throw InvalidInputError.forField('observed', 'the series is empty');
  const start = from ?? defaultFrom;
  const end = to ?? n;
  requireInteger('to', end, 1, n);
  if (from !== undefined) requireInteger('from', start, 1, end);
  else if (start > end) {
    throw InvalidInputError.forField('from', `the series has ${n} points but the first one this method can monitor is ${start}: too little history`);
  }
  return { from: start, to: end };
}
