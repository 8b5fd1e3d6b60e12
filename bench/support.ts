/**
 * What the benchmarks share: timing, medians, and running one benchmark on a fresh SQLite file and
 * (when DATABASE_URL is set) on a fresh PostgreSQL schema that is dropped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { testConfig, type Config } from '../src/platform/config.js';

/** The middle value (the upper one of an even count), so one slow run does not move the figure. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Milliseconds `fn` takes. */
export async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Median times of a figure and its baseline over `runs`, alternating so neither gets a warmer cache. */
export async function compareMedians(runs: number, figure: () => Promise<unknown>, baseline: () => Promise<unknown>): Promise<[number, number]> {
  await figure();
  await baseline();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(await time(figure));
    b.push(await time(baseline));
  }
  return [median(a), median(b)];
}

/** The benchmark body, given the engine's name, a fresh database's config and what removes it afterwards. */
export type EngineRun = (name: string, config: Config, cleanup: () => Promise<void>) => Promise<void>;

/** Runs `run` on SQLite in a temporary directory, then on PostgreSQL in a schema of its own when DATABASE_URL is set. */
export async function runOnEachEngine(run: EngineRun): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'seamless-bench-'));
  await run('sqlite', testConfig({ dataDir: dir }), async () => rmSync(dir, { recursive: true, force: true }));
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const schema = `bench_${process.pid}_${Date.now().toString(36)}`;
    await run('postgres', testConfig({ databaseUrl, databaseSchema: schema }), async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    });
  }
}
