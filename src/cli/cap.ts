import { readFile } from 'node:fs/promises';
import { CommanderError, type Command } from 'commander';
import type { CapProblem } from '../warnings/cap/model.js';
import { openCliContext, type DataOptions } from './context.js';

/** Files per xmllint run: each run parses the schema and instantiates libxml2 once, so files are checked in batches. */
const BATCH = 50;

/** One problem as the CLI prints it: `file: path: message (line N)`. */
export function formatProblem(file: string, problem: CapProblem): string {
  // Not-XML problems already say line and column in their message.
  const line = problem.line !== undefined && problem.path !== '/' ? ` (line ${problem.line})` : '';
  return `${file}: ${problem.path}: ${problem.message}${line}`;
}

async function readInput(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Validates each file; prints "FILE: valid" or one line per problem. Exit code 0 when all are
 * valid, 1 when any is invalid, 2 when a file cannot be read (the others are still checked).
 */
async function validateFiles(files: readonly string[]): Promise<number> {
  // Loaded here, not at start-up: the schema check brings in a WebAssembly module.
  const { validateCapBatch } = await import('../warnings/cap/validate.js');
  let exitCode = 0;
  for (let start = 0; start < files.length; start += BATCH) {
    const batch = files.slice(start, start + BATCH);
    const texts = await Promise.all(batch.map((file) => readInput(file).then((text) => ({ text }), (error: NodeJS.ErrnoException) => ({ error }))));
    const readable = texts.flatMap((input, i) => ('text' in input ? [{ file: batch[i]!, text: input.text }] : []));
    const results = await validateCapBatch(readable.map((input) => input.text));
    const byFile = new Map(readable.map((input, i) => [input.file, results[i]!]));
    texts.forEach((input, i) => {
      const file = batch[i]!;
      if ('error' in input) {
        process.stderr.write(`${file}: cannot read (${input.error.code ?? input.error.message})\n`);
        exitCode = 2;
        return;
      }
      const problems = byFile.get(file) ?? [];
      if (problems.length === 0) {
        process.stdout.write(`${file}: valid\n`);
        return;
      }
      for (const problem of problems) process.stdout.write(`${formatProblem(file, problem)}\n`);
      exitCode = Math.max(exitCode, 1);
    });
  }
  return exitCode;
}

/** `seamless cap validate FILE…` and `seamless cap export ID`. */
export function registerCapCommands(program: Command): void {
  const cap = program.command('cap').description('CAP 1.2 warnings: validate files, export stored alerts');
  // Usage errors (no file, unknown option) exit 2: for validate, 1 means "a file is invalid".
  const usageErrorsExit2 = (error: CommanderError): void => {
    if (error.exitCode !== 0) throw new CommanderError(2, error.code, error.message);
  };

  cap
    .command('validate')
    .description('check CAP 1.2 files against the official XSD and the rules it does not check; prints "FILE: valid" or "FILE: PATH: PROBLEM (line N)"; exit 0 all valid, 1 any invalid, 2 a file unreadable or a usage error')
    .argument('<files...>', 'CAP XML files ("-" reads standard input)')
    .exitOverride(usageErrorsExit2)
    .action(async (files: string[]) => {
      process.exitCode = await validateFiles(files);
    });

  cap
    .command('export')
    .description('print the CAP 1.2 XML of a stored alert')
    .argument('<id>', "the warning's id or its CAP identifier")
    .option('--data <dir>', 'data folder (SQLite); DATABASE_URL selects PostgreSQL')
    .exitOverride(usageErrorsExit2)
    .action(async (id: string, options: DataOptions) => {
      const { getAlertCapXml } = await import('../warnings/service.js');
      const { ctx, close } = await openCliContext(options, 'cli:cap-export');
      try {
        const xml = await getAlertCapXml(ctx, id);
        process.stdout.write(xml.endsWith('\n') ? xml : `${xml}\n`);
      } finally {
        await close();
      }
    });
}
