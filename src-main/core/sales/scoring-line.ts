// A stored sales line as the later stages (decisions, scoring) take it: where it came from, who
// sold what, how much and for how much, in integers.
export interface ScoringLine {
  id: number;
  batchId: number;
  row: number;
  date: string;
  participantCode: string;
  sku: string;
  quantity: number;
  netMinor: number;
}
