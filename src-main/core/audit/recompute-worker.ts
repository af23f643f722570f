// The thread that recomputes every approved period (recompute-thread.ts): from a package's CSV files, rebuilt into a
// database of its own, or from a database file opened read-only. The CLI's build writes it beside its chunks
// (scripts/build-cli.mjs).
import { workerData } from 'node:worker_threads';
import { openDatabaseReadOnly } from '../../db/open-database';
import type { RecomputeJob, RecomputeReply } from './recompute-thread';
import { rebuildDatabase } from './rebuild-database';
import { replyTo, type SyncWorkerData } from './sync-worker';
import { Problems, recomputeAll } from './verify-audit-package';
import { readZipEntries } from './zip-reader';

const data = workerData as SyncWorkerData & { job: RecomputeJob };
const send = replyTo(data);

function recompute(job: RecomputeJob): RecomputeReply {
  const problems = new Problems();
  if (job.kind === 'live') {
    const store = openDatabaseReadOnly(job.file);
    try {
      const result = recomputeAll(store.sqlite, problems);
      return { outcome: { ...result, found: problems.found } };
    } finally {
      store.close();
    }
  }
  const paths = new Set(job.tables.map((t) => t.path));
  const entries = readZipEntries(job.zip, (name) => paths.has(name));
  // What cannot be read back is the other thread's to report: it rebuilds every table too.
  const rebuilt = rebuildDatabase(
    job.tables.filter((t) => entries[t.path] !== undefined).map((t) => ({ ...t, bytes: entries[t.path]! })),
    () => undefined,
  );
  try {
    rebuilt.buildIndexes();
    const result = recomputeAll(rebuilt.store.sqlite, problems);
    return { outcome: { ...result, found: problems.found } };
  } finally {
    rebuilt.dispose();
  }
}

let reply: RecomputeReply;
try {
  reply = recompute(data.job);
} catch (error) {
  reply = { error: error instanceof Error ? error.message : String(error) };
}
send(reply);
