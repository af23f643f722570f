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

export interface DecisionView {
  id: number;
  action: VerificationAction;
  participantCode: string | null;
  targetMinor: number | null;
  lineIds: number[];
  reason: string;
  at: string;
  actor: string;
}

export interface VerificationItem {
  /** Stable across re-scoring: what a decision is recorded against. */
  key: FindingKey;
  code: VerificationCode;
  participantCode: string | null;
  sku: string | null;
  /** One sentence in English; the UI words it from code and facts. */
  message: string;
  facts: Record<string, string | number | null>;
  /** The rows that show it (at most 200 listed; lineCount says how many there are). */
  evidence: EvidenceLine[];
  lineCount: number;
  status: 'open' | 'resolved';
  decisions: DecisionView[];
  /** What can be done about it. */
  actions: VerificationAction[];
}

export interface VerificationQueue {
  period: string;
  locked: boolean;
  open: number;
  resolved: number;
  items: VerificationItem[];
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
}
