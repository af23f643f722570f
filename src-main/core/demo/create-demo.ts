import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '../../db/project-paths';
import type { ImportReport } from '../import/report/import-report';
import type { ProgramView } from '../program/program-view';
import type { CoreContext } from '../context';
import { importParticipants } from '../import/kinds/import-participants';
import { createProgram } from '../program/program-store';
import type { ImportKindRunner } from '../import/jobs/import-job-types';
import { productsRunner } from '../import/kinds/import-products';
import { targetsRunner } from '../import/kinds/import-targets';
import { salesRunner } from '../sales/import-sales';
import { NO_PROGRESS } from '../import/jobs/prepare-import';

function demoFolder(): string {
  return join(findProjectRoot(), 'examples', 'demo');
}

/** The demo's client files in the order a coordinator would import them. */
const DEMO_FILES: readonly { runner: ImportKindRunner; file: string }[] = [
  { runner: productsRunner, file: 'products.xlsx' },
  { runner: targetsRunner, file: 'targets.xlsx' },
  { runner: salesRunner, file: 'sales-2026-09.xlsx' },
  { runner: salesRunner, file: 'sales-2026-10.xlsx' },
];

/**
 * Creates the demo program and imports its client files (participants, products, targets and
 * two months of sales), so that a newcomer sees every step working at once. The files are
 * made by scripts/make-demo-files.ts and committed.
 */
export async function createDemo(
  ctx: CoreContext,
): Promise<{ program: ProgramView; participants: ImportReport; imports: ImportReport[] }> {
  const folder = demoFolder();
  const config = JSON.parse(readFileSync(join(folder, 'demo-program.json'), 'utf8')) as unknown;
  const program = createProgram(ctx, config);
  const read = (file: string) => ({ fileName: file, bytes: readFileSync(join(folder, file)) });
  const participants = await importParticipants(ctx, read('participants.xlsx'));
  const imports: ImportReport[] = [];
  for (const { runner, file } of DEMO_FILES) {
    imports.push(await (await runner.prepare(ctx, read(file), {}, NO_PROGRESS)).commit());
  }
  return { program, participants, imports };
}
