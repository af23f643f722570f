// A locked period never changes. When its lines change afterwards (a late return imported for
// it, a corrected file replacing its batch), the difference is settled in the period being
// scored now, as an adjustment that names the period it corrects.
import type { PeriodEventRow } from '../../db/row-types';
import type { LateCorrection } from './scoring-views';
export type { LateCorrection } from './scoring-views';
import type { ProgramView } from '../program/program-view';
import type { CoreContext } from '../context';
import { isLocked, periodStates } from '../periods/period-states';
import { currentSalesBatches, loadScoringInput, rulesOfVersion } from './load-scoring-input';
import { scorePeriod } from './score-period';

export interface ApprovalDetails {
  sources?: number[];
  correctedSources?: Record<string, number[]>;
  ledgerHead?: { id: number; hash: string };
}

interface ApprovalSources {
  period: string;
  ruleVersion: number;
  sources: number[];
  correctedSources: Record<string, number[]>;
}

/** What each approval settled, read without the approval's snapshot of rows. */
function approvalSources(ctx: CoreContext, programId: number): ApprovalSources[] {
  const rows = ctx.store.sqlite
    .prepare(
      `SELECT period, rule_version, json_extract(details_json, '$.sources'), json_extract(details_json, '$.correctedSources')
       FROM period_events WHERE program_id = ? AND state = 'approved' ORDER BY id`,
    )
    .raw()
    .all(programId) as [PeriodEventRow['period'], PeriodEventRow['ruleVersion'], string | null, string | null][];
  return rows.map(([period, ruleVersion, sources, corrected]) => ({
    period,
    ruleVersion,
    sources: sources ? (JSON.parse(sources) as number[]) : [],
    correctedSources: corrected ? (JSON.parse(corrected) as Record<string, number[]>) : {},
  }));
}

/** For each locked period before `period`: the batches it was last settled with. */
function settledSources(
  approvals: readonly ApprovalSources[],
  before: string,
): Map<string, { batches: number[]; ruleVersion: number }> {
  const settled = new Map<string, { batches: number[]; ruleVersion: number }>();
  for (const approval of approvals) {
    if (approval.period < before)
      settled.set(approval.period, { batches: approval.sources, ruleVersion: approval.ruleVersion });
    for (const [period, batches] of Object.entries(approval.correctedSources)) {
      const known = settled.get(period);
      if (known) settled.set(period, { batches, ruleVersion: known.ruleVersion });
    }
  }
  return settled;
}

const SETTLED_KINDS = "('earn', 'campaign', 'tier', 'target', 'cap', 'prize')";

function postedTotals(ctx: CoreContext, programId: number, period: string): Map<string, number> {
  const rows = ctx.store.sqlite
    .prepare(
      `SELECT participant_code, SUM(points) FROM ledger_entries WHERE program_id = ?
         AND ((period = ? AND kind IN ${SETTLED_KINDS}) OR corrects_period = ?) GROUP BY participant_code`,
    )
    .raw()
    .all(programId, period, period) as [string, number][];
  return new Map(rows);
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function lateCorrections(ctx: CoreContext, program: ProgramView, period: string): LateCorrection[] {
  const approvals = approvalSources(ctx, program.id);
  if (approvals.length === 0) return [];
  const states = periodStates(ctx, program.id);
  const corrections: LateCorrection[] = [];
  for (const [locked, settled] of [...settledSources(approvals, period)].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const state = states.get(locked);
    if (!state || !isLocked(state)) continue;
    const current = currentSalesBatches(ctx.store.sqlite, program.id, locked);
    if (sameList(settled.batches, current)) continue;
    const rules = rulesOfVersion(ctx, program.id, settled.ruleVersion);
    const now = scorePeriod(
      loadScoringInput(ctx, program, locked, { rules, rulesVersion: settled.ruleVersion, batchIds: current }),
      { keepLines: false },
    );
    const posted = postedTotals(ctx, program.id, locked);
    const codes = new Set([...posted.keys(), ...now.rows.map((r) => r.code)]);
    const totals = new Map(now.rows.map((r) => [r.code, r.total]));
    for (const code of [...codes].sort()) {
      const points = (totals.get(code) ?? 0) - (posted.get(code) ?? 0);
      if (points !== 0)
        corrections.push({
          correctsPeriod: locked,
          participantCode: code,
          points,
          settledBatches: settled.batches,
          currentBatches: current,
        });
    }
  }
  return corrections;
}
