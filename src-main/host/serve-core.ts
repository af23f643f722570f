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
import type { AppErrorData, CallResult, RestoreOutcome, StartCheck } from '../ipc/contract';
import { AppError } from '../core/app-error';
import { inspectDataFile, latestGoodBackup } from '../core/backup/start-check';
import { listBackups, migrationBackupPath } from '../core/backup/backup-files';
import { restoreBackup } from '../core/backup/restore-backup';
import { dailyBackup } from '../core/backup/backup-actions';
import { withBackupsBefore } from '../ipc/backups-before';
import { warmOpenDrafts } from '../core/scoring/warm-drafts';

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
  /** The file was refused or found damaged at the start: only the first screen's calls are answered. */
  let degraded: { init: HostInit; check: StartCheck } | null = null;
  let starting = false;
  endpoint.onMessage((message) => {
    if (message.type === 'init') {
      if (store || degraded || starting) return;
      starting = true;
      void start(message).finally(() => (starting = false));
      return;
    }
    if (message.type === 'call') {
      const { id, channel, args } = message;
      if (degraded) {
        endpoint.post({ type: 'result', id, result: degradedAnswer(degraded.init, degraded.check, channel) });
        return;
      }
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
      degraded = null;
      endpoint.post({ type: 'closed' });
      onClosed();
    }
  });

  async function start(init: HostInit): Promise<void> {
    const now = init.fixedNow ? () => new Date(init.fixedNow!) : () => new Date();
    let restore: CallResult<RestoreOutcome> | undefined;
    if (init.restoreFrom) {
      try {
        restore = {
          ok: true,
          value: await restoreBackup(init.dbFile, init.restoreFrom, now(), {
            actor: init.actor,
            ...(init.acceptLostExports !== undefined ? { acceptLostExports: init.acceptLostExports } : {}),
          }),
        };
      } catch (error) {
        restore = { ok: false, error: toErrorData(error, log, 'restoring a backup') };
      }
    }
    // The check at the start, before anything may write: every lane refuses a file it must not open; the
    // interactive one (started first, alone) also checks it for damage, triggers and the chain.
    const full = init.lane === 'interactive';
    let check: StartCheck;
    try {
      const inspection = inspectDataFile(init.dbFile, { full });
      check = {
        ok: inspection.problems.length === 0,
        refusal: null,
        problems: inspection.problems,
        integrity: inspection.integrity,
        tookMs: inspection.tookMs,
        latestGoodBackup: null,
      };
      if (inspection.problems.some((p) => p.code === 'INTEGRITY')) {
        check.refusal = new AppError(
          'DATABASE_DAMAGED',
          `${init.dbFile} is damaged (integrity_check fails); it was not opened, so it was not changed. Restore a backup.`,
          { file: init.dbFile },
        ).toData();
      }
    } catch (error) {
      const refusal = toErrorData(error, log, 'checking the data file');
      if (refusal.code === 'INTERNAL') {
        endpoint.post({ type: 'failed', error: refusal });
        return;
      }
      check = { ok: false, refusal, problems: [], integrity: 'integrity', tookMs: 0, latestGoodBackup: null };
    }
    if (!check.ok) check.latestGoodBackup = safeLatestGoodBackup(init.dbFile, log);
    if (check.refusal) {
      degraded = { init, check };
      endpoint.post({ type: 'ready', dataFile: init.dbFile, degraded: true, ...(restore ? { restore } : {}) });
      return;
    }
    try {
      store = openDatabase(init.dbFile, { backupPath: migrationBackupPath(now) });
    } catch (error) {
      endpoint.post({ type: 'failed', error: toErrorData(error, log, 'opening the data file') });
      return;
    }
    const ctx = contextOf(store, init);
    if (full) {
      try {
        dailyBackup(ctx);
      } catch (error) {
        // The day's backup is tried again at the next start; the app opens all the same.
        log('Could not take the daily backup:', error);
      }
    }
    handlers = withBackupsBefore(
      createHandlers(ctx, { version: init.version, runtime: init.runtime, ...(full ? { startCheck: check } : {}) }),
      ctx,
      full ? { daily: { log } } : {},
    ) as ReturnType<typeof createHandlers>;
    // The thread that reads workbooks, started now so that the first import does not wait for it.
    if (init.lane === 'long') prewarmXlsxRowWorker();
    endpoint.post({ type: 'ready', dataFile: store.file, ...(restore ? { restore } : {}) });
    // The task lane answers the Scoring screen's draft: scored now, before the screen asks (a call that comes
    // meanwhile waits for it, and then finds the draft kept).
    if (init.lane === 'task') setTimeout(() => warmDrafts(ctx, log), 0);
  }
}

function warmDrafts(ctx: CoreContext, log: Logger): void {
  // Closed meanwhile (the app quit or a restore began): nothing to warm.
  if (!ctx.store.sqlite.open) return;
  try {
    warmOpenDrafts(ctx);
  } catch (error) {
    // Only a head start: the screen scores the period itself when it asks.
    log('Could not score the open periods ahead:', error);
  }
}

function safeLatestGoodBackup(file: string, log: Logger): StartCheck['latestGoodBackup'] {
  try {
    return latestGoodBackup(file);
  } catch (error) {
    log('Could not list the backups:', error);
    return null;
  }
}

/** What a host that did not open its file answers: the first screen's calls, and the refusal to everything else. */
function degradedAnswer(init: HostInit, check: StartCheck, channel: string): CallResult<unknown> {
  const refusal = check.refusal as AppErrorData;
  switch (channel) {
    case 'app.info':
      return { ok: true, value: { version: init.version, dataFile: init.dbFile, runtime: init.runtime } };
    case 'app.startCheck':
      return { ok: true, value: check };
    case 'backups.list':
      try {
        return { ok: true, value: listBackups(init.dbFile) };
      } catch {
        return { ok: true, value: [] };
      }
    case 'settings.getLanguage':
    case 'program.get':
      return { ok: true, value: null };
    default:
      return { ok: false, error: refusal };
  }
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
