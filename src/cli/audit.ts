import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { verifyAuditChain } from '../platform/audit/audit.js';
import { openCliContext } from './context.js';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the append-only, hash-chained audit trail');
  audit
    .command('verify')
    .description('recompute the hash chain and report the first broken link (exit 1 when broken)')
    .option('-d, --data <dir>', 'data folder (SQLite); or set DATABASE_URL')
    .option('--no-progress', 'no progress bar')
    .action(async (options: { data?: string; progress: boolean }) => {
      const cli = await openCliContext(options, 'cli:audit-verify');
      const bar = options.progress && process.stderr.isTTY ? new SingleBar({ stream: process.stderr }, Presets.shades_classic) : undefined;
      try {
        let started = false;
        const result = await verifyAuditChain(cli.database.db, (checked, total) => {
          if (bar && !started) {
            bar.start(total, 0);
            started = true;
          }
          bar?.update(checked);
        });
        bar?.stop();
        if (result.firstBreak) {
          console.log(`Audit trail BROKEN at seq ${result.firstBreak.seq} (id ${result.firstBreak.id}): ${result.firstBreak.reason}. ${result.checked} records before it are intact.`);
          process.exitCode = 1;
        } else {
          console.log(`Audit trail intact: ${result.checked} records verified.`);
        }
      } finally {
        await cli.close();
      }
    });
}
