// The thread that recomputes every approved period (recompute-thread.ts): from a package's CSV files, rebuilt into a
// database of its own, or from a database file opened read-only. The CLI's build writes it beside its chunks
// (scripts/build-cli.mjs).
import { workerData } from 'node:worker_threads';
import { openDatabaseReadOnly } from '../../db/open-database';
import { NOT_RECOMPUTED_COLUMNS, type RecomputeJob, type RecomputeReply, type TableFed } from './recompute-thread';
import { rebuildDatabase } from './rebuild-database';
import { salesLinesAsRead } from './read-sales-lines';
import { beating, heard, replyTo, type SyncWorkerData } from './sync-worker';
import { Problems, recomputeAll } from './verify-audit-package';

const data = workerData as SyncWorkerData & { job: RecomputeJob };
const send = replyTo(data);

/** The findings, and what to close once they are sent: closing a year's database takes a second nobody need wait. */
function recompute(job: RecomputeJob): { reply: RecomputeReply; close: () => void } {
  const problems = new Problems();
  if (job.kind === 'live') {
    const store = openDatabaseReadOnly(job.file);
    try {
      const result = recomputeAll(store.sqlite, problems);
      return { reply: { outcome: { ...result, found: problems.found } }, close: () => store.close() };
    } catch (error) {
      store.close();
      throw error;
    }
  }
  // Each table rebuilt as the first thread tells it, inflated once there (it reads every file of the zip anyway) and
  // shared, while it inflates the next. What cannot be read back is the first thread's to report.
  const tables = new Map(job.tables.map((t) => [t.path, t.table]));
  const next = heard<TableFed>(data);
  const sales = salesLinesAsRead();
  const rebuilt = rebuildDatabase(
    [],
    (p) => {
      if (p.table === 'sales_lines') sales.spoil();
    },
    NOT_RECOMPUTED_COLUMNS,
    sales.watch,
  );
  try {
    for (let fed = next(); !fed.done; fed = next()) {
      const table = tables.get(fed.path);
      if (table !== undefined) rebuilt.add([{ table, path: fed.path, bytes: fed.bytes }]);
    }
    rebuilt.buildIndexes();
    const result = recomputeAll(rebuilt.store.sqlite, problems, sales.lines());
    return { reply: { outcome: { ...result, found: problems.found } }, close: () => rebuilt.dispose() };
  } catch (error) {
    rebuilt.dispose();
    throw error;
  }
}

let done: { reply: RecomputeReply; close: () => void };
try {
  done = beating(data, () => recompute(data.job));
} catch (error) {
  done = { reply: { error: error instanceof Error ? error.message : String(error) }, close: () => undefined };
}
send(done.reply);
done.close();
// Nothing more will be asked: the thread ends here.
data.port.close();
