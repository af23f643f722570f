// npx tsx bench/seal-bench.ts: what sealing adds to a sales import of 200,000 lines. Not part
// of `npm run bench`.
//
// Imports the same 200,000-line CSV (participants and products of the test scenario) into a
// fresh database twice per run, alternating: once with the app's sealing, once with sealing off
// (`openDatabase(file, { sealer: () => null })`); prints each import's wall time and the time of
// the seal itself inside the commit (the one seal over all 200,000 rows: json_array lines, one
// streaming SHA-256, a CRC-32 per row). Options: --rows N (200000), --runs N (3).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createRecordSealer, type SealMark } from '../src-main/db/record-seals';
import { createProgram, readReferenceTemplate } from '../src-main/core/program/program-store';
import { importSales } from '../src-main/core/sales/import-sales';
import { openDatabase } from '../src-main/db/open-database';
import { csvFile, seedScenarioMasterData } from '../tests/fixtures/scoring-scenario';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const rows = option('rows', 200_000);
const runs = option('runs', 3);
const codes = ['A', 'B', 'C', 'E'];
const skus = ['DOG-01', 'CAT-07', 'TOY-3'];
const lines = ['Date;Rep code;SKU;Qty;Net value;Invoice;Line'];
for (let i = 0; i < rows; i++) {
  lines.push(
    `2026-09-${String(1 + (i % 28)).padStart(2, '0')};${codes[i % 4]};${skus[i % 3]};${1 + (i % 9)};${100 + (i % 5000)},${String(i % 100).padStart(2, '0')};FV/${i};${i % 7}`,
  );
}
const file = csvFile(`sales-${rows}.csv`, lines);
const dir = mkdtempSync(join(tmpdir(), 'loyalty-seal-bench-'));

let sealMs = 0;
function timedSealer(sqlite: Database.Database) {
  const inner = createRecordSealer(sqlite)!;
  return {
    begin: () => inner.begin(),
    commit(mark: SealMark) {
      const started = performance.now();
      inner.commit(mark);
      sealMs = performance.now() - started;
    },
  };
}

try {
  for (let run = 1; run <= runs; run++) {
    for (const sealed of [true, false]) {
      const db = join(dir, `run-${run}-${sealed ? 'sealed' : 'unsealed'}.db`);
      const store = openDatabase(db, sealed ? { sealer: timedSealer } : { sealer: () => null });
      const ctx = { store, actor: 'bench', now: () => new Date('2026-11-01T10:00:00Z') };
      createProgram(ctx, readReferenceTemplate());
      await seedScenarioMasterData(ctx);
      const started = performance.now();
      const report = await importSales(ctx, file, { period: '2026-09' });
      const ms = performance.now() - started;
      console.log(
        `run ${run} ${sealed ? 'sealed  ' : 'unsealed'}: import ${Math.round(ms)} ms, ${report.accepted} lines${sealed ? `, of which the seal ${Math.round(sealMs)} ms` : ''}`,
      );
      store.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
