// What the verification queue shows outside the core: plain types only,
// so that the renderer can import them through the IPC contract.

import type { FindingKey } from '../decisions/finding-key';

export const VERIFICATION_CODES = [
  'UNKNOWN_PARTICIPANT',
  'UNKNOWN_SKU',
  'MISSING_TARGET',
  'DUPLICATE_LINE',
  'RETURN_WITHOUT_SALE',
  'NO_DESTINATION',
  'INACTIVE',
  'CAP_REACHED',
  'VOLUME_OUTLIER',
  'NEAR_THRESHOLD',
] as const;
export type VerificationCode = (typeof VERIFICATION_CODES)[number];

import type { VerificationAction } from '../decisions/decision-views';

export interface EvidenceLine {
  lineId: number | null;
  batchId: number;
  fileName: string;
  row: number | null;
  date: string | null;
  participantCode: string | null;
  sku: string | null;
  quantity: number | null;
  netMinor: number | null;
}

/** A decision taken back, with why, by whom and when: the decision stays, in force no longer. */
export interface WithdrawalView {
  id: number;
  reason: string;
  at: string;
  actor: string;
}

/** A decision that holds for later periods too, as the queue and `verify` list it. */
export interface StandingRuleView {
  id: number;
  /** The finding's key as text (UNKNOWN_PARTICIPANT:PH-027). */
  anomalyKey: string;
  action: 'assign' | 'exclude' | 'accept';
  participantCode: string | null;
  fromPeriod: string;
  /** The last period it was given for, null for no end. */
  untilPeriod: string | null;
  /** The decision of the period it was taken in. */
  decisionId: number;
  reason: string;
  at: string;
  actor: string;
  /** Set once it was ended: the last period it holds for, and why. */
  ended: { lastPeriod: string; reason: string; at: string; actor: string } | null;
}

export interface DecisionView {
  /** The stored decision's id; 0 for a standing rule applied in this period (see `standingRuleId`). */
  id: number;
  action: VerificationAction;
  participantCode: string | null;
  targetMinor: number | null;
  lineIds: number[];
  reason: string;
  at: string;
  actor: string;
  /** Set when the decision was withdrawn: it no longer counts. */
  withdrawal?: WithdrawalView | null;
  /** The standing rule this decision made, or (with id 0) the one that resolved the finding in this period. */
  standingRuleId?: number | null;
}

export interface VerificationItem {
  /** Stable across re-scoring: what a decision is recorded against. */
  key: FindingKey;
  code: VerificationCode;
  participantCode: string | null;
  /** The participant's name, when the code is one of the program's participants. */
  participantName?: string | null;
  sku: string | null;
  /** One sentence in English; the UI words it from code and facts. */
  message: string;
  facts: Record<string, string | number | null>;
  /** How many rows show it; `verify.evidence` lists them (the first 200). */
  lineCount: number;
  /**
   * The money it is about, in minor units: the net value, volume or promoted sales its facts name, or else the net
   * value of all its lines; null when it is about no money (a missing target, a repeated row).
   */
  amountMinor: number | null;
  status: 'open' | 'resolved';
  decisions: DecisionView[];
  /** What can be done about it. */
  actions: VerificationAction[];
}

/** The rows that show a finding: the first 200 of them, and how many there are. */
export interface FindingEvidence {
  lines: EvidenceLine[];
  total: number;
}

/** A finding with the rows that show it, as the CLI prints it and an auditor reads it. */
export interface VerificationItemWithEvidence extends VerificationItem {
  evidence: EvidenceLine[];
}

export interface VerificationQueue<Item extends VerificationItem = VerificationItem> {
  period: string;
  locked: boolean;
  open: number;
  resolved: number;
  items: Item[];
  /** Every standing rule of the program, in force or ended, oldest first. */
  standingRules?: StandingRuleView[];
}

export interface ResolveInput {
  period: string;
  key: FindingKey;
  action: VerificationAction;
  /** assign: the participant the lines go to; setTarget: whose target. */
  participantCode?: string;
  targetMinor?: number;
  /** assign, exclude: which of the item's lines (all of them when left out). */
  lineIds?: number[];
  reason: string;
  /**
   * Also for later periods: from the next period on, until `untilPeriod` (or until ended) when given. Only `accept`,
   * and `assign` or `exclude` of an unknown participant's lines.
   */
  standing?: { untilPeriod: string | null } | null;
}

/** One decision on many findings: each is recorded on its own, with the same reason. */
export interface ResolveManyInput extends Omit<ResolveInput, 'key' | 'lineIds'> {
  keys: FindingKey[];
}

export interface ResolveOutcome {
  queue: VerificationQueue;
  /** The findings resolved, as text keys, in the order given. */
  resolved: string[];
  /** The standing rules made, if any. */
  standingRuleIds: number[];
}

export interface WithdrawInput {
  period: string;
  decisionId: number;
  reason: string;
}

export interface EndStandingInput {
  standingRuleId: number;
  /** The last period it holds for. */
  lastPeriod: string;
  reason: string;
}
