// The Dashboard's data as the renderer receives it (core/reports/dashboard.ts makes it): plain types and the step
// codes, without the core's code.
import type { PeriodState } from '../../db/ledger-kinds';
import type { ProgramView } from '../program/program-view';

/** The attainment bands of core/reports/period-report.ts ATTAINMENT_BANDS, in their order. */
export const DASHBOARD_BANDS = ['noTarget', 'below80', 'from80', 'from100', 'from120'] as const;
export type DashboardBand = (typeof DASHBOARD_BANDS)[number];

export const NEXT_STEPS = [
  'import',
  'score',
  'resolveFindings',
  'approve',
  'export',
  'confirm',
  'close',
  'nothing',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/** The screen each step is taken on; closing a period is done where its payouts are, nothing leads nowhere. */
export const NEXT_STEP_SCREEN: Record<NextStep, 'import' | 'scoring' | 'verification' | 'payouts' | null> = {
  import: 'import',
  score: 'scoring',
  resolveFindings: 'verification',
  approve: 'payouts',
  export: 'payouts',
  confirm: 'import',
  close: 'payouts',
  nothing: null,
};

export interface PipelinePeriod {
  period: string;
  state: PeriodState;
  imported: { batches: number; lines: number; rejectedRows: number };
  /** `calculated`: scored and noted (or approved since); the figures are the draft's or the approval's. */
  scored: { calculated: boolean; participants: number; points: number } | null;
  /**
   * Open findings of an open period and those resolved by a decision; a locked period has none open, and
   * `acceptedAtApproval` counts those the approval accepted with its reason.
   */
  findings: { open: number; resolved: number; acceptedAtApproval: number } | null;
  approved: { at: string; by: string; payableMinor: number; paidMinor: number; topUps: number } | null;
  /** Top-ups of the period by what became of them (voided ones went back to the balances). */
  payouts: { notExported: number; waiting: number; paid: number; failed: number; voided: number; batches: number };
  budget: { budgetMinor: number | null; usedMinor: number; leftMinor: number | null };
  next: { step: NextStep; screen: (typeof NEXT_STEP_SCREEN)[NextStep] };
}

export interface DashboardOverview {
  currency: ProgramView['currency'];
  /** Newest first: the periods with anything in them (sales or an event), at most six. */
  periods: PipelinePeriod[];
  /** Oldest first, at most twelve periods: the money approved for payment against the budget. */
  budgetSeries: { period: string; usedMinor: number; budgetMinor: number | null }[];
  /** The period the tier, attainment and movers charts are of: the last approved, else the newest scored draft. */
  basis: { period: string; approved: boolean } | null;
  tiers: { tier: string | null; name: string | null; participants: number; points: number }[];
  attainment: { band: DashboardBand; participants: number }[];
  /** Against the previous period's approved points; null when that period has none to compare with. */
  movers: { previousPeriod: string; up: Mover[]; down: Mover[] } | null;
}

export interface Mover {
  code: string;
  name: string;
  points: number;
  previousPoints: number;
  change: number;
}

export interface NavigationCounts {
  openFindings: number;
  waitingTopUps: number;
}
