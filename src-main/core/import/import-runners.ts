// Every kind of import the app can run, for the job runner (import-jobs.ts).
import type { ImportKindRunner } from './import-job-types';

export const IMPORT_RUNNERS: readonly ImportKindRunner[] = [];
