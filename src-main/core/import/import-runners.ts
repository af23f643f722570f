// Every kind of import the app can run, for the job runner (import-jobs.ts) and the CLI.
import { participantsRunner } from '../participants/import-participants';
import { productsRunner } from '../products/import-products';
import { salesRunner } from '../sales/import-sales';
import { targetsRunner } from '../targets/import-targets';
import { confirmationsRunner } from '../payouts/import-confirmations';
import type { ImportKindRunner } from './import-job-types';
import type { ImportKind } from './import-report';

export const IMPORT_RUNNERS: readonly ImportKindRunner[] = [participantsRunner, productsRunner, targetsRunner, salesRunner, confirmationsRunner];

export function runnerFor(kind: ImportKind): ImportKindRunner {
  const runner = IMPORT_RUNNERS.find((r) => r.kind === kind);
  if (!runner) throw new Error(`No import runner for ${kind}`);
  return runner;
}
