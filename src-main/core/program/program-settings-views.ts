// The program's settings as the Settings screen and `program settings` read and change them: types only, so the
// renderer imports them through the contract.

/** The debtor account a SEPA payout file is drawn on. */
export interface SepaDebtor {
  name: string;
  iban: string;
  bic: string;
}

/** What the payout files need of the program. */
export interface ProgramPayment {
  sepaDebtor?: SepaDebtor;
}

/**
 * A change of the settings: only the fields given change, the rest stay as they are. Money in minor units of the
 * currency (after the change, when the currency changes too). `sepaDebtor: null` removes the debtor account.
 */
export interface ProgramSettingsChangeInput {
  name?: string;
  client?: string;
  currency?: { code: string; minorDigits: number };
  locale?: string;
  pointValueMinor?: number;
  sepaDebtor?: SepaDebtor | null;
  /** Why: kept with the new version (and with the rules version a point value change saves). */
  reason: string;
}

export type ProgramSettingsField =
  | 'name'
  | 'client'
  | 'currency'
  | 'locale'
  | 'pointValueMinor'
  | 'sepaDebtor.name'
  | 'sepaDebtor.iban'
  | 'sepaDebtor.bic';

/** One field of a version that differs from the version before it; null where that version has no value. */
export interface ProgramSettingsFieldChange {
  field: ProgramSettingsField;
  from: string | number | null;
  to: string | number | null;
}

export interface ProgramSettingsVersionView {
  /** 1 is the program as it was created. */
  version: number;
  /** ISO instant. */
  at: string;
  actor: string;
  /** Null for version 1, which the app itself made ("Program created", worded by the screens). */
  reason: string | null;
  /** The rules version this change saved (a point value change), or null. */
  rulesVersion: number | null;
  /** The currency the version's point value is written in. */
  currency: { code: string; minorDigits: number };
  changes: ProgramSettingsFieldChange[];
}

export interface ProgramSettingsView {
  name: string;
  client: string;
  currency: { code: string; minorDigits: number };
  locale: string;
  pointValueMinor: number;
  payment: ProgramPayment;
  /** Whether anything was imported: from then on the currency never changes. */
  currencyLocked: boolean;
  /** The rules' budget per period now in force (edited on the Rules screen, as a rules version), or null. */
  budgetPerPeriodMinor: number | null;
  rulesVersion: number;
  /** Newest first. */
  history: ProgramSettingsVersionView[];
}
