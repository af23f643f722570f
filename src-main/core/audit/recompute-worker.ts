// The thread that recomputes every approved period (recompute-thread.ts): from a package's CSV files, rebuilt into a
// database of its own, or from a database file opened read-only. The CLI's build writes it beside its chunks
// (scripts/build-cli.mjs).
import { workerData } from 'node:worker_threads';
import { openDatabaseReadOnly } from '../../db/open-database';
import type { RecomputeJob, RecomputeReply } from './recompute-thread';
import { rebuildDatabase } from './rebuild-database';
import { beating, replyTo, type SyncWorkerData } from './sync-worker';
import { Problems, recomputeAll } from './verify-audit-package';
import { readZipEntries } from './zip-reader';

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
  const paths = new Set(job.tables.map((t) => t.path));
  const entries = readZipEntries(job.zip, (name) => paths.has(name));
  const tables = job.tables
    .filter((t) => entries[t.path] !== undefined)
    .map((t) => ({ ...t, bytes: entries[t.path]! }));
  // Held only by `tables` from here, which the rebuild empties table by table.
  for (const path of paths) delete entries[path];
  // What cannot be read back is the other thread's to report: it rebuilds every table too.
  const rebuilt = rebuildDatabase(tables, () => undefined);
  try {
    rebuilt.buildIndexes();
    const result = recomputeAll(rebuilt.store.sqlite, problems);
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
