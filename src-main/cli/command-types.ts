// What a CLI command is and returns, apart from the list of commands so that each area's
// commands can name these types without importing that list.
import type { CoreContext } from '../core/context';

export interface CommandOutput {
  /** Printed with --json, as one document. */
  json: unknown;
  /** Printed otherwise. */
  text: string;
  /** Not zero for a finding the caller must notice (a tampered ledger), though the command ran. */
  exitCode?: number;
}

export type Values = Record<string, string | boolean | string[] | undefined>;

interface CommandTools {
  readFile(path: string): { fileName: string; bytes: Uint8Array };
}

export interface Command {
  words: string[];
  positionals: string[];
  options: string;
  summary: string;
  /** Opens the database read-only, without migrating it (audit). */
  readOnly?: boolean;
  /** The positionals may all be left out (`audit verify` of the database, `audit verify FILE.zip` of a package). */
  positionalsOptional?: boolean;
  /** Runs without any database when it gives output (`audit verify FILE.zip`); null to open one and `run`. */
  offline?(
    positionals: string[],
    values: Values,
    env: NodeJS.ProcessEnv,
  ): Promise<CommandOutput | null> | CommandOutput | null;
  run(
    ctx: CoreContext,
    positionals: string[],
    values: Values,
    tools: CommandTools,
  ): Promise<CommandOutput> | CommandOutput;
}
