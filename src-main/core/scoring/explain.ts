// `explain`: how every point of one participant in one period came about, line by line and
// rule by rule, with the rows and files the lines came from.
import type { Explanation, ExplainLine, LedgerLine } from './scoring-views';
import type { Table } from 'drizzle-orm';
import type { LedgerEntryRow, RowOf, StoredRowOf } from '../../db/row-types';
import type { importBatches, participants, products, salesLines, verificationDecisions } from '../../db/schema';
import { AppError } from '../app-error';
import type { CoreContext } from '../context';
import { previousPeriod } from '../periods/period';
import { pointValueOfVersion, requireProgram } from '../program/program-store';
import { rulesOfVersion } from './load-scoring-input';
import { lineScoresFor, periodResult } from './period-score';
import { decodeFindingKey, participantOfFindingKey } from '../decisions/finding-key';

/** Some columns of a table's row as raw SQL reads them (their own names). */
type Stored<T extends Table, K extends keyof StoredRowOf<T>> = Pick<StoredRowOf<T>, K>;

/** A ledger entry as the explanation lists it: the row's columns, the id, time and actor renamed. */
type AdjustmentRow = Pick<LedgerEntryRow, 'period' | 'kind' | 'points' | 'note' | 'correctsPeriod'> & {
  entryId: LedgerEntryRow['id'];
  at: LedgerEntryRow['createdAt'];
  actor: LedgerEntryRow['createdBy'];
};

/** A verification decision's row, its key still encoded and its lines counted. */
type DecisionRow = Pick<
  RowOf<typeof verificationDecisions>,
  'action' | 'participantCode' | 'targetMinor' | 'reason' | 'at' | 'actor'
> & { key: RowOf<typeof verificationDecisions>['anomalyKey']; lineCount: number };

export function explainParticipant(ctx: CoreContext, period: string, code: string): Explanation {
  const result = periodResult(ctx, period);
  const program = requireProgram(ctx);
  const participant = ctx.store.sqlite
    .prepare(
      'SELECT code, name, join_date AS joinDate, status, card_ref AS cardRef, iban FROM participants WHERE program_id = ? AND code = ?',
    )
    .get(program.id, code) as Pick<RowOf<typeof participants>, keyof Explanation['participant']> | undefined;
  if (!participant) throw new AppError('NOT_FOUND', `There is no participant with the code ${code}.`);
  const row = result.rows.find((r) => r.code === code);
  if (!row)
    throw new AppError('NOT_FOUND', `${code} has no sales, target, prize or balance in ${period}: nothing to explain.`);
  const rules = result.locked ? rulesOfVersion(ctx, program.id, result.rulesVersion) : program.rules;

  const { lines } = lineScoresFor(ctx, program, period, code);
  const sqlite = ctx.store.sqlite;
  const files = new Map<number, string>();
  const fileName = (batchId: number) => {
    if (!files.has(batchId))
      files.set(
        batchId,
        (
          sqlite.prepare('SELECT file_name FROM import_batches WHERE id = ?').get(batchId) as Stored<
            typeof importBatches,
            'file_name'
          >
        ).file_name,
      );
    return files.get(batchId)!;
  };
  const productOf = sqlite.prepare('SELECT name, product_group FROM products WHERE program_id = ? AND sku = ?');
  const lineNames = sqlite.prepare('SELECT product_name FROM sales_lines WHERE id = ?');
  const explainLines: ExplainLine[] = lines.map((ls) => {
    const product = productOf.get(program.id, ls.line.sku) as
      Stored<typeof products, 'name' | 'product_group'> | undefined;
    const fromFile =
      (lineNames.get(ls.line.id) as Stored<typeof salesLines, 'product_name'> | undefined)?.product_name ?? null;
    return {
      lineId: ls.line.id,
      batchId: ls.line.batchId,
      fileName: fileName(ls.line.batchId),
      row: ls.line.row,
      date: ls.line.date,
      sku: ls.line.sku,
      productName: product?.name ?? fromFile,
      productGroup: product?.product_group ?? null,
      quantity: ls.line.quantity,
      netMinor: ls.line.netMinor,
      rule: ls.rule,
      pointsPerUnit: ls.pointsPerUnit,
      points: ls.points,
      campaigns: ls.campaigns,
    };
  });

  const tier = rules.tiers.find((t) => t.id === row.tier) ?? null;
  const band =
    row.attainmentBp === null
      ? null
      : ([...rules.targetBands]
          .sort((a, b) => b.minAttainmentBp - a.minAttainmentBp)
          .find((b) => row.attainmentBp! >= b.minAttainmentBp) ?? null);
  const adjustments: LedgerLine[] = sqlite
    .prepare(
      "SELECT id AS entryId, period, kind, points, note, corrects_period AS correctsPeriod, created_at AS at, created_by AS actor FROM ledger_entries WHERE program_id = ? AND participant_code = ? AND period = ? AND kind = 'adjustment' ORDER BY id",
    )
    .all(program.id, code, period) as AdjustmentRow[];
  const decisions = (
    sqlite
      .prepare(
        `SELECT anomaly_key AS key, action, participant_code AS participantCode, target_minor AS targetMinor, json_array_length(line_ids_json) AS lineCount,
                reason, at, actor FROM verification_decisions d WHERE program_id = ? AND period = ?
                AND NOT EXISTS (SELECT 1 FROM decision_withdrawals w WHERE w.decision_id = d.id) ORDER BY id`,
      )
      .all(program.id, period) as DecisionRow[]
  )
    .map((d) => ({ ...d, key: decodeFindingKey(d.key) }))
    .filter(
      (d): d is Explanation['decisions'][number] =>
        d.key !== null && (d.participantCode === code || participantOfFindingKey(d.key) === code),
    );
  return {
    decisions,
    period,
    state: result.state,
    locked: result.locked,
    rulesVersion: result.rulesVersion,
    currency: program.currency,
    pointValueMinor: pointValueOfVersion(ctx, program, result.rulesVersion),
    participant,
    row,
    lines: explainLines,
    tier: {
      previousPeriod: previousPeriod(period),
      previousVolumeMinor: row.previousVolumeMinor,
      id: row.tier,
      name: tier?.name ?? null,
      minVolumeMinor: tier?.minVolumeMinor ?? null,
      bonusPct: row.tierBonusPct,
    },
    target: {
      targetMinor: row.targetMinor,
      promotedMinor: row.promotedMinor,
      attainmentBp: row.attainmentBp,
      minAttainmentBp: band?.minAttainmentBp ?? null,
      bonusPct: row.targetBonusPct,
    },
    capPointsPerPeriod: rules.capPointsPerPeriod,
    adjustments,
    pendingCorrections: result.locked
      ? []
      : result.corrections
          .filter((c) => c.participantCode === code)
          .map((c) => ({ correctsPeriod: c.correctsPeriod, points: c.points })),
  };
}
