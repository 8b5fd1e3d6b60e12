import type { Command } from 'commander';

/** `seamless cap validate FILE…` and `seamless cap export ID` (built by the warnings room). */
export function registerCapCommands(program: Command): void {
  void program;
}
