import { foundation } from './0001-foundation.js';
import { earlyWarning } from './0002-early-warning.js';
import { surveillance } from './0003-surveillance.js';
import { warnings } from './0004-warnings.js';
import { notifications } from './0005-notifications.js';
import { publicInformation } from './0006-public-information.js';
import { commandOrders } from './0007-command-orders.js';
import { commandTasks } from './0008-command-tasks.js';
import { mutualAid } from './0009-mutual-aid.js';
import type { PortableMigration } from './portable.js';

/**
 * Every migration in the order it runs. Names never change once released; add new ones at the
 * end. Large backfills are resumable jobs, not migrations.
 */
export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: PortableMigration]> = [
  ['0001-foundation', foundation],
  ['0002-early-warning', earlyWarning],
  ['0003-surveillance', surveillance],
  ['0004-warnings', warnings],
  ['0005-notifications', notifications],
  ['0006-public-information', publicInformation],
  ['0007-command-orders', commandOrders],
  ['0008-command-tasks', commandTasks],
  ['0009-mutual-aid', mutualAid],
];
