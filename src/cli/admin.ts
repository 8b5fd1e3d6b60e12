import type { Command } from 'commander';
import { createRootAdmin } from '../accounts/service.js';
import { openCliContext } from './context.js';

export function registerAdminCommands(program: Command): void {
  const admin = program.command('admin').description('manage administrators');
  admin
    .command('create')
    .description('create an admin scoped to the country root (creating the root if the tree is empty); resets the password if the user exists')
    .requiredOption('-u, --username <username>', 'log-in name')
    .requiredOption('-p, --password <password>', 'password (at least 8 characters)')
    .option('--display-name <name>', 'name shown in the app')
    .option('-d, --data <dir>', 'data folder (SQLite); or set DATABASE_URL')
    .action(async (options: { username: string; password: string; displayName?: string; data?: string }) => {
      const cli = await openCliContext(options, 'cli:admin-create');
      try {
        const user = await createRootAdmin(cli.ctx, { username: options.username, password: options.password, ...(options.displayName ? { displayName: options.displayName } : {}) });
        console.log(`Admin "${user.username}" can log in; scope: ${user.grants.map((g) => `${g.role}@${g.jurisdictionCode}`).join(', ')}`);
      } finally {
        await cli.close();
      }
    });
}
