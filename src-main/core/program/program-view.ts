// The program as every screen and command sees it: its identity, currency, point value and the
// rules now in force.
import type { ProgramConfig } from './program-config';
import type { ProgramPayment } from './program-settings-views';

export interface ProgramView {
  id: number;
  name: string;
  client: string;
  currency: { code: string; minorDigits: number };
  locale: string;
  /** What one point is worth under the rules in force, in minor units. */
  pointValueMinor: number;
  /** What one point was worth when the program was created: the value of every rules version that names none. */
  initialPointValueMinor: number;
  /** What the payout files need (the SEPA debtor account), as the newest settings say. */
  payment: ProgramPayment;
  /** The version of the settings in force: 1 as created, one more for each change. */
  settingsVersion: number;
  firstPeriod: string;
  rulesVersion: number;
  rules: ProgramConfig['rules'];
  createdAt: string;
}
