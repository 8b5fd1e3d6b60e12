import type { Command } from 'commander';
import { loadDemo, DEMO_PASSWORD } from '../demo/load-demo.js';
import { openCliContext } from './context.js';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('load the Hubei demo data (real hierarchy and boundaries, demo accounts and departments); safe to run again')
    .option('-d, --data <dir>', 'data folder (SQLite); or set DATABASE_URL')
    .option('--no-progress', 'no progress bar')
    .action(async (options: { data?: string; progress: boolean }) => {
      const cli = await openCliContext(options, 'cli:demo');
      try {
        const result = await loadDemo(cli.ctx, { onlyIfEmpty: false, progress: options.progress && process.stdout.isTTY === true });
        console.log(`Demo data loaded: ${result.jurisdictions} jurisdictions. Log-ins (password "${DEMO_PASSWORD}"):`);
        for (const user of result.users) console.log(`  ${user.username.padEnd(22)} ${user.description}`);
      } finally {
        await cli.close();
      }
    });
}
