// Participants' statements as the participant reads them: pdftotext finds their name (Polish or Cyrillic) and the
// figures of what was approved, in the program's language and number format; fonts are embedded. A statement is
// published once; a change after publication (a failed top-up) publishes a second one naming the first, which stays
// as it was; publishing again without a change publishes nothing; a batch zip holds one PDF per participant.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { verifyLedger } from '../../src-main/core/ledger/verify-ledger';
import { formatMoney } from '../../src-main/core/money/minor-units';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { importConfirmations } from '../../src-main/core/payouts/import-confirmations';
import { importSales } from '../../src-main/core/sales/import-sales';
import { requireProgram } from '../../src-main/core/program/program-store';
import {
  currentStatements,
  publishStatements,
  publishYearStatements,
} from '../../src-main/core/reports/statements/publish-statements';
import { statementPdf } from '../../src-main/core/reports/statements/statement-pdf';
import { writePeriodStatements } from '../../src-main/core/reports/statements/statement-files';
import type {
  PeriodStatementContent,
  YearStatementContent,
} from '../../src-main/core/reports/statements/statement-types';
import { hasOpenpyxl, makeTempDir, SYSTEM_PYTHON } from '../fixtures/client-files';
import { csvFile, importScenarioSales, SALES_HEADER } from '../fixtures/scoring-scenario';
import { runLoyalty } from '../fixtures/run-cli';
import { issuerConfirmation, septemberExported } from '../fixtures/september-payout-stages';
import { caseOpener } from '../fixtures/staged-database';
import {
  buildRussianProgram,
  CYRILLIC_NAME,
  POLISH_NAME,
  polishApproved,
  polishOctoberApproved,
} from '../fixtures/statement-stages';
import { openTestContext } from '../fixtures/test-database';
import { updateProgramSettings } from '../../src-main/core/program/program-settings';

const at = caseOpener();

/** The text of a PDF as pdftotext reads it, the locale's no-break spaces read as spaces. */
function pdfText(dir: string, name: string, bytes: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' ');
}

const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** A participant's approved row of the period, the ledger's sum of its points and its balance after the period. */
function approvedFigures(ctx: CoreContext, period: string, code: string) {
  const sqlite = ctx.store.sqlite;
  const row = sqlite
    .prepare(
      `SELECT s.total, s.earned, s.paid_minor AS paidMinor FROM approved_scores s
         JOIN approved_periods a ON a.id = s.approval_id WHERE a.period = ? AND s.participant_code = ?`,
    )
    .get(period, code) as { total: number; earned: number; paidMinor: number | null };
  const ledgerTotal = (
    sqlite
      .prepare(
        `SELECT SUM(points) AS p FROM ledger_entries WHERE period = ? AND participant_code = ? AND corrects_period IS NULL
            AND kind IN ('earn', 'campaign', 'tier', 'target', 'cap', 'prize')`,
      )
      .get(period, code) as { p: number }
  ).p;
  const balance = (
    sqlite
      .prepare('SELECT SUM(points) AS p FROM ledger_entries WHERE period <= ? AND participant_code = ?')
      .get(period, code) as { p: number }
  ).p;
  return { ...row, ledgerTotal, balance };
}

const integer = (n: number, locale: string) =>
  spaced(new Intl.NumberFormat(locale, { useGrouping: 'always' }).format(n));

