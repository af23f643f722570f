// What a confirmation row that matches no top-up (or not the one it names) says, as data: the renderer words
// each kind in the operator's language and writes the amounts in the program's money format.

export const CONFIRMATION_MISMATCH_KINDS = [
  /** The file's reference is no top-up of ours. */
  'unknownReference',
  /** No reference: no exported top-up of that amount goes to that card or IBAN. */
  'noMatch',
  /** No reference: several exported top-ups of that amount go to that card or IBAN. */
  'ambiguous',
  /** The file gives another amount than the top-up was for. */
  'amount',
  /** The top-up was confirmed already, with the other status. */
  'alreadyConfirmed',
  /** The top-up is approved but in no payout file yet. */
  'notExported',
  /** The top-up's batch was voided. */
  'voided',
  /** An earlier row of the same file confirms the same top-up. */
  'twice',
] as const;

export type ConfirmationMismatchKind = (typeof CONFIRMATION_MISMATCH_KINDS)[number];

/** The params of a CONFIRMATION_MISMATCH problem: the facts of the mismatch, the money in minor units. */
export interface ConfirmationMismatchFacts {
  row: number;
  kind: ConfirmationMismatchKind;
  /** The top-up's reference (ours, or as the file wrote it for `unknownReference`). */
  reference?: string;
  /** The card or IBAN the file names when it gives no reference. */
  destination?: string;
  /** What the top-up was for. */
  expectedMinor?: number;
  /** What the file says. */
  givenMinor?: number;
  /** How many exported top-ups fit (`ambiguous`). */
  candidates?: number;
  /** How the top-up stands already (`alreadyConfirmed`): paid or failed. */
  knownStatus?: 'paid' | 'failed';
  /** What the file says of it: paid or failed. */
  fileStatus?: 'paid' | 'failed';
  /** The row that confirmed the same top-up first (`twice`). */
  firstRow?: number;
  /** The program's currency, for the amounts. */
  currency: string;
  minorDigits: number;
}
