// What the coordinator's decisions on points take and give back: plain types for the contract.

/**
 * What a verification decision can do to a finding's lines: assign them to a participant, exclude them, set a target,
 * or accept the finding as it is.
 */
export const VERIFICATION_ACTIONS = ['assign', 'exclude', 'setTarget', 'accept'] as const;
export type VerificationAction = (typeof VERIFICATION_ACTIONS)[number];

export interface AdjustmentInput {
  period: string;
  participantCode: string;
  points: number;
  reason: string;
}

export interface AdjustmentResult {
  entryId: number;
  participantCode: string;
  period: string;
  points: number;
  reason: string;
}
