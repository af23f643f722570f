// A period's score as the app shows it: the live draft of an open period (recomputed at will
// from current data and rules), or what was posted for a locked one (kept with its approval).
import type { PeriodResult } from './scoring-views';
export type { PeriodResult } from './scoring-views';
import { createHash } from 'node:crypto';
import type { ProgramView } from '../program/program-view';
import type { CoreContext } from '../context';
import { previousPeriod } from '../periods/period';
import { requirePeriod } from '../periods/require-period';
import type { PeriodState } from '../../db/ledger-kinds';
import { isLocked, latestEvent, periodState, recordPeriodEvent, type PeriodEvent } from '../periods/period-states';
import { requireProgram } from '../program/program-store';
import type { Rules } from '../program/program-config';
import { lateCorrections, type ApprovalDetails, type LateCorrection } from './late-corrections';
import {
  currentSalesBatches,
  loadPostedCorrections,
  loadScoringInput,
  rulesOfVersion,
  volumesOf,
} from './load-scoring-input';
import { scorePeriod } from './score-period';
import type { PeriodTotals, ScoreRow, ScoringAnomaly, PeriodScore } from './score-types';
import { reportProgress } from '../progress';
import { cachedSinceLastWrite, readSnapshot } from './draft-cache';
import {
  approvedAnomalyList,
  approvedCorrectionList,
  approvedLineScores,
  approvedPeriodOf,
  approvedRows,
  approvedTotals,
} from './approved-score';

/** What an approval event's JSON held before the approved_* tables; read only for periods approved then. */
interface ApprovedSnapshot extends ApprovalDetails {
  /** What the approval paid (the approval stage's PayoutProposal); scoring reads only whether it was fitted. */
  payouts?: { totals: { fitted: boolean } };
  /** The reasons written at approval, each for what it allowed. */
  reasons?: { overBudget: string | null; acceptedFindings: string | null };
  rows: ScoreRow[];
  anomalies: ScoringAnomaly[];
  totals: PeriodTotals;
  corrections: LateCorrection[];
}

function sumByParticipant(corrections: readonly LateCorrection[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const c of corrections) sums.set(c.participantCode, (sums.get(c.participantCode) ?? 0) + c.points);
  return sums;
}

export interface DraftOptions {
  /** Other rules than the current ones (what-if). */
  rules?: { rules: Rules; version: number };
  /** Keep every line's score: needed to explain or post, not to show the rows. */
  keepLines?: boolean;
  /** The previous period's volumes when already known (recomputing periods in a row). */
  previousVolume?: ReadonlyMap<string, number>;
}

export interface Draft {
  score: PeriodScore;
  corrections: LateCorrection[];
  sources: number[];
  /** This period's volumes, the next period's tier basis. */
  volumes: Map<string, number>;
}

/** Scores an open period with the given rules (the current ones by default); pure reads. */
export function draftScore(ctx: CoreContext, program: ProgramView, period: string, options: DraftOptions = {}): Draft {
  // The current rules' draft, the same whichever screen asks, is kept until the next write (one with every line
  // serves a caller that needs none); what-if rules and a given previous volume are scored each time.
  if (options.rules || options.previousVolume) return scoreDraft(ctx, program, period, options);
  const key = `${program.id} ${program.rulesVersion} ${period}`;
  return cachedSinceLastWrite(ctx.store.sqlite, key, () => scoreDraft(ctx, program, period, { keepLines: true }));
}

function scoreDraft(ctx: CoreContext, program: ProgramView, period: string, options: DraftOptions): Draft {
  reportProgress('scoring');
  const sources = currentSalesBatches(ctx.store.sqlite, program.id, period);
  const corrections = lateCorrections(ctx, program, period);
  const input = loadScoringInput(ctx, program, period, {
    rules: options.rules?.rules ?? program.rules,
    rulesVersion: options.rules?.version ?? program.rulesVersion,
    batchIds: sources,
    corrections: sumByParticipant(corrections),
    ...(options.previousVolume ? { previousVolume: options.previousVolume } : {}),
  });
  const score = scorePeriod(input, { keepLines: options.keepLines ?? true });
  return { score, corrections, sources, volumes: volumesOf(input.lines) };
}

/** A period approved before the approved_* tables: its record is the JSON of its approval event. */
function legacyLockedResult(approval: PeriodEvent, period: string, state: PeriodState): PeriodResult {
  const snapshot = approval.details as unknown as ApprovedSnapshot;
  return {
    period,
    state,
    locked: true,
    rulesVersion: approval.ruleVersion,
    sources: snapshot.sources ?? [],
    rows: snapshot.rows,
    anomalies: snapshot.anomalies,
    totals: snapshot.totals,
    corrections: snapshot.corrections,
    approval: {
      at: approval.at,
      actor: approval.actor,
      reason: approval.reason,
      overBudgetReason: snapshot.reasons?.overBudget ?? null,
      acceptedFindingsReason: snapshot.reasons?.acceptedFindings ?? null,
      fitted: snapshot.payouts?.totals.fitted ?? false,
    },
  };
}

/** The sales batches an approval scored, as its event notes them for the late corrections and the audit. */
function approvedSources(approval: PeriodEvent): number[] {
  const sources = approval.details.sources;
  return Array.isArray(sources) ? sources.filter((id): id is number => Number.isSafeInteger(id)) : [];
}

