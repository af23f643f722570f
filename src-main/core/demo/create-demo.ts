import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '../../db/project-paths';
import type { ImportReport } from '../import/import-report';
import type { ProgramView } from '../../ipc/contract';
import type { CoreContext } from '../context';
import { importParticipants } from '../participants/import-participants';
import { createProgram } from '../program/program-store';

export function demoFolder(): string {
  return join(findProjectRoot(), 'examples', 'demo');
}

/**
 * Creates the demo program and imports its client files, so that a newcomer sees the app
 * working in one step. The files are made by scripts/make-demo-files.ts and committed.
 */
export async function createDemo(ctx: CoreContext): Promise<{ program: ProgramView; participants: ImportReport }> {
  const folder = demoFolder();
  const config = JSON.parse(readFileSync(join(folder, 'demo-program.json'), 'utf8')) as unknown;
  const program = createProgram(ctx, config);
  const file = join(folder, 'participants.xlsx');
  const participants = await importParticipants(ctx, { fileName: 'participants.xlsx', bytes: readFileSync(file) });
  return { program, participants };
}
