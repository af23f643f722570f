// Participants' statements and the program's rules document, from what was approved.
import { AppError } from '../core/app-error';
import type { Command } from './command-types';
import { requiredOption, textOption } from './option-values';

const counted = (c: { published: number; replaced: number; unchanged: number }) =>
  `${c.published} published, ${c.replaced} replaced (a new statement naming the one it replaces), ${c.unchanged} unchanged`;

export const STATEMENT_COMMANDS: Command[] = [
  {
    words: ['statements', 'publish'],
    positionals: [],
    options: '--period YYYY-MM',
    summary:
      "publish every participant's statement of an approved period: a first one, or a new one naming the one it replaces when the figures changed (a later correction, a failed top-up); never an edit",
    async run(ctx, _rest, values) {
      const period = requiredOption(values, 'period', 'YYYY-MM');
      const { publishStatements } = await import('../core/reports/statements/publish-statements');
      const counts = publishStatements(ctx, period);
      return { json: counts, text: `Statements of ${period}: ${counted(counts)}.` };
    },
  },
  {
    words: ['statements', 'write'],
    positionals: [],
    options: '--period YYYY-MM --out DIR|FILE.zip [--xlsx]',
    summary:
      "publish the period's statements, then write each participant's as a PDF (and a workbook with --xlsx) into the folder DIR or into one zip",
    async run(ctx, _rest, values) {
      const period = requiredOption(values, 'period', 'YYYY-MM');
      const out = requiredOption(values, 'out', 'DIR|FILE.zip');
      const { writePeriodStatements } = await import('../core/reports/statements/statement-files');
      const written = await writePeriodStatements(ctx, period, out, { xlsx: values.xlsx === true });
      return {
        json: written,
        text: `Wrote ${written.files} files of ${written.statements} statements of ${period} to ${written.path} (${counted(written)}); made from the audit chain head ${written.chainHead}.`,
      };
    },
  },
  {
    words: ['statements', 'year'],
    positionals: [],
    options: '--year YYYY --participant CODE --out FILE.pdf|FILE.xlsx',
    summary: "publish and write a participant's year statement: every approved period of the year and their sums",
    async run(ctx, _rest, values) {
      const year = requiredOption(values, 'year', 'YYYY');
      const code = requiredOption(values, 'participant', 'CODE');
      const out = requiredOption(values, 'out', 'FILE.pdf');
      const { writeYearStatement } = await import('../core/reports/statements/statement-files');
      const written = await writeYearStatement(ctx, year, code, out);
      return { json: written, text: `Wrote ${written.path}: ${code}'s statement of ${year} (${counted(written)}).` };
    },
  },
  {
    words: ['rules', 'pdf'],
    positionals: [],
    options: '[--version N] [--lang en|pl|ru] --out FILE.pdf',
    summary:
      "write the program's rules (the version in force, or version N) as a document for participants (reads only)",
    async run(ctx, _rest, values) {
      const out = requiredOption(values, 'out', 'FILE.pdf');
      const versionText = textOption(values, 'version');
      if (versionText !== undefined && !/^[1-9]\d{0,8}$/.test(versionText))
        throw new AppError('INVALID_INPUT', `--version takes a rules version number, not "${versionText}".`);
      const lang = textOption(values, 'lang');
      if (lang !== undefined && lang !== 'en' && lang !== 'pl' && lang !== 'ru')
        throw new AppError('INVALID_INPUT', `--lang takes en, pl or ru, not "${lang}".`);
      const [{ rulesDocumentPdf }, { saveReportFile }] = await Promise.all([
        import('../core/reports/rules-document/rules-document'),
        import('../core/reports/save-report'),
      ]);
      const document = await rulesDocumentPdf(ctx, {
        ...(versionText === undefined ? {} : { version: Number(versionText) }),
        ...(lang === undefined ? {} : { lang }),
      });
      const path = saveReportFile(document.bytes, out);
      return {
        json: { path, version: document.version, lang: document.lang },
        text: `Wrote ${path}: rules version ${document.version} in ${document.lang}.`,
      };
    },
  },
];