describe('participant statements', () => {
  it('read back in Polish with the participant’s name and the approved totals, fonts embedded', async () => {
    const { ctx, dir } = await at(polishApproved);
    const counts = publishStatements(ctx, '2026-09');
    const participants = ctx.store.sqlite.prepare('SELECT count(*) AS n FROM approved_scores').get() as { n: number };
    expect(counts).toMatchObject({ published: participants.n, replaced: 0, unchanged: 0 });

    const [statement] = currentStatements(ctx, 'period', '2026-09', 'A');
    const figures = approvedFigures(ctx, '2026-09', 'A');
    expect(figures.total).toBe(figures.ledgerTotal);
    const content = statement!.content as PeriodStatementContent;
    expect(content.figures.total).toBe(figures.total);
    expect(content.balancePoints).toBe(figures.balance);

    const pdf = await statementPdf(statement!);
    const text = pdfText(dir, 'a.pdf', pdf);
    expect(text).toContain(POLISH_NAME);
    expect(text).toContain('Wyciąg punktów: wrzesień 2026');
    expect(text).toContain(`Wyciąg nr ${statement!.id}`);
    expect(text).toContain(`Obliczony według wersji ${requireProgram(ctx).rulesVersion} zasad`);
    expect(text).toContain(`Punkty okresu\n`);
    expect(text).toContain(`${integer(figures.total, 'pl-PL')} pkt`);
    expect(text).toContain(`${integer(figures.balance, 'pl-PL')} pkt`);
    expect(text).toContain(spaced(formatMoney(figures.paidMinor ?? 0, 'PLN', 2, 'pl-PL')));
    expect(text).toContain(statement!.chainHead);
    expect(text).toContain('Wiersze sprzedaży');

    const fonts = execFileSync('pdffonts', [join(dir, 'a.pdf')], { encoding: 'utf8' })
      .split('\n')
      .slice(2);
    const used = fonts.filter(Boolean);
    expect(used.length).toBeGreaterThan(0);
    for (const line of used) expect(line).toMatch(/DejaVuSans.*\byes\s+yes\s+yes\b/);
    // The same statement drawn again is the same file.
    expect(Buffer.from(await statementPdf(statement!)).equals(Buffer.from(pdf))).toBe(true);
  });

  it('read back in Russian with a Cyrillic name and the approved totals', async () => {
    const dir = makeTempDir('loyalty-ru-');
    const ctx = openTestContext({ dir, withProgram: false });
    try {
      await buildRussianProgram(ctx);
      publishStatements(ctx, '2026-09');
      const [statement] = currentStatements(ctx, 'period', '2026-09', 'A');
      const figures = approvedFigures(ctx, '2026-09', 'A');
      const text = pdfText(dir, 'a.pdf', await statementPdf(statement!));
      expect(text).toContain(CYRILLIC_NAME);
      expect(text).toContain('Выписка по баллам: сентябрь 2026 г.');
      expect(text).toContain('Баллы за период');
      expect(text).toMatch(new RegExp(`${integer(figures.total, 'ru-RU')} балл`));
      expect(text).toContain(spaced(formatMoney(figures.paidMinor ?? 0, 'PLN', 2, 'ru-RU')));
    } finally {
      ctx.store.close();
    }
  });

  it('publishes nothing new when nothing changed, and the statements stay sealed', async () => {
    const { ctx } = await at(polishApproved);
    const first = publishStatements(ctx, '2026-09');
    const rows = () => (ctx.store.sqlite.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n;
    const before = rows();
    const again = publishStatements(ctx, '2026-09');
    expect(again).toMatchObject({ published: 0, replaced: 0, unchanged: first.published });
    expect(rows()).toBe(before);
    const audit = verifyLedger(ctx.store.sqlite);
    expect(audit.problems).toEqual([]);
    const sealed = ctx.store.sqlite
      .prepare("SELECT SUM(row_count) AS n FROM record_seals WHERE table_name = 'statements'")
      .get() as { n: number };
    expect(sealed.n).toBe(before);
  });

  it('reissues nothing when only the program is renamed or its point value changes for later periods', async () => {
    const { ctx } = await at(polishOctoberApproved);
    const period = publishStatements(ctx, '2026-09');
    const year = publishYearStatements(ctx, '2026');
    const valueBefore = requireProgram(ctx).pointValueMinor;
    updateProgramSettings(ctx, {
      name: 'Partner Plus 2027',
      client: 'Another client name',
      pointValueMinor: valueBefore * 2,
      reason: 'New contract from January',
    });
    expect(publishStatements(ctx, '2026-09')).toMatchObject({ published: 0, replaced: 0, unchanged: period.published });
    expect(publishYearStatements(ctx, '2026')).toMatchObject({ published: 0, replaced: 0, unchanged: year.published });
    // A statement of the year names the point value its periods were approved under, not the new one.
    const [statement] = currentStatements(ctx, 'year', '2026', 'A');
    expect((statement!.content as YearStatementContent).program.pointValueMinor).toBe(valueBefore);
  });

  it('after a failed top-up publishes a second statement that names the first, which stays as it was', async () => {
    const { ctx, dir } = await at(septemberExported);
    publishStatements(ctx, '2026-09');
    const [first] = currentStatements(ctx, 'period', '2026-09', 'B');
    const firstRow = ctx.store.sqlite.prepare('SELECT * FROM statements WHERE id = ?').get(first!.id);

    await importConfirmations(ctx, issuerConfirmation()); // B's top-up fails at the issuer.
    const counts = publishStatements(ctx, '2026-09');
    expect(counts).toMatchObject({ published: 0, replaced: 1 });
    const [second] = currentStatements(ctx, 'period', '2026-09', 'B');
    expect(second!.id).not.toBe(first!.id);
    expect(second!.replaces).toEqual({ id: first!.id, publishedAt: first!.publishedAt });
    const payouts = (second!.content as PeriodStatementContent).payouts;
    expect(payouts.map((p) => p.status)).toEqual(['failed']);

    const text = pdfText(dir, 'b2.pdf', await statementPdf(second!));
    expect(text).toContain(`Wyciąg nr ${second!.id}`);
    expect(text).toContain(`Zastępuje wyciąg nr ${first!.id} z `);
    expect(text).toContain('odrzucone przez wydawcę');

    expect(ctx.store.sqlite.prepare('SELECT * FROM statements WHERE id = ?').get(first!.id)).toEqual(firstRow);
    expect(() =>
      ctx.store.sqlite.prepare("UPDATE statements SET content_json = '{}' WHERE id = ?").run(first!.id),
    ).toThrow(/never changed/);
    expect(() => ctx.store.sqlite.prepare('DELETE FROM statements WHERE id = ?').run(first!.id)).toThrow(
      /never deleted/,
    );
    expect(verifyLedger(ctx.store.sqlite).problems).toEqual([]);
  });

  it('after a late return for the approved month, settled in the next one, names the correction in a new statement', async () => {
    const { ctx, dir } = await at(polishApproved);
    publishStatements(ctx, '2026-09');
    const [first] = currentStatements(ctx, 'period', '2026-09', 'A');
    // A return for September arrives after its approval; October's approval settles it as a correction.
    await importSales(ctx, csvFile('late-09.csv', [SALES_HEADER, '2026-09-28;A;DOG-01;-5;-500,00;S/99']), {
      period: '2026-09',
    });
    await importScenarioSales(ctx, '2026-10');
    approvePeriod(ctx, '2026-10', { fitBudget: true, acceptOpenAnomalies: 'Checked with the client' });
    const settled = ctx.store.sqlite
      .prepare(
        `SELECT points FROM ledger_entries WHERE participant_code = 'A' AND period = '2026-10' AND corrects_period = '2026-09'`,
      )
      .get() as { points: number };
    expect(settled.points).toBeLessThan(0);

    expect(publishStatements(ctx, '2026-09')).toMatchObject({ published: 0, replaced: 1 });
    const [second] = currentStatements(ctx, 'period', '2026-09', 'A');
    expect(second!.replaces?.id).toBe(first!.id);
    const content = second!.content as PeriodStatementContent;
    expect(content.laterCorrections).toEqual([{ settledIn: '2026-10', points: settled.points }]);
    // September's own figures are as approved: the correction is October's.
    expect(content.figures).toEqual((first!.content as PeriodStatementContent).figures);
    const text = pdfText(dir, 'a2.pdf', await statementPdf(second!));
    expect(text).toContain(`Zastępuje wyciąg nr ${first!.id} z `);
    expect(text.replace(/\s+/g, ' ')).toContain(
      `Późniejsza korekta tego okresu, ${integer(settled.points, 'pl-PL')} pkt, została rozliczona w okresie październik 2026.`,
    );
  });

  it('writes a zip with one PDF per participant, and a folder with a PDF and a workbook each', async () => {
    const { ctx, dir } = await at(polishApproved);
    const zipPath = join(dir, 'statements-2026-09.zip');
    const written = await writePeriodStatements(ctx, '2026-09', zipPath);
    const codes = currentStatements(ctx, 'period', '2026-09').map((s) => s.participantCode);
    expect(written).toMatchObject({ path: zipPath, files: codes.length, published: codes.length });
    const entries = unzipSync(readFileSync(zipPath));
    expect(Object.keys(entries).sort()).toEqual(
      codes.map((c) => expect.stringMatching(new RegExp(`^2026-09-${c}-[\\p{L}\\p{N}-]+\\.pdf$`, 'u'))),
    );
    expect(Object.keys(entries)).toContain('2026-09-A-zazolc-lukasz-gesla.pdf');
    for (const bytes of Object.values(entries)) expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = pdfText(dir, 'from-zip.pdf', entries['2026-09-A-zazolc-lukasz-gesla.pdf']!);
    expect(text).toContain(POLISH_NAME);

    const folder = join(dir, 'folder');
    const again = await writePeriodStatements(ctx, '2026-09', folder, { xlsx: true });
    expect(again).toMatchObject({ published: 0, unchanged: codes.length, files: codes.length * 2 });
    expect(readdirSync(folder).filter((f) => f.endsWith('.xlsx'))).toHaveLength(codes.length);
    if (hasOpenpyxl) {
      // As Excel keeps it: the summary and the lines, the header frozen, net values in the program's currency.
      const script = `
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
lines = book.worksheets[1]
print(json.dumps([book.sheetnames, lines.freeze_panes, lines.cell(2, 5).number_format, lines.max_row]))`;
      const workbook = join(folder, '2026-09-A-zazolc-lukasz-gesla.xlsx');
      const [sheets, frozen, format, rows] = JSON.parse(
        execFileSync(SYSTEM_PYTHON, ['-c', script, workbook], { encoding: 'utf8' }),
      ) as [string[], string, string, number];
      expect(sheets).toEqual(['Twoje punkty', 'Wiersze sprzedaży']);
      expect(frozen).toBe('A2');
      expect(format).toContain('"PLN"');
      const [a] = currentStatements(ctx, 'period', '2026-09', 'A');
      expect(rows).toBe((a!.content as PeriodStatementContent).lines.length + 1);
    }
  });

  it('sums a year: each approved period once, the totals the sums of the periods', async () => {
    const { ctx, dir } = await at(polishOctoberApproved);
    const counts = publishYearStatements(ctx, '2026', 'A');
    expect(counts).toMatchObject({ published: 1, kind: 'year', period: '2026' });
    const [year] = currentStatements(ctx, 'year', '2026', 'A');
    const content = year!.content as YearStatementContent;
    expect(content.periods.map((p) => p.period)).toEqual(['2026-09', '2026-10']);
    const september = approvedFigures(ctx, '2026-09', 'A');
    const october = approvedFigures(ctx, '2026-10', 'A');
    expect(content.periods.map((p) => p.total)).toEqual([september.total, october.total]);
    expect(content.totals.total).toBe(september.total + october.total);
    expect(content.totals.earned).toBe(september.earned + october.earned);
    const loaded = ctx.store.sqlite
      .prepare(
        `SELECT SUM(amount_minor) AS m FROM payouts WHERE participant_code = 'A' AND period IN ('2026-09', '2026-10')`,
      )
      .get() as { m: number };
    expect(content.totals.loadedMinor).toBe(loaded.m);
    expect(content.totals.balancePoints).toBe(october.balance);
    const text = pdfText(dir, 'year.pdf', await statementPdf(year!));
    expect(text).toContain('Roczny wyciąg punktów: 2026');
    expect(text).toContain(integer(september.total + october.total, 'pl-PL'));
    expect(publishYearStatements(ctx, '2026', 'A')).toMatchObject({ published: 0, unchanged: 1 });
  });

  it('publishes and writes through the CLI: a period, then a participant’s year', async () => {
    const { ctx, dir } = await at(polishOctoberApproved);
    const file = ctx.store.file;
    ctx.store.close();
    const publish = await runLoyalty(['statements', 'publish', '--period', '2026-10', '--db', file, '--json']);
    expect(publish.stderr).toBe('');
    expect(JSON.parse(publish.stdout)).toMatchObject({ kind: 'period', period: '2026-10', replaced: 0, unchanged: 0 });
    const out = join(dir, 'year-A.pdf');
    const year = await runLoyalty([
      'statements',
      'year',
      '--year',
      '2026',
      '--participant',
      'A',
      '--out',
      out,
      '--db',
      file,
    ]);
    expect(year.code).toBe(0);
    expect(year.stdout).toContain('1 published');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
    expect(text).toContain(POLISH_NAME);
    expect(text).toContain('październik 2026');
    const draft = await runLoyalty(['statements', 'publish', '--period', '2026-11', '--db', file]);
    expect(draft.code).toBe(1);
    expect(draft.stderr).toContain('2026-11 is open: a statement is made of an approved period, never of a draft.');
  });
});
