import type { Command } from 'commander';
import { startRuntime } from '../app/runtime.js';
import { loadDemo, DEMO_PASSWORD } from '../demo/load-demo.js';
import { systemActor } from '../core/actor.js';
import { configFrom } from './context.js';
import { parsePort } from './parse.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the server: HTTP API, web app, live events and background jobs')
    .option('-p, --port <port>', 'port to listen on (env PORT)', parsePort)
    .option('-H, --host <host>', 'address to bind (env HOST)')
    .option('-d, --data <dir>', 'data folder for the embedded SQLite database (env SEAMLESS_DATA; ignored with DATABASE_URL)')
    .option('--demo', 'load the Hubei demo data into an empty database and print the demo log-ins')
    .action(async (options: { port?: number; host?: string; data?: string; demo?: boolean }) => {
      const config = configFrom(options);
      const runtime = await startRuntime({ ...config, logLevel: process.env.LOG_LEVEL ?? 'info' });
      if (options.demo) {
        const { deps } = runtime;
        const result = await loadDemo(
          { actor: systemActor('demo'), db: deps.database.db, dialect: deps.database.dialect, clock: deps.clock, log: deps.log, auditKey: config.auditKey, onEventsCommitted: deps.onEventsCommitted },
          { onlyIfEmpty: true, progress: process.stdout.isTTY === true },
        );
        if (result.loaded) console.log(`Demo data loaded: ${result.jurisdictions} jurisdictions, ${result.users.length} users.`);
        console.log(`Demo log-ins (password "${DEMO_PASSWORD}"):`);
        for (const user of result.users) console.log(`  ${user.username.padEnd(22)} ${user.description}`);
      }
      const address = await runtime.app.listen({ port: config.port, host: config.host });
      const shown = address.replace('[::1]', 'localhost');
      console.log(`Seamless is running at ${shown} (database: ${runtime.deps.database.location})`);
      const stop = async () => {
        await runtime.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
