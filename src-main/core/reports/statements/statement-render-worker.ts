// A thread that draws statements: the CLI's build writes it beside its entry (scripts/build-cli.mjs), and
// statement-render-pool.ts starts one per core to draw a period's 2,000 PDFs side by side.
import { parentPort } from 'node:worker_threads';
import { statementPdf } from './statement-pdf';
import { statementXlsx } from './statement-xlsx';
import type { RenderReply, RenderRequest } from './statement-render-pool';

parentPort?.on('message', (request: RenderRequest) => {
  void (async () => {
    try {
      const pdfs: Uint8Array[] = [];
      const workbooks: Uint8Array[] = [];
      for (const statement of request.statements) {
        pdfs.push(new Uint8Array(await statementPdf(statement)));
        if (request.xlsx) workbooks.push(await statementXlsx(statement));
      }
      const reply: RenderReply = { start: request.start, pdfs, workbooks };
      parentPort!.postMessage(
        reply,
        [...pdfs, ...workbooks].map((b) => b.buffer as ArrayBuffer),
      );
    } catch (error) {
      const reply: RenderReply = { start: request.start, error: (error as Error).message };
      parentPort!.postMessage(reply);
    }
  })();
});
