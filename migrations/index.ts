import { foundation } from './0001-foundation.js';
import { earlyWarning } from './0002-early-warning.js';
import { surveillance } from './0003-surveillance.js';
import type { PortableMigration } from './portable.js';

/**
 * Every migration in the order it runs. Names never change once released; add new ones at the
 * end. Large backfills are resumable jobs, not migrations.
 */
export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: PortableMigration]> = [
  ['0001-foundation', foundation],
  ['0002-early-warning', earlyWarning],
  ['0003-surveillance', surveillance],
];
