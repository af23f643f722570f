// import_problems keeps each problem's English sentence but not the params the screens word it
// with in the operator's language. The sentences are our own (unknown-values.ts, import-sales.ts),
// so the few figures they carry are read back from them; a problem whose figures cannot be read
// keeps only its row, column and value, and the screen falls back to the stored sentence.
import type { ImportProblem } from './import-report';

type Params = Record<string, string | number>;

const UNKNOWN_COUNT = /\(in (\d+) rows\)/;
const REPEATS_IN_FILE = /^Row \d+ repeats row (\d+) \((.*)\) and was not taken\.$/;
const ALREADY_IMPORTED =
  /^Row \d+ \((.*)\) was already imported in batch (\d+) \("(.*)", row (\d+)\) and was not taken\.$/;

export function storedProblemParams(problem: Omit<ImportProblem, 'params'>): Params {
  const params: Params = {};
  if (problem.row !== null) params.row = problem.row;
  if (problem.column !== null) params.column = problem.column;
  if (problem.value !== null) params.value = problem.value;
  if ((problem.code === 'UNKNOWN_PARTICIPANT' || problem.code === 'UNKNOWN_SKU') && problem.value !== null) {
    params.count = Number(UNKNOWN_COUNT.exec(problem.reason)?.[1] ?? 1);
  }
  if (problem.code === 'DUPLICATE_LINE') {
    const inFile = REPEATS_IN_FILE.exec(problem.reason);
    const earlier = ALREADY_IMPORTED.exec(problem.reason);
    if (inFile) {
      params.firstRow = Number(inFile[1]);
      params.key = inFile[2]!;
    } else if (earlier) {
      params.key = earlier[1]!;
      params.batchId = Number(earlier[2]);
      params.fileName = earlier[3]!;
      params.firstRow = Number(earlier[4]);
    }
  }
  return params;
}
