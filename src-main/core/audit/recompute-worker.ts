// The thread that recomputes every approved period (recompute-thread.ts): from a package's CSV files, rebuilt into a
// database of its own, or from a database file opened read-only. The CLI's build writes it beside its chunks
// (scripts/build-cli.mjs).
import { workerData } from 'node:worker_threads';
import { openDatabaseReadOnly } from '../../db/open-database';
import type { RecomputeJob, RecomputeReply, TableFed } from './recompute-thread';
import { recomputeDatabase } from './recompute-database';
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
  // Each table taken as the first thread tells it, inflated once there (it reads every file of the zip anyway) and
  // shared, while it inflates the next.
  const tables = new Map(job.tables.map((t) => [t.path, t.table]));
  const next = heard<TableFed>(data);
  function* told() {
    for (let fed = next(); !fed.done; fed = next()) {
      const table = tables.get(fed.path);
      if (table !== undefined) yield { table, path: fed.path, bytes: fed.bytes };
    }
  }
  const made = recomputeDatabase(told());
  try {
    const result = recomputeAll(made.sqlite, problems, made.lines);
    return { reply: { outcome: { ...result, found: problems.found } }, close: () => made.dispose() };
  } catch (error) {
    made.dispose();
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
