import type { Command } from 'commander';
import { configFrom } from './context.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (the server also does this at start)')
    .option('-d, --data <dir>', 'data folder (SQLite); or set DATABASE_URL')
    .action(async (options: { data?: string }) => {
      const database = await openDatabase(configFrom(options));
      try {
        const result = await migrateToLatest(database);
        const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
        console.log(applied.length === 0 ? `Database is up to date (${database.location}).` : `Applied ${applied.join(', ')} to ${database.location}.`);
      } finally {
        await database.close();
      }
    });
}
