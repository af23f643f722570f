// Every kind of import the app can run, for the job runner (import-jobs.ts) and the CLI.
import { participantsRunner } from '../core/import/kinds/import-participants';
import { productsRunner } from '../core/import/kinds/import-products';
import { salesRunner } from '../core/sales/import-sales';
import { targetsRunner } from '../core/import/kinds/import-targets';
import { confirmationsRunner } from '../core/payouts/import-confirmations';
import type { ImportKindRunner } from '../core/import/jobs/import-job-types';
import type { ImportKind } from '../core/import/report/import-report';

export const IMPORT_RUNNERS: readonly ImportKindRunner[] = [
  participantsRunner,
  productsRunner,
  targetsRunner,
  salesRunner,
  confirmationsRunner,
];

export function runnerFor(kind: ImportKind): ImportKindRunner {
  const runner = IMPORT_RUNNERS.find((r) => r.kind === kind);
  if (!runner) throw new Error(`No import runner for ${kind}`);
  return runner;
}
