// The verification queue of a period: each finding with its evidence, its status and the
// decisions taken on it. Deciding re-scores the draft, since scoring applies the decisions.
import type Database from 'better-sqlite3';
import type { RowOf, StoredRowOf } from '../../db/row-types';
import type { importBatches, verificationDecisions } from '../../db/schema';
import { AppError } from '../app-error';
import { requireWithinLimit } from '../money/amount-limit';
import type { CoreContext } from '../context';
import { nowIso } from '../context';
import { recordDecision } from '../operator/operator-log';
import { isLocked, periodState } from '../periods/period-states';
import { requireProgram } from '../program/program-store';
import { draftScore, type Draft } from '../scoring/period-score';
import { requirePeriod } from '../periods/require-period';
import type { ScoringLineColumns } from '../sales/scoring-line-columns';
import { detectFindings, type Finding } from './detect-anomalies';
import { decodeFindingKey, encodeFindingKey, type FindingKey } from '../decisions/finding-key';
import {
  VERIFICATION_CODES,
  type DecisionView,
  type EvidenceLine,
  type ResolveInput,
  type VerificationItem,
  type VerificationQueue,
} from './verification-views';

const MAX_EVIDENCE = 200;

type Decision = RowOf<typeof verificationDecisions>;
/** A decision's row, its key and line ids still as stored (JSON). */
type DecisionRow = Pick<Decision, 'id' | 'action' | 'participantCode' | 'targetMinor' | 'reason' | 'at' | 'actor'> & {
  key: Decision['anomalyKey'];
  lineIds: Decision['lineIdsJson'];
};

function loadDecisions(sqlite: Database.Database, programId: number, period: string): DecisionView[] {
  const rows = sqlite
    .prepare(
      `SELECT id, anomaly_key AS key, action, participant_code AS participantCode, target_minor AS targetMinor, line_ids_json AS lineIds,
              reason, at, actor FROM verification_decisions WHERE program_id = ? AND period = ? ORDER BY id`,
    )
    .all(programId, period) as DecisionRow[];
  return rows.map((r) => ({ ...r, lineIds: JSON.parse(r.lineIds) as number[] }));
}

function evidenceOf(sqlite: Database.Database, finding: Pick<Finding, 'lineIds' | 'batchRows'>): EvidenceLine[] {
  const files = new Map<number, string>();
  const fileName = (batchId: number) => {
    if (!files.has(batchId))
      files.set(
        batchId,
        (
          sqlite.prepare('SELECT file_name FROM import_batches WHERE id = ?').get(batchId) as
            Pick<StoredRowOf<typeof importBatches>, 'file_name'> | undefined
        )?.file_name ?? '',
      );
    return files.get(batchId)!;
  };
  if (finding.batchRows) {
    return finding.batchRows.slice(0, MAX_EVIDENCE).map((r) => ({
      lineId: null,
      batchId: r.batchId,
      fileName: fileName(r.batchId),
      row: r.row,
      date: null,
      participantCode: null,
      sku: r.value,
      quantity: null,
      netMinor: null,
    }));
  }
  if (finding.lineIds.length === 0) return [];
  const rows = sqlite
    .prepare(
      `SELECT id, batch_id, source_row, sale_date, participant_code, sku, quantity, net_minor FROM sales_lines
       WHERE id IN (SELECT value FROM json_each(?)) ORDER BY batch_id, source_row`,
    )
    .raw()
    .all(JSON.stringify(finding.lineIds.slice(0, MAX_EVIDENCE))) as ScoringLineColumns[];
  return rows.map(([lineId, batchId, row, date, participantCode, sku, quantity, netMinor]) => ({
    lineId,
    batchId,
    fileName: fileName(batchId),
    row,
    date,
    participantCode,
    sku,
    quantity,
    netMinor,
  }));
}

function storedKey(text: string): FindingKey {
  const key = decodeFindingKey(text);
  if (!key || !VERIFICATION_CODES.includes(key.code))
    throw new AppError('NOT_FOUND', `There is no finding "${text}" in the verification queue.`);
  return key;
}

/**
 * The period's findings and their decisions; `draft` is the period's draft with its lines, when the caller has it
 * already.
 */
export function verificationQueue(ctx: CoreContext, period: string, draft?: Draft): VerificationQueue {
  requirePeriod(period);
  const program = requireProgram(ctx);
  const sqlite = ctx.store.sqlite;
  const locked = isLocked(periodState(ctx, program.id, period));
  const { score, sources } = draft ?? draftScore(ctx, program, period, { keepLines: true });
  const findings = detectFindings(sqlite, program, program.rules, score, sources);
  const decisions = loadDecisions(sqlite, program.id, period);
  const byKey = new Map<string, DecisionView[]>();
  // By the stored text form, which is what encodeFindingKey gives for a finding found now.
  for (const d of decisions as (DecisionView & { key: string })[]) byKey.set(d.key, [...(byKey.get(d.key) ?? []), d]);

  const items: VerificationItem[] = findings.map((f) => {
    const taken = byKey.get(encodeFindingKey(f.key)) ?? [];
    return {
      key: f.key,
      code: f.code,
      participantCode: f.participantCode,
      sku: f.sku,
      message: f.message,
      facts: f.facts,
      evidence: evidenceOf(sqlite, f),
      lineCount: f.batchRows?.length ?? f.lineIds.length,
      status: taken.some((d) => d.action === 'accept') ? 'resolved' : 'open',
      decisions: taken,
      actions: f.actions,
    };
  });
  // Findings that assigning, excluding or setting a target made go away stay listed, resolved, with what was done.
  const present = new Set(findings.map((f) => encodeFindingKey(f.key)));
  for (const [text, taken] of byKey) {
    if (present.has(text)) continue;
    const lineIds = [...new Set(taken.flatMap((d) => d.lineIds))];
    const key = storedKey(text);
    items.push({
      key,
      code: key.code,
      participantCode: 'participantCode' in key ? key.participantCode : null,
      sku: 'sku' in key ? key.sku : null,
      message: `Resolved: ${taken.map((d) => d.reason).join('; ')}`,
      facts: {},
      evidence: evidenceOf(sqlite, { lineIds }),
      lineCount: lineIds.length,
      status: 'resolved',
      decisions: taken,
      actions: [],
    });
  }
  const open = items.filter((i) => i.status === 'open').length;
  return { period, locked, open, resolved: items.length - open, items };
}

