// The client's report of an approved period, as data: what the program paid and why, participant by participant,
// read from what was approved (never a re-score), with the findings and how each was resolved, and the heads of
// the ledger and seal chains it was made from, so that anyone can check it against the file later.
import { AppError } from '../app-error';
import type { CoreContext } from '../context';
import { ledgerHead } from '../ledger/append-ledger';
import { sealHead } from '../../db/record-seals';
import { requirePeriod } from '../periods/require-period';
import { pointValueOfVersion, requireProgram } from '../program/program-store';
import type { ProgramView } from '../program/program-view';
import type { ScoreRow } from '../scoring/score-types';
import { periodResult } from '../scoring/period-score';
import { rulesOfVersion } from '../scoring/load-scoring-input';
import type { PeriodResult } from '../scoring/scoring-views';
import { verificationQueue } from '../verification/verification-queue';
import type { VerificationItem } from '../verification/verification-views';
import { listPayouts } from '../payouts/payout-views';

/** Attainment of the month's target, in bands as a client reads them; in basis points (10,000 = 100%). */
export const ATTAINMENT_BANDS = [
  { id: 'noTarget', fromBp: null, belowBp: null },
  { id: 'below80', fromBp: 0, belowBp: 8_000 },
  { id: 'from80', fromBp: 8_000, belowBp: 10_000 },
  { id: 'from100', fromBp: 10_000, belowBp: 12_000 },
  { id: 'from120', fromBp: 12_000, belowBp: null },
] as const;

export type AttainmentBand = (typeof ATTAINMENT_BANDS)[number]['id'];

export interface ReportParticipant extends ScoreRow {
  rank: number;
  /** What was approved for payment (after fitting to the budget or a selection), in minor units. */
  paidMinor: number;
  band: AttainmentBand;
}

export interface PeriodReport {
  program: Pick<ProgramView, 'name' | 'client' | 'currency' | 'locale' | 'pointValueMinor'>;
  period: string;
  result: PeriodResult;
  participants: ReportParticipant[];
  tiers: { tier: string | null; participants: number }[];
  /** Each tier's name ("Silver") by its id, from the rules version the period was approved under. */
  tierNames: Record<string, string>;
  attainment: { band: AttainmentBand; participants: number }[];
  paidMinor: number;
  findings: VerificationItem[];
  ledgerHead: { id: number; hash: string };
  sealHead: { id: number; hash: string };
  madeAt: string;
}

/** What a client report says of the program: who it is for and how its money is written. */
export function reportProgram(
  program: ProgramView,
  pointValueMinor = program.pointValueMinor,
): PeriodReport['program'] {
  const { name, client, currency, locale } = program;
  return { name, client, currency, locale, pointValueMinor };
}

export function bandOf(attainmentBp: number | null): AttainmentBand {
  if (attainmentBp === null) return 'noTarget';
  for (const band of ATTAINMENT_BANDS) {
    if (band.fromBp === null) continue;
    if (attainmentBp >= band.fromBp && (band.belowBp === null || attainmentBp < band.belowBp)) return band.id;
  }
  return 'below80';
}

/** Ranked by points earned in the period, then by code: equal points share no rank order but the code's. */
function ranked(rows: readonly ScoreRow[], paid: ReadonlyMap<string, number>): ReportParticipant[] {
  return [...rows]
    .sort((a, b) => b.total - a.total || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((row, i) => ({ ...row, rank: i + 1, paidMinor: paid.get(row.code) ?? 0, band: bandOf(row.attainmentBp) }));
}

export function periodReport(ctx: CoreContext, period: string): PeriodReport {
  requirePeriod(period);
  // One read transaction (deferred: it takes no write lock), so that the report, its figures and the chain heads it
  // names are of one moment even while another window writes.
  const read = ctx.store.sqlite.transaction((): PeriodReport => {
    const program = requireProgram(ctx);
    const result = periodResult(ctx, period);
    if (!result.locked)
      throw new AppError(
        'PERIOD_NOT_APPROVED',
        `${period} is ${result.state}: a client report is made of an approved period, never of a draft.`,
      );
    const paid = new Map<string, number>();
    for (const p of listPayouts(ctx, period))
      paid.set(p.participantCode, (paid.get(p.participantCode) ?? 0) + p.amountMinor);
    const participants = ranked(result.rows, paid);
    const tiers = new Map<string | null, number>();
    for (const row of result.rows) tiers.set(row.tier, (tiers.get(row.tier) ?? 0) + 1);
    const head = ledgerHead(ctx.store.sqlite);
    const seal = sealHead(ctx.store.sqlite);
    return {
      // The point value the period was approved under: a later change of it is a later rules version.
      program: reportProgram(program, pointValueOfVersion(ctx, program, result.rulesVersion)),
      period,
      result,
      participants,
      tiers: [...tiers].map(([tier, count]) => ({ tier, participants: count })),
      tierNames: Object.fromEntries(
        rulesOfVersion(ctx, program.id, result.rulesVersion).tiers.map((t) => [t.id, t.name ?? t.id]),
      ),
      attainment: ATTAINMENT_BANDS.map((b) => ({
        band: b.id,
        participants: participants.filter((p) => p.band === b.id).length,
      })),
      paidMinor: participants.reduce((sum, p) => sum + p.paidMinor, 0),
      findings: verificationQueue(ctx, period).items,
      ledgerHead: { id: head.id, hash: head.hash },
      sealHead: { id: seal.id, hash: seal.hash },
      madeAt: ctx.now().toISOString(),
    };
  });
  return read.deferred();
}
