// The program as every screen and command sees it: its identity, currency, point value and the
// rules now in force.
import type { ProgramConfig } from './program-config';

export interface ProgramView {
  id: number;
  name: string;
  client: string;
  currency: { code: string; minorDigits: number };
  locale: string;
  pointValueMinor: number;
  firstPeriod: string;
  rulesVersion: number;
  rules: ProgramConfig['rules'];
  createdAt: string;
}
