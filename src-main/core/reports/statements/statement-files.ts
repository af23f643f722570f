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
  const counts = publishStatements(ctx, period);
  const statements = ctx.store.sqlite.transaction(() => currentStatements(ctx, 'period', period)).deferred();
  const target = resolve(out);
  const asZip = /\.zip$/i.test(target);
  if (!asZip) {
    try {
      mkdirSync(target, { recursive: true });
    } catch (error) {
      throw new AppError('FILE_NOT_WRITABLE', `Cannot make the folder ${target}: ${(error as Error).message}.`, {
        path: target,
        reason: (error as NodeJS.ErrnoException).code ?? null,
      });
    }
  }
  const zip: Zippable = {};
  let files = 0;
  const tick = progressEvery('writingFile', statements.length, 50);
  const rendered = await renderStatements(statements, options.xlsx === true, tick);
  for (const [i, statement] of statements.entries()) {
    const { pdf, xlsx } = rendered[i]!;
    const made: [string, Uint8Array][] = [[statementFileName(statement, 'pdf'), pdf]];
    if (xlsx) made.push([statementFileName(statement, 'xlsx'), xlsx]);
    for (const [name, bytes] of made) {
      // PDFs and workbooks are compressed already: stored as they are, the zip is as small and made at once.
      if (asZip) zip[name] = [bytes, { level: 0 }];
      else saveReportFile(bytes, join(target, name));
      files += 1;
    }
  }
  if (asZip) saveReportFile(zipSync(zip, { mtime: new Date(`${period}-01T00:00:00Z`) }), target);
  return { ...counts, path: target, files, statements: statements.length };
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

/** One published statement's PDF as bytes (the window saves it). */
export async function statementPdfOf(ctx: CoreContext, kind: 'period' | 'year', period: string, code: string) {
  const [statement] = currentStatements(ctx, kind, period, code);
  if (!statement) throw new AppError('NOT_FOUND', `${code} has no published statement of ${period}.`, { code });
  return { fileName: statementFileName(statement, 'pdf'), bytes: new Uint8Array(await statementPdf(statement)) };
}
