// Statements leave the app as files: every statement of a period into a folder (one PDF, and a workbook if asked,
// per participant) or into one zip, and a single statement (a year's) into one file. Each file is written whole
// through a temporary file beside it. What is written is published first, in its own transaction, so the files are
// always the current statements and each names its own number.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { AppError } from '../../app-error';
import type { CoreContext } from '../../context';
import { progressEvery } from '../../progress';
import { saveReportFile } from '../save-report';
import { currentStatements, publishStatements, publishYearStatements } from './publish-statements';
import { statementPdf } from './statement-pdf';
import { renderStatements } from './statement-render-pool';
import { statementXlsx } from './statement-xlsx';
import type { ReportFile } from '../report-types';
import type { PublishCounts, PublishedStatement } from './statement-types';

export interface WrittenStatements extends PublishCounts {
  path: string;
  files: number;
  statements: number;
}

/** A name a file system and a zip keep as it is: letters and digits, Latin ones without their accents. */
export function nameSlug(name: string): string {
  return (
    name
      .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'))
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'participant'
  );
}

export function statementFileName(statement: PublishedStatement, extension: 'pdf' | 'xlsx'): string {
  const code = statement.participantCode.replace(/[^\p{L}\p{N}_-]+/gu, '_');
  return `${statement.period}-${code}-${nameSlug(statement.content.participant.name)}.${extension}`;
}

/** Publishes the period's statements, then draws them all: each file's name and bytes, in participant code order. */
async function drawPeriodStatements(
  ctx: CoreContext,
  period: string,
  xlsx: boolean,
): Promise<{ counts: PublishCounts; files: [string, Uint8Array][]; statements: number }> {
  const counts = publishStatements(ctx, period);
  const statements = ctx.store.sqlite.transaction(() => currentStatements(ctx, 'period', period)).deferred();
  const rendered = await renderStatements(statements, xlsx, progressEvery('drawing', statements.length, 50));
  const files: [string, Uint8Array][] = [];
  statements.forEach((statement, i) => {
    const { pdf, xlsx: workbook } = rendered[i]!;
    files.push([statementFileName(statement, 'pdf'), pdf]);
    if (workbook) files.push([statementFileName(statement, 'xlsx'), workbook]);
  });
  return { counts, files, statements: statements.length };
}

/** The files in one zip, stored as they are: PDFs and workbooks are compressed already, so the zip is made at once. */
function zipOf(period: string, files: readonly [string, Uint8Array][]): Uint8Array {
  const zip: Zippable = {};
  for (const [name, bytes] of files) zip[name] = [bytes, { level: 0 }];
  return zipSync(zip, { mtime: new Date(`${period}-01T00:00:00Z`) });
}

/**
 * Publishes the period's statements, then writes them all: into `out` as a zip when it ends in .zip, else into the
 * folder `out` (made if missing).
 */
export async function writePeriodStatements(
  ctx: CoreContext,
  period: string,
  out: string,
  options: { xlsx?: boolean } = {},
): Promise<WrittenStatements> {
  const target = resolve(out);
  const asZip = /\.zip$/i.test(target);
  const drawn = await drawPeriodStatements(ctx, period, options.xlsx === true);
  if (asZip) saveReportFile(zipOf(period, drawn.files), target);
  else {
    try {
      mkdirSync(target, { recursive: true });
    } catch (error) {
      throw new AppError('FILE_NOT_WRITABLE', `Cannot make the folder ${target}: ${(error as Error).message}.`, {
        path: target,
        reason: (error as NodeJS.ErrnoException).code ?? null,
      });
    }
    for (const [name, bytes] of drawn.files) saveReportFile(bytes, join(target, name));
  }
  return { ...drawn.counts, path: target, files: drawn.files.length, statements: drawn.statements };
}

/** What the window downloads: the period's statements published and zipped, with the counts of the publication. */
export async function periodStatementsZip(
  ctx: CoreContext,
  period: string,
  options: { xlsx?: boolean } = {},
): Promise<ReportFile & { counts: PublishCounts; statements: number }> {
  const drawn = await drawPeriodStatements(ctx, period, options.xlsx === true);
  return {
    fileName: `statements-${period}.zip`,
    bytes: zipOf(period, drawn.files),
    counts: drawn.counts,
    statements: drawn.statements,
  };
}

/** Publishes one participant's year statement and writes it as a PDF, or a workbook when `out` ends in .xlsx. */
export async function writeYearStatement(
  ctx: CoreContext,
  year: string,
  code: string,
  out: string,
): Promise<WrittenStatements> {
  const counts = publishYearStatements(ctx, year, code);
  const [statement] = currentStatements(ctx, 'year', year, code);
  if (!statement) throw new AppError('NOT_FOUND', `${code} has no year statement of ${year}.`, { code });
  const bytes = /\.xlsx$/i.test(out) ? await statementXlsx(statement) : await statementPdf(statement);
  return { ...counts, path: saveReportFile(bytes, out), files: 1, statements: 1 };
}
