import { readFileSync } from 'node:fs';
import type { CoreContext } from '../core/context';
import { AppError } from '../core/app-error';
import { createProgram, requireProgram } from '../core/program/program-store';
import { importParticipants } from '../core/participants/import-participants';
import { listParticipants } from '../core/participants/participants-query';
import { createDemo } from '../core/demo/create-demo';
import { formatImportReport, formatParticipants, formatProgram } from './format-output';
import type { ParticipantRow } from '../ipc/contract';

export interface CommandOutput {
  /** Printed with --json, as one document. */
  json: unknown;
  /** Printed otherwise. */
  text: string;
}

type Values = Record<string, string | boolean | undefined>;

interface CommandTools {
  readFile(path: string): { fileName: string; bytes: Uint8Array };
}

export interface Command {
  words: string[];
  positionals: string[];
  options: string;
  summary: string;
  run(ctx: CoreContext, positionals: string[], values: Values, tools: CommandTools): Promise<CommandOutput> | CommandOutput;
}

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new AppError('FILE_UNREADABLE', `Cannot read the program file ${path}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('INVALID_PROGRAM', `The program file ${path} is not valid JSON: ${(error as Error).message}.`);
  }
}

function wholeNumberOption(values: Values, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw new AppError('INVALID_INPUT', `--${name} takes a whole number, not "${String(raw)}".`);
  return Number(raw);
}

export const COMMANDS: Command[] = [
  {
    words: ['program', 'init'],
    positionals: [],
    options: '--config FILE',
    summary: 'create the program from a program file (see examples/reference-program.json)',
    run(ctx, _rest, values) {
      if (typeof values.config !== 'string') throw new AppError('INVALID_INPUT', 'program init needs --config FILE (for example examples/reference-program.json).');
      const program = createProgram(ctx, readJsonFile(values.config));
      return { json: program, text: `Created the program "${program.name}" in ${ctx.store.file}.\n${formatProgram(program)}` };
    },
  },
  {
    words: ['program', 'show'],
    positionals: [],
    options: '',
    summary: "show the program's settings and rules version",
    run(ctx) {
      const program = requireProgram(ctx);
      return { json: program, text: formatProgram(program) };
    },
  },
  {
    words: ['import', 'participants'],
    positionals: ['FILE'],
    options: '[--sheet NAME]',
    summary: 'import or update participants from an .xlsx or .csv file',
    async run(ctx, [path], values, tools) {
      const file = tools.readFile(path as string);
      const report = await importParticipants(ctx, { ...file, sheet: typeof values.sheet === 'string' ? values.sheet : undefined });
      return { json: report, text: formatImportReport(report) };
    },
  },
  {
    words: ['participants', 'list'],
    positionals: [],
    options: '[--search TEXT] [--status active|inactive] [--limit N]',
    summary: 'list participants (all of them with --json unless --limit)',
    run(ctx, _rest, values) {
      const status = values.status;
      if (status !== undefined && status !== 'active' && status !== 'inactive') {
        throw new AppError('INVALID_INPUT', `--status takes active or inactive, not "${String(status)}".`);
      }
      const limit = wholeNumberOption(values, 'limit');
      const rows: ParticipantRow[] = [];
      let total = 0;
      // Page through the same query the UI uses, so both see the same order and filter.
      for (let offset = 0; limit === undefined || rows.length < limit; ) {
        const page = listParticipants(ctx, {
          offset,
          limit: limit === undefined ? 1000 : Math.min(1000, limit - rows.length),
          search: typeof values.search === 'string' ? values.search : '',
          status: status ?? 'all',
        });
        total = page.total;
        rows.push(...page.rows);
        offset += page.rows.length;
        if (page.rows.length === 0 || offset >= total) break;
      }
      return { json: rows, text: formatParticipants(rows, total) };
    },
  },
  {
    words: ['demo'],
    positionals: [],
    options: '',
    summary: 'create the demo program and import its client files (examples/demo)',
    async run(ctx) {
      const result = await createDemo(ctx);
      return {
        json: result,
        text: `Created the demo program "${result.program.name}" in ${ctx.store.file}.\n${formatImportReport(result.participants)}`,
      };
    },
  },
];

export function findCommand(positionals: string[]): { command: Command; rest: string[] } | null {
  for (const command of COMMANDS) {
    if (command.words.every((w, i) => positionals[i] === w)) return { command, rest: positionals.slice(command.words.length) };
  }
  return null;
}

export function usage(): string {
  const lines = COMMANDS.map((c) => {
    const head = ['loyalty', ...c.words, ...c.positionals, c.options].filter(Boolean).join(' ');
    return `  ${head}\n      ${c.summary}`;
  });
  return [
    'Loyalty Desk from the command line.',
    '',
    'Usage: npx loyalty <command> [--db FILE] [--json]',
    '',
    ...lines,
    '',
    'Options for every command:',
    '  --db FILE   the database file (default: LOYALTY_DB, else the app\'s data folder)',
    '  --json      print exactly one JSON document on stdout',
    '',
  ].join('\n');
}
