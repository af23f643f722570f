// `npx loyalty <command>`: the core from a terminal. Thin: parse, call one core function,
// print. With --json exactly one JSON document goes to stdout; errors go to stderr as one
// line and the exit code is not zero.
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openDatabase, openDatabaseReadOnly, type Store } from '../db/open-database';
import { resolveDataFile } from '../host/data-file-location';
import { operatorName } from '../host/operator-name';
import { busyTimeoutMs } from '../db/database-busy';
import type { CoreContext } from '../core/context';
import { AppError } from '../core/app-error';
import { COMMANDS, findCommand, usage, type CommandOutput } from './commands';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Fixed in tests. */
  now?: () => Date;
}

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  config: { type: 'string' },
  sheet: { type: 'string' },
  search: { type: 'string' },
  status: { type: 'string' },
  limit: { type: 'string' },
  map: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean', default: false },
  period: { type: 'string' },
  replace: { type: 'string' },
  participant: { type: 'string' },
  points: { type: 'string' },
  reason: { type: 'string' },
  note: { type: 'string' },
  rules: { type: 'string' },
  'override-budget': { type: 'string' },
  all: { type: 'boolean', default: false },
  record: { type: 'boolean', default: false },
  'accept-open-anomalies': { type: 'string' },
  'accept-lost-exports': { type: 'string' },
  'fit-budget': { type: 'boolean', default: false },
  only: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  // verify resolve takes several findings at once: one --key each (a key may hold a comma).
  key: { type: 'string', multiple: true },
  standing: { type: 'boolean', default: false },
  until: { type: 'string' },
  decision: { type: 'string' },
  rule: { type: 'string' },
  last: { type: 'string' },
  action: { type: 'string' },
  lines: { type: 'string' },
  target: { type: 'string' },
  batch: { type: 'string' },
  file: { type: 'string' },
  reset: { type: 'boolean', default: false },
  anchor: { type: 'string' },
  xlsx: { type: 'boolean', default: false },
  year: { type: 'string' },
  version: { type: 'string' },
  lang: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  name: { type: 'string' },
  client: { type: 'string' },
  currency: { type: 'string' },
  locale: { type: 'string' },
  'point-value': { type: 'string' },
  'sepa-name': { type: 'string' },
  'sepa-iban': { type: 'string' },
  'sepa-bic': { type: 'string' },
  'no-sepa': { type: 'boolean', default: false },
  sort: { type: 'string' },
  desc: { type: 'boolean', default: false },
  region: { type: 'string' },
  'no-region': { type: 'boolean', default: false },
  destination: { type: 'string' },
  joined: { type: 'string' },
} as const;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr.write(`loyalty: ${(error as Error).message.split('\n')[0]} (see "loyalty --help")\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    io.stdout.write(usage());
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  const found = findCommand(positionals);
  if (!found) {
    io.stderr.write(
      `loyalty: unknown command "${positionals.join(' ')}"; commands: ${COMMANDS.map((c) => c.words.join(' ')).join(', ')}\n`,
    );
    return 2;
  }
  const { command, rest } = found;
  if (rest.length !== command.positionals.length && !(command.positionalsOptional && rest.length === 0)) {
    io.stderr.write(
      `loyalty: usage: loyalty ${command.words.join(' ')} ${command.positionals.map((p) => `<${p}>`).join(' ')} ${command.options}\n`.replace(
        / +\n$/,
        '\n',
      ),
    );
    return 2;
  }

  let store: Store | undefined;
  const print = (output: CommandOutput) => {
    io.stdout.write(
      values.json
        ? `${JSON.stringify(output.json, null, 2)}\n`
        : output.text.endsWith('\n')
          ? output.text
          : `${output.text}\n`,
    );
    return output.exitCode ?? 0;
  };
  try {
    const offline = command.offline ? await command.offline(rest, values, io.env) : null;
    if (offline) return print(offline);
    const file = resolveDataFile({ flag: values.db, env: io.env });
    // The wait from io.env, not process.env: runCli also runs inside another process (tests).
    // A file that is not one of ours, or of a newer version, is refused before anything could write to it; the copy
    // before a migration goes into the backups folder, as the app's does.
    if (!command.readOnly) (await import('../core/backup/start-check')).inspectDataFile(file, { full: false });
    const backupPath = command.readOnly
      ? undefined
      : (await import('../core/backup/backup-files')).migrationBackupPath(io.now ?? (() => new Date()));
    store = command.readOnly
      ? openDatabaseReadOnly(file)
      : openDatabase(file, { busyTimeoutMs: busyTimeoutMs(io.env), backupPath });
    const ctx: CoreContext = { store, actor: operatorName(io.env), now: io.now ?? (() => new Date()) };
    const reason = backupReasonOf(command.words, values);
    if (reason) (await import('../core/backup/backup-actions')).backupBefore(ctx, reason);
    const output: CommandOutput = await command.run(ctx, rest, values, {
      readFile: (path) => ({ fileName: basename(path), bytes: readBytes(path) }),
    });
    return print(output);
  } catch (error) {
    // The stack of an unexpected error is for developers: shown only with LOYALTY_DEBUG=1.
    const log = (message: string, err: unknown) => {
      if (io.env.LOYALTY_DEBUG) io.stderr.write(`${message} ${(err as Error)?.stack ?? String(err)}\n`);
    };
    // Loaded here, on the way out of a failed command: it holds every channel's schema, which a command that succeeds
    // never needs.
    const { toErrorData } = await import('../ipc/dispatch');
    const data = toErrorData(error, log, 'the CLI');
    io.stderr.write(`loyalty: ${data.message}\n`);
    return 1;
  } finally {
    store?.close();
  }
}

/** The automatic backup a command takes first, as the app does before the same operations; none for a dry run. */
function backupReasonOf(words: string[], values: Record<string, unknown>): 'import' | 'approval' | 'export' | null {
  if (words[0] === 'import' && !values['dry-run']) return 'import';
  if (words[0] === 'approve') return 'approval';
  if (words[0] === 'export' && words[1] === 'payouts' && values.period !== undefined) return 'export';
  return null;
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : String(code);
    throw new AppError('FILE_UNREADABLE', `Cannot read ${path}: ${why}.`);
  }
}
