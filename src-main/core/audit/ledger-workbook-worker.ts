// The thread that makes the package's ledger workbook from its own read-only connection (ledger-workbook-thread.ts).
// The CLI's build writes it beside its chunks (scripts/build-cli.mjs).
import { workerData } from 'node:worker_threads';
import { openDatabaseReadOnly } from '../../db/open-database';
import { GENESIS_HASH } from '../ledger/ledger-hash';
import type { LedgerHead } from '../ledger/append-ledger';
import { ledgerWorkbook } from './ledger-xlsx';
import type { WorkbookReply } from './ledger-workbook-thread';
import { beating, replyTo, type SyncWorkerData } from './sync-worker';

const data = workerData as SyncWorkerData & { file: string; head: LedgerHead };
const send = replyTo(data);

function workbook(): WorkbookReply {
  const store = openDatabaseReadOnly(data.file);
  try {
    const sqlite = store.sqlite;
    return sqlite.transaction((): WorkbookReply => {
      const hash =
        data.head.id === 0
          ? GENESIS_HASH
          : (sqlite.prepare('SELECT hash FROM ledger_entries WHERE id = ?').pluck().get(data.head.id) as
              string | undefined);
      if (hash !== data.head.hash) return { error: `entry ${data.head.id} is not the one the package names` };
      return { bytes: ledgerWorkbook(sqlite, data.head.id) };
    })();
  } finally {
    store.close();
  }
}

let reply: WorkbookReply;
try {
  reply = beating(data, workbook);
} catch (error) {
  reply = { error: error instanceof Error ? error.message : String(error) };
}
const own =
  reply.error === undefined && reply.bytes.byteOffset === 0 && reply.bytes.byteLength === reply.bytes.buffer.byteLength;
send(reply, own && reply.error === undefined ? [reply.bytes.buffer as ArrayBuffer] : []);
data.port.close();
