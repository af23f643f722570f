// What a participant's statement shows, as plain data: integers, codes and names, never a sentence. The words come
// from statement-words.ts in the program's language when the statement is drawn, so that the published content (and
// its SHA-256) does not change with a wording.

export interface StatementProgram {
  name: string;
  client: string;
  currency: string;
  minorDigits: number;
  locale: string;
  pointValueMinor: number;
}

export interface StatementLine {
  date: string;
  sku: string;
  product: string | null;
  quantity: number;
  netMinor: number;
  points: number;
  campaignPoints: number;
}

/** A bonus or a cut, as its kind and figures; the statement words it. */
export type StatementBonus =
  | { kind: 'campaign'; id: string; name: string | null; pct: number; points: number }
  | { kind: 'tier'; id: string; name: string; pct: number; points: number }
  | { kind: 'target'; pct: number; attainmentBp: number; points: number }
  | { kind: 'capCut'; capPoints: number | null; points: number }
  | { kind: 'prize'; id: string; name: string; place: number; points: number }
  | { kind: 'adjustment'; points: number }
  | { kind: 'correction'; points: number };

/** A top-up made for the period: loaded (approved, exported or paid), failed at the issuer or voided. */
export interface StatementPayout {
  reference: string;
  method: 'card' | 'transfer';
  destination: string;
  points: number;
  amountMinor: number;
  status: 'loaded' | 'failed' | 'voided';
}

export interface StatementTierOutlook {
  /** The tier this period's volume earns for the next period (null: none). */
  nextPeriodTier: { id: string; name: string; pct: number } | null;
  /** The tier above it and the volume still missing to reach it, in minor units (null at the top). */
  above: { id: string; name: string; pct: number; minVolumeMinor: number; missingMinor: number } | null;
}

export interface PeriodStatementContent {
  kind: 'period';
  program: StatementProgram;
  period: string;
  participant: { code: string; name: string };
  approval: { id: number; approvedAt: string };
  rules: { version: number; createdAt: string };
  lines: StatementLine[];
  figures: {
    volumeMinor: number;
    base: number;
    campaign: number;
    subtotal: number;
    tier: { id: string; name: string; pct: number } | null;
    tierBonus: number;
    targetMinor: number | null;
    promotedMinor: number;
    attainmentBp: number | null;
    targetBonus: number;
    beforeCap: number;
    capCut: number;
    earned: number;
    prize: number;
    total: number;
    carry: number;
    adjustments: number;
    corrections: number;
    payablePoints: number;
    payoutMinor: number;
    held: 'noDestination' | 'inactive' | null;
    /** What the approval paid (less than payable when fitted to the budget or left out of a selection). */
    paidPoints: number;
    paidMinor: number;
  };
  bonuses: StatementBonus[];
  tierOutlook: StatementTierOutlook;
  /** Differences found in this period later, settled in the period named. */
  laterCorrections: { settledIn: string; points: number }[];
  payouts: StatementPayout[];
  /** The sum of the participant's ledger entries of this period and every earlier one. */
  balancePoints: number;
}

export interface YearStatementPeriod {
  period: string;
  rulesVersion: number;
  earned: number;
  prize: number;
  total: number;
  adjustments: number;
  corrections: number;
  payablePoints: number;
  loadedMinor: number;
  failedMinor: number;
  balancePoints: number;
}

export interface YearStatementContent {
  kind: 'year';
  program: StatementProgram;
  year: string;
  participant: { code: string; name: string };
  rules: { version: number; createdAt: string };
  periods: YearStatementPeriod[];
  totals: Omit<YearStatementPeriod, 'period' | 'rulesVersion' | 'balancePoints'> & { balancePoints: number };
}

export type StatementContent = PeriodStatementContent | YearStatementContent;

/** A published statement as drawn: its content and where it stands in the line of statements it belongs to. */
export interface PublishedStatement {
  id: number;
  kind: 'period' | 'year';
  period: string;
  participantCode: string;
  replaces: { id: number; publishedAt: string } | null;
  chainHead: string;
  publishedAt: string;
  content: StatementContent;
}

export interface PublishCounts {
  kind: 'period' | 'year';
  period: string;
  published: number;
  replaced: number;
  unchanged: number;
  chainHead: string;
}
