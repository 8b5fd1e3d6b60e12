import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor } from '../core/actor.js';
import { testConfig, type Config } from '../platform/config.js';
import { startRuntime, type Runtime } from '../app/runtime.js';
import { loadDemo } from '../demo/load-demo.js';
import type { ServiceContext } from '../platform/context.js';
import type { TestDatabase } from './databases.js';

export interface TestServer {
  readonly url: string;
  readonly runtime: Runtime;
  close(): Promise<void>;
}

/** The system's own service context on a running runtime, for seeding data in tests. */
export function systemContext(runtime: Runtime): ServiceContext {
  const { deps } = runtime;
  return {
    actor: systemActor('test'),
    db: deps.database.db,
    dialect: deps.database.dialect,
    clock: deps.clock,
    log: deps.log,
    auditKey: deps.config.auditKey,
    onEventsCommitted: deps.onEventsCommitted,
  };
}

/**
 * A real server on 127.0.0.1 with a fresh SQLite database in a temp folder (or a fresh database
 * of the given engine; a second server may share `config` to act as another process),
 * optionally with the demo data; serves web/dist when it has been built.
 */
export async function startTestServer(
  options: { demo?: boolean; config?: Partial<Config>; serveWeb?: boolean; engine?: TestDatabase } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'seamless-server-'));
  let disposeDatabase: (() => Promise<void>) | undefined;
  let config = testConfig({ dataDir: dir, ...options.config });
  if (options.engine !== undefined) {
    const created = await options.engine.create();
    config = { ...created.config, ...options.config };
    disposeDatabase = created.dispose;
  }
  const runtime = await startRuntime(config, { serveWeb: options.serveWeb ?? true });
  if (options.demo) await loadDemo(systemContext(runtime), { onlyIfEmpty: true, progress: false });
  const url = await runtime.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    runtime,
    close: async () => {
      await runtime.close();
      await disposeDatabase?.();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
