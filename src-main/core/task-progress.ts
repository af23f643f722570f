// What a long call reports while it runs; types only, so that the window can read them too.

/** What a long call is doing, as a code the window words in the operator's language. */
export type ProgressPhase =
  | 'checking' // the period's state, the findings still open
  | 'scoring' // the period scored from its lines, rules and decisions
  | 'posting' // ledger entries appended and chained
  | 'recording' // the approval's tables, the payouts, the seals
  | 'writingFile' // a payout file's rows
  | 'verifying' // the ledger chain and the seals checked
  | 'publishing' // participants' statements compared with the published ones, new ones published
  | 'drawing' // statements drawn as PDFs
  | 'packaging' // the tables of the audit package written
  | 'rebuilding' // a database rebuilt from an audit package's tables
  | 'recomputing'; // the approved periods scored again and compared

export interface TaskProgress {
  phase: ProgressPhase;
  /** Units done of `total` in this phase (lines, entries, rows); total 0 when not counted. */
  done: number;
  total: number;
}
