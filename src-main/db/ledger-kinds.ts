// The ledger's entry kinds and a period's states: plain constants shared by the schema, the
// core and the renderer.
export const LEDGER_KINDS = [
  'earn',
  'campaign',
  'tier',
  'target',
  'cap',
  'prize',
  'adjustment',
  'reversal',
  'redemption',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const PERIOD_STATES = ['open', 'calculated', 'approved', 'exported', 'closed'] as const;
export type PeriodState = (typeof PERIOD_STATES)[number];