function lockedResult(ctx: CoreContext, programId: number, period: string, state: PeriodState): PeriodResult {
  const event = latestEvent(ctx, programId, period, 'approved');
  if (!event) throw new Error(`period ${period} is ${state} without an approval`);
  const approval = approvedPeriodOf(ctx, programId, period);
  if (!approval) return legacyLockedResult(event, period, state);
  return {
    period,
    state,
    locked: true,
    rulesVersion: approval.ruleVersion,
    sources: approvedSources(event),
    rows: approvedRows(ctx, approval.id),
    anomalies: approvedAnomalyList(ctx, approval.id),
    totals: approvedTotals(approval),
    corrections: approvedCorrectionList(ctx, approval.id),
    approval: {
      at: approval.approvedAt,
      actor: approval.approvedBy,
      reason: approval.reason,
      overBudgetReason: approval.overBudgetReason,
      acceptedFindingsReason: approval.acceptedFindingsReason,
      fitted: approval.fitted === 1,
    },
  };
}

function draftResult(period: string, state: PeriodState, draft: Draft): PeriodResult {
  const { score, corrections, sources } = draft;
  return {
    period,
    state,
    locked: false,
    rulesVersion: score.rulesVersion,
    sources,
    rows: score.rows,
    anomalies: score.anomalies,
    totals: score.totals,
    corrections,
    approval: null,
  };
}

export function periodResult(ctx: CoreContext, period: string): PeriodResult {
  requirePeriod(period);
  const program = requireProgram(ctx);
  const state = periodState(ctx, program.id, period);
  if (isLocked(state)) return lockedResult(ctx, program.id, period, state);
  return draftResult(period, state, draftScore(ctx, program, period, { keepLines: false }));
}

function resultHash(result: Pick<PeriodResult, 'rows' | 'anomalies' | 'corrections' | 'rulesVersion'>): string {
  return createHash('sha256')
    .update(JSON.stringify([result.rulesVersion, result.rows, result.anomalies, result.corrections]))
    .digest('hex');
}

/**
 * `score --record`: the draft, noted as a calculated event with the rules version it used (only
 * when something changed since the last one, so that recomputing at will does not fill the log).
 * Viewing a period is `periodResult`, which writes nothing.
 */
export function calculatePeriod(ctx: CoreContext, period: string): PeriodResult {
  requirePeriod(period);
  return ctx.store.transaction(() => {
    const program = requireProgram(ctx);
    const state = periodState(ctx, program.id, period);
    if (isLocked(state)) return lockedResult(ctx, program.id, period, state);
    return noteCalculated(
      ctx,
      program,
      draftResult(period, state, draftScore(ctx, program, period, { keepLines: false })),
    );
  });
}

function noteCalculated(ctx: CoreContext, program: ProgramView, result: PeriodResult): PeriodResult {
  const hash = resultHash(result);
  const last = latestEvent(ctx, program.id, result.period, 'calculated');
  const changed =
    !last || last.ruleVersion !== result.rulesVersion || (last.details as { resultHash?: string }).resultHash !== hash;
  if (changed || result.state !== 'calculated') {
    recordPeriodEvent(ctx, program.id, result.period, 'calculated', result.rulesVersion, {
      resultHash: hash,
      sources: result.sources,
      totals: result.totals,
      anomalies: result.anomalies.length,
    });
  }
  return { ...result, state: 'calculated' };
}

/**
 * Recomputes every open period from the first one, in order, each period's volumes reused as
 * the next one's tier basis. Locked periods are left as they were posted. Only with `record`
 * is each noted as calculated; otherwise nothing is written.
 */
export function recalculatePeriods(
  ctx: CoreContext,
  periods: readonly string[],
  options: { record?: boolean } = {},
): PeriodResult[] {
  const work = () => {
    const program = requireProgram(ctx);
    const results: PeriodResult[] = [];
    let previous: { period: string; volumes: Map<string, number> } | null = null;
    for (const period of [...periods].sort()) {
      const state = periodState(ctx, program.id, period);
      if (isLocked(state)) {
        results.push(lockedResult(ctx, program.id, period, state));
        previous = null;
        continue;
      }
      const reuse = previous && previous.period === previousPeriod(period) ? { previousVolume: previous.volumes } : {};
      const draft = draftScore(ctx, program, period, { keepLines: false, ...reuse });
      const result = draftResult(period, state, draft);
      results.push(options.record ? noteCalculated(ctx, program, result) : result);
      previous = { period, volumes: draft.volumes };
    }
    return results;
  };
  // Reading only: a deferred transaction, so every period is read from the same snapshot without taking the write lock
  // (and the drafts kept since the last write serve it).
  return options.record ? ctx.store.transaction(work) : readSnapshot(ctx.store.sqlite, work);
}

/** Line-level scores of a period for one participant: the current draft, or as approved for a locked period. */
export function lineScoresFor(ctx: CoreContext, program: ProgramView, period: string, code: string) {
  const state = periodState(ctx, program.id, period);
  if (isLocked(state)) {
    const postedCorrections = loadPostedCorrections(ctx.store.sqlite, program.id, period).get(code) ?? 0;
    const approved = approvedPeriodOf(ctx, program.id, period);
    if (approved) return { lines: approvedLineScores(ctx, approved.id, code), postedCorrections };
    // Approved before the approved_* tables kept the line scores: scored again with the rules and batches of the
    // approval.
    const approval = latestEvent(ctx, program.id, period, 'approved')!;
    const rules = rulesOfVersion(ctx, program.id, approval.ruleVersion);
    const score = scorePeriod(
      loadScoringInput(ctx, program, period, {
        rules,
        rulesVersion: approval.ruleVersion,
        batchIds: approvedSources(approval),
      }),
    );
    return { lines: score.lineScores.get(code) ?? [], postedCorrections };
  }
  return {
    lines: draftScore(ctx, program, period, { keepLines: true }).score.lineScores.get(code) ?? [],
    postedCorrections: 0,
  };
}
