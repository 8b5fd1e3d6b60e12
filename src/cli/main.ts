import { Command, CommanderError } from 'commander';
import { isAppError } from '../core/errors.js';
import { VERSION } from '../app/version.js';
import { registerServeCommand } from './serve.js';
import { registerMigrateCommand } from './migrate.js';
import { registerAdminCommands } from './admin.js';
import { registerAuditCommands } from './audit.js';
import { registerDemoCommand } from './demo.js';
import { registerImportCommands } from './import.js';
import { registerDetectCommand } from './detect.js';
import { registerCapCommands } from './cap.js';

export function buildProgram(): Command {
  const program = new Command('seamless')
    .description('Seamless: emergency management platform (无缝应急管理平台)')
    .version(VERSION)
    .showHelpAfterError();
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerAdminCommands(program);
  registerImportCommands(program);
  registerDemoCommand(program);
  registerAuditCommands(program);
  registerDetectCommand(program);
  registerCapCommands(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    // Bad input and known faults get their message, not a stack trace.
    console.error(isAppError(error) ? `error: ${error.message}` : error);
    process.exitCode = isAppError(error) && error.status < 500 ? 2 : 1;
  }
}
