// The core host itself: opens the data file, builds the handlers and answers calls. It runs
// in a process of its own (Electron's utility process, or a child process in web mode), never
// in the process that owns the window.
import type { CoreContext } from '../core/context';
import { openDatabase, type Store } from '../db/open-database';
import { createHandlers } from '../ipc/handlers';
import { dispatchCall, toErrorData, type Logger } from '../ipc/dispatch';
import { prewarmXlsxRowWorker } from '../core/import/read/xlsx-row-worker-client';
import { withProgress, type ProgressSink } from '../core/progress';
import type { FromHost, HostInit, ToHost } from './host-protocol';

/** A two-way message link: a MessagePort, Electron's parentPort, or a child process's IPC. */
export interface HostEndpoint {
  post(message: FromHost): void;
  onMessage(listener: (message: ToHost) => void): void;
}

const defaultLogger: Logger = (message, error) => console.error(message, error);

/**
 * Serves one endpoint: the first message must be `init`; calls are answered in the order they
 * come, each as CallResult data. `close` closes the data file and answers `closed`.
 */
export function serveCore(endpoint: HostEndpoint, log: Logger = defaultLogger, onClosed: () => void = () => {}): void {
  let store: Store | null = null;
  let handlers: ReturnType<typeof createHandlers> | null = null;
  endpoint.onMessage((message) => {
    if (message.type === 'init') {
      if (store) return;
      try {
        store = openDatabase(message.dbFile);
      } catch (error) {
        endpoint.post({ type: 'failed', error: toErrorData(error, log, 'opening the data file') });
        return;
      }
      handlers = createHandlers(contextOf(store, message), { version: message.version, runtime: message.runtime });
      // The thread that reads workbooks, started now so that the first import does not wait for it.
      if (message.lane === 'long') prewarmXlsxRowWorker();
      endpoint.post({ type: 'ready', dataFile: store.file });
      return;
    }
    if (message.type === 'call') {
      const { id, channel, args } = message;
      if (!handlers) {
        endpoint.post({
          type: 'result',
          id,
          result: { ok: false, error: { code: 'INTERNAL', message: 'The data file is not open.' } },
        });
        return;
      }
      const sink = progressPoster(endpoint, id);
      void withProgress(sink, () => dispatchCall(handlers!, channel, args, log)).then((result) =>
        endpoint.post({ type: 'result', id, result }),
      );
      return;
    }
    if (message.type === 'close') {
      store?.close();
      store = null;
      handlers = null;
      endpoint.post({ type: 'closed' });
      onClosed();
    }
  });
}

/** How often a running call's progress goes to the relay at most: the window polls it a few times a second. */
const PROGRESS_INTERVAL_MS = 100;

/** Posts a call's progress when its phase changes, when a phase ends, and otherwise at most every 100 ms. */
function progressPoster(endpoint: HostEndpoint, id: number): ProgressSink {
  let lastPhase = '';
  let lastAt = 0;
  return (progress) => {
    const now = Date.now();
    const ended = progress.total > 0 && progress.done === progress.total;
    if (progress.phase === lastPhase && !ended && now - lastAt < PROGRESS_INTERVAL_MS) return;
    lastPhase = progress.phase;
    lastAt = now;
    endpoint.post({ type: 'progress', id, progress });
  };
}

function contextOf(store: Store, init: HostInit): CoreContext {
  const fixed = init.fixedNow ? new Date(init.fixedNow) : null;
  return { store, actor: init.actor, now: fixed ? () => new Date(fixed) : () => new Date() };
}
