import { readFileSync } from 'node:fs';
import { AppError } from '../core/app-error';
import { createProgram, requireProgram } from '../core/program/program-store';
import type { ImportOptions } from '../core/import/jobs/import-job-types';
import { formatImportPreview, formatImportReport, formatParticipants, formatProgram } from './format-output';
import type { ImportKind } from '../ipc/contract';
import {
  PARTICIPANT_SORT_FIELDS,
  participantsFilterSchema,
  type ParticipantRow,
} from '../core/program/participants/participant-types';
import { scoringCommands } from './scoring-commands';
import { rulesCommands } from './rules-commands';
import { PAYOUT_COMMANDS } from './payout-commands';
import { REPORT_COMMANDS } from './report-commands';
import { STATEMENT_COMMANDS } from './statement-commands';
import { AUDIT_COMMANDS } from './audit-commands';
import { PROGRAM_SETTINGS_COMMANDS } from './program-settings-commands';
import { BACKUP_COMMANDS } from './backup-commands';
import type { Command, Values } from './command-types';

export type { Command, CommandOutput } from './command-types';

function readJsonFile(path: string, what = 'program'): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new AppError('FILE_UNREADABLE', `Cannot read the ${what} file ${path}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError(
      what === 'program' ? 'INVALID_PROGRAM' : 'INVALID_RULES',
      `The ${what} file ${path} is not valid JSON: ${(error as Error).message}.`,
    );
  }
}

function wholeNumberOption(values: Values, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw))
    throw new AppError('INVALID_INPUT', `--${name} takes a whole number, not "${String(raw)}".`);
  return Number(raw);
}

function stringOption(values: Values, name: string): string | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new AppError('INVALID_INPUT', `--${name} takes one value.`);
  return raw;
}

/** `--map field=Header`, repeatable: the columns chosen for fields whose headers are not among the synonyms. */
function mappingOption(values: Values): Record<string, string> | undefined {
  const raw = values.map;
  if (raw === undefined) return undefined;
  const mapping: Record<string, string> = {};
  for (const item of Array.isArray(raw) ? raw : [String(raw)]) {
    const at = item.indexOf('=');
    const field = item.slice(0, at).trim();
    const header = item.slice(at + 1).trim();
    if (at < 0 || field === '' || header === '')
      throw new AppError(
        'INVALID_INPUT',
        `--map takes field=Header, such as --map netValue="Kwota netto", not "${item}".`,
      );
    if (mapping[field] !== undefined) throw new AppError('INVALID_INPUT', `--map names the field ${field} twice.`);
    mapping[field] = header;
  }
  return mapping;
}

const IMPORT_OPTIONS = '[--sheet NAME] [--map field=Header ...] [--dry-run]';

/**
 * One import command per kind, all through the kind's runner: read and judge the whole file
 * (prepare), then either show the preview (--dry-run, nothing written) or commit it.
 */
function importCommand(kind: ImportKind, summary: string, extraOptions = ''): Command {
  return {
    words: ['import', kind],
    positionals: ['FILE'],
    options: [extraOptions, IMPORT_OPTIONS].filter(Boolean).join(' '),
    summary,
    async run(ctx, [path], values, tools) {
      const options: ImportOptions = {};
      const period = stringOption(values, 'period');
      const replaceBatchId = wholeNumberOption(values, 'replace');
      if (period !== undefined) options.period = period;
      if (replaceBatchId !== undefined) options.replaceBatchId = replaceBatchId;
      const sheet = stringOption(values, 'sheet');
      const mapping = mappingOption(values);
      const file = {
        ...tools.readFile(path as string),
        ...(sheet !== undefined ? { sheet } : {}),
        ...(mapping ? { mapping } : {}),
      };
      const [{ runnerFor }, { NO_PROGRESS }] = await Promise.all([
        import('../ipc/import-kinds'),
        import('../core/import/jobs/prepare-import'),
      ]);
      const prepared = await runnerFor(kind).prepare(ctx, file, options, NO_PROGRESS);
      if (values['dry-run'] === true) {
        // The preview has the report's counts and problems; batchId null says nothing was written.
        return {
          json: { batchId: null, dryRun: true, ...prepared.preview },
          text: formatImportPreview(prepared.preview),
        };
      }
      const report = prepared.commit();
      return { json: report, text: formatImportReport(report) };
    },
  };
}

// Each command loads the core modules it calls with import() as it runs, so that a command
// starts with what it needs only: exceljs and the import machinery, scoring, payouts (the built
// CLI keeps each in a chunk of its own) are most of what `program show` used to load (BENCHMARKS.md).
export const COMMANDS: Command[] = [
  {
    words: ['program', 'init'],
    positionals: [],
    options: '--config FILE',
    summary: 'create the program from a program file (see examples/reference-program.json)',
    run(ctx, _rest, values) {
      if (typeof values.config !== 'string')
        throw new AppError(
          'INVALID_INPUT',
          'program init needs --config FILE (for example examples/reference-program.json).',
        );
      const program = createProgram(ctx, readJsonFile(values.config));
      return {
        json: program,
        text: `Created the program "${program.name}" in ${ctx.store.file}.\n${formatProgram(program)}`,
      };
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
  ...PROGRAM_SETTINGS_COMMANDS,
  importCommand('participants', 'import or update participants from an .xlsx or .csv file'),
  importCommand('products', 'import or update products (by SKU) from an .xlsx or .csv file'),
  importCommand(
    'targets',
    'import monthly targets, long form (code, period, target) or wide (a column per month YYYY-MM)',
  ),
  importCommand(
    'sales',
    'import the sales lines of one period; the period is taken from the file when all its dates fall in one month; --replace supersedes an earlier sales batch with this corrected file',
    '[--period YYYY-MM] [--replace BATCH]',
  ),
  {
    words: ['participants', 'list'],
    positionals: [],
    options:
      '[--search TEXT] [--status active|inactive] [--region NAME | --no-region] [--destination card|iban|none] [--joined YYYY-MM] [--sort FIELD] [--desc] [--limit N]',
    summary: `list participants, filtered and sorted as the Participants screen does (--sort ${PARTICIPANT_SORT_FIELDS.join('|')}; all of them with --json unless --limit)`,
    async run(ctx, _rest, values) {
      const status = values.status;
      if (status !== undefined && status !== 'active' && status !== 'inactive') {
        throw new AppError('INVALID_INPUT', `--status takes active or inactive, not "${String(status)}".`);
      }
      const sort = stringOption(values, 'sort');
      if (sort !== undefined && !(PARTICIPANT_SORT_FIELDS as readonly string[]).includes(sort))
        throw new AppError('INVALID_INPUT', `--sort takes ${PARTICIPANT_SORT_FIELDS.join(', ')}, not "${sort}".`);
      const destination = stringOption(values, 'destination');
      if (destination !== undefined && !['card', 'iban', 'none'].includes(destination))
        throw new AppError('INVALID_INPUT', `--destination takes card, iban or none, not "${destination}".`);
      const region = stringOption(values, 'region');
      if (region !== undefined && values['no-region'] === true)
        throw new AppError('INVALID_INPUT', 'Give --region NAME or --no-region, not both.');
      const joined = stringOption(values, 'joined');
      if (joined !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(joined))
        throw new AppError('INVALID_INPUT', `--joined takes a month YYYY-MM, not "${joined}".`);
      const filter = participantsFilterSchema.parse({
        search: typeof values.search === 'string' ? values.search : '',
        status: status ?? 'all',
        ...(sort !== undefined ? { sort } : {}),
        direction: values.desc === true ? 'desc' : 'asc',
        ...(region !== undefined ? { region } : values['no-region'] === true ? { region: null } : {}),
        ...(destination !== undefined ? { destination } : {}),
        ...(joined !== undefined ? { joined } : {}),
      });
      const limit = wholeNumberOption(values, 'limit');
      const { listParticipants } = await import('../core/program/participants/participants-query');
      const rows: ParticipantRow[] = [];
      let total = 0;
      // Page through the same query the UI uses, so both see the same order and filter.
      for (let offset = 0; limit === undefined || rows.length < limit;) {
        const page = listParticipants(ctx, {
          ...filter,
          offset,
          limit: limit === undefined ? 1000 : Math.min(1000, limit - rows.length),
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
      const { createDemo } = await import('../core/demo/create-demo');
      const result = await createDemo(ctx);
      return {
        json: result,
        text: [
          `Created the demo program "${result.program.name}" in ${ctx.store.file}.`,
          `participants.xlsx: ${formatImportReport(result.participants)}`,
          ...result.imports.map((r) => `${r.fileName}: ${formatImportReport(r)}`),
        ].join('\n'),
      };
    },
  },
];

// `import confirmation FILE` as the issue names it: the issuer's answer to a payout file.
COMMANDS.push({
  ...importCommand(
    'confirmations',
    "read the card issuer's or bank's confirmation of a payout file: top-ups become paid or failed; mismatches are listed",
  ),
  words: ['import', 'confirmation'],
});
COMMANDS.push(
  ...scoringCommands(readJsonFile),
  ...rulesCommands(),
  ...PAYOUT_COMMANDS,
  ...REPORT_COMMANDS,
  ...STATEMENT_COMMANDS,
  ...AUDIT_COMMANDS,
  ...BACKUP_COMMANDS,
);

export function findCommand(positionals: string[]): { command: Command; rest: string[] } | null {
  for (const command of COMMANDS) {
    if (command.words.every((w, i) => positionals[i] === w))
      return { command, rest: positionals.slice(command.words.length) };
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
    "  --db FILE   the database file (default: LOYALTY_DB, else the app's data folder)",
    '  --json      print exactly one JSON document on stdout',
    '',
  ].join('\n');
}
