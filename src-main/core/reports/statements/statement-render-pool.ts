// Drawing many statements: a PDF costs some 15 ms of one core, so a period of 2,000 participants is drawn by one
// thread per core when the render thread's file is there (the CLI's build writes it beside its chunks), and in this
// thread otherwise (under tsx, vitest and the app's bundle, and for a handful of statements).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerBeside } from '../../worker-file';
import { statementPdf } from './statement-pdf';
import { statementXlsx } from './statement-xlsx';
import type { PublishedStatement } from './statement-types';

export interface RenderRequest {
  start: number;
  statements: PublishedStatement[];
  xlsx: boolean;
}

export type RenderReply =
  { start: number; pdfs: Uint8Array[]; workbooks: Uint8Array[]; error?: undefined } | { start: number; error: string };

export interface RenderedStatement {
  pdf: Uint8Array;
  xlsx: Uint8Array | null;
}

const CHUNK = 25;
const WORKER_FILE = 'statement-render-worker.mjs';

async function inThisThread(
  statements: readonly PublishedStatement[],
  xlsx: boolean,
  done: (count: number) => void,
): Promise<RenderedStatement[]> {
  const out: RenderedStatement[] = [];
  for (const statement of statements) {
    out.push({
      pdf: new Uint8Array(await statementPdf(statement)),
      xlsx: xlsx ? await statementXlsx(statement) : null,
    });
    done(out.length);
  }
  return out;
}

/** Every statement drawn, in the order given; `done` hears how many are drawn so far. */
export async function renderStatements(
  statements: readonly PublishedStatement[],
  xlsx: boolean,
  done: (count: number) => void,
): Promise<RenderedStatement[]> {
  const file = workerBeside(WORKER_FILE);
  const threads = Math.min(availableParallelism(), 4, Math.ceil(statements.length / CHUNK));
  if (file === null || threads < 2) return inThisThread(statements, xlsx, done);
  const out: RenderedStatement[] = new Array<RenderedStatement>(statements.length);
  // A larger young generation than the default: a statement leaves much short-lived garbage (glyph runs, PDF
  // objects), and fewer scavenges save some 5% of the drawing.
  const workers = Array.from(
    { length: threads },
    () => new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: 64 } }),
  );
  let next = 0;
  let finished = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker) => {
        if (next >= statements.length) return;
        const request: RenderRequest = { start: next, statements: statements.slice(next, next + CHUNK), xlsx };
        next += CHUNK;
        worker.postMessage(request);
      };
      for (const worker of workers) {
        worker.on('message', (reply: RenderReply) => {
          if (reply.error !== undefined) return reject(new Error(reply.error));
          reply.pdfs.forEach((pdf, i) => {
            out[reply.start + i] = { pdf, xlsx: reply.workbooks[i] ?? null };
          });
          finished += reply.pdfs.length;
          done(finished);
          if (finished === statements.length) resolve();
          else feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (finished < statements.length)
            reject(new Error(`A statement drawing thread stopped (exit code ${code}).`));
        });
        feed(worker);
      }
    });
  } finally {
    for (const worker of workers) void worker.terminate();
  }
  return out;
}
