// What the Audit screen gets of the operator log (operator-log-query.ts), as types the window can import.

export interface OperatorLogFilter {
  /** An action (`period.approve`) or its area (`period`, `import`, `verify`): everything under it. */
  action?: string;
  actor?: string;
  /** Words found, case-insensitively, in the subject or the reason. */
  text?: string;
  /** Calendar dates, inclusive, as recorded (UTC). */
  from?: string;
  to?: string;
  /** The page after the entry with this id (ids only grow, so a page never repeats or skips an entry). */
  beforeId?: number;
  limit?: number;
}

export type LogDetailValue = string | number | boolean | null;

export interface OperatorLogEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  reason: string | null;
  /** The entry's recorded details, flattened to plain values (nested ones as their JSON). */
  details: Record<string, LogDetailValue>;
}

export interface OperatorLogPage {
  entries: OperatorLogEntry[];
  /** How many entries match the filter in all. */
  matching: number;
  hasMore: boolean;
  /** Every action and every actor in the log, for the filter's lists. */
  actions: string[];
  actors: string[];
  heads: { ledger: { id: number; hash: string }; seal: { id: number; hash: string } };
}

/**
 * The actions the app records, each worded on the Audit screen. A log may hold others (written by a later version or
 * another tool): those are shown by their code.
 */
export const OPERATOR_ACTIONS = [
  'program.create',
  'program.settings',
  'rules.update',
  'import.participants',
  'import.products',
  'import.targets',
  'import.sales',
  'import.confirmations',
  'participant.edit',
  'verify.assign',
  'verify.exclude',
  'verify.setTarget',
  'verify.accept',
  'verify.acceptAll',
  'verify.withdraw',
  'verify.standing',
  'verify.standingEnd',
  'ledger.adjust',
  'period.approve',
  'period.close',
  'payouts.export',
  'payouts.exportCopy',
  'payouts.void',
  'payouts.template',
  'statements.publish.period',
  'statements.publish.year',
  'data.backup',
  'data.restore',
] as const;

export type OperatorAction = (typeof OPERATOR_ACTIONS)[number];

/** What comes before the first dot of an action: the filter's groups. */
export const OPERATOR_AREAS = [
  'program',
  'rules',
  'import',
  'participant',
  'verify',
  'ledger',
  'period',
  'payouts',
  'statements',
  'data',
] as const;