/** Records the coordinator's decision on one finding, with its reason. */
export function resolveFinding(ctx: CoreContext, input: ResolveInput): VerificationQueue {
  requirePeriod(input.period);
  const reason = input.reason.trim();
  if (reason === '')
    throw new AppError(
      'REASON_REQUIRED',
      'Say why: the reason is kept with the decision and shown in explain and the audit trail.',
    );
  ctx.store.transaction(() => {
    const program = requireProgram(ctx);
    const state = periodState(ctx, program.id, input.period);
    if (isLocked(state))
      throw new AppError(
        'PERIOD_LOCKED',
        `${input.period} is ${state}; its verification is closed. Late changes are settled in the next open period.`,
      );
    const queue = verificationQueue(ctx, input.period);
    const keyText = encodeFindingKey(input.key);
    const item = queue.items.find((i) => encodeFindingKey(i.key) === keyText && i.status === 'open');
    if (!item) throw new AppError('NOT_FOUND', `There is no open finding "${keyText}" in ${input.period}.`);
    if (!item.actions.includes(input.action)) {
      throw new AppError(
        'INVALID_INPUT',
        `A finding of the kind ${item.code} cannot be resolved by "${input.action}"; it takes ${item.actions.join(', ')}.`,
      );
    }
    const itemLines = item.evidence.map((e) => e.lineId).filter((id): id is number => id !== null);
    let lineIds: number[] = [];
    let participantCode: string | null = null;
    let targetMinor: number | null = null;
    if (input.action === 'assign' || input.action === 'exclude') {
      lineIds = input.lineIds ?? itemLines;
      const unknown = lineIds.filter((id) => !itemLines.includes(id));
      if (lineIds.length === 0 || unknown.length > 0)
        throw new AppError(
          'INVALID_INPUT',
          `Choose lines of this finding; ${unknown.join(', ') || 'none'} ${unknown.length === 1 ? 'is' : 'are'} not among them.`,
        );
    }
    if (input.action === 'assign') {
      participantCode = (input.participantCode ?? '').trim();
      const known = ctx.store.sqlite
        .prepare('SELECT 1 FROM participants WHERE program_id = ? AND code = ?')
        .get(program.id, participantCode);
      if (!known)
        throw new AppError(
          'NOT_FOUND',
          `There is no participant with the code ${participantCode || '(none given)'} to assign the lines to.`,
        );
    }
    if (input.action === 'setTarget') {
      participantCode = item.participantCode;
      targetMinor = input.targetMinor ?? 0;
      if (!Number.isSafeInteger(targetMinor) || targetMinor <= 0)
        throw new AppError('INVALID_INPUT', 'A target is an amount above zero.');
      requireWithinLimit(targetMinor, `The target of ${participantCode ?? ''} in ${input.period}`, {
        participantCode,
        period: input.period,
      });
    }
    ctx.store.sqlite
      .prepare(
        `INSERT INTO verification_decisions (program_id, period, anomaly_key, action, participant_code, target_minor, line_ids_json, reason, at, actor)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        program.id,
        input.period,
        keyText,
        input.action,
        participantCode,
        targetMinor,
        JSON.stringify(lineIds),
        reason,
        nowIso(ctx),
        ctx.actor,
      );
    recordDecision(ctx, `verify.${input.action}`, keyText, reason, {
      period: input.period,
      participantCode,
      targetMinor,
      lineIds,
    });
  });
  return verificationQueue(ctx, input.period);
}

/**
 * Accepts every open finding of a queue just read with one reason (approving with
 * --accept-open-anomalies). Call inside the transaction that read the queue.
 */
export function acceptOpenFindings(ctx: CoreContext, queue: VerificationQueue, reason: string): number {
  const why = reason.trim();
  if (why === '')
    throw new AppError('REASON_REQUIRED', 'Accepting the open findings needs a reason; it is kept with each of them.');
  const program = requireProgram(ctx);
  const period = queue.period;
  const open = queue.items.filter((i) => i.status === 'open');
  const insert = ctx.store.sqlite.prepare(
    `INSERT INTO verification_decisions (program_id, period, anomaly_key, action, line_ids_json, reason, at, actor) VALUES (?, ?, ?, 'accept', '[]', ?, ?, ?)`,
  );
  for (const item of open) insert.run(program.id, period, encodeFindingKey(item.key), why, nowIso(ctx), ctx.actor);
  if (open.length > 0)
    recordDecision(ctx, 'verify.acceptAll', period, why, { keys: open.map((i) => encodeFindingKey(i.key)) });
  return open.length;
}
