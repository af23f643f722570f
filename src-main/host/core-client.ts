// The relay's side of the core host: given a way to start one host per lane, it initialises
// them, routes each call to its lane and matches answers to calls. It answers the task calls
// itself: what a cancellable call is doing (from the progress its host sends) and cancelling
// it, which ends the task lane's process so that SQLite rolls back what the call had begun.
// Electron's main process and the web bridge use it alike, so the browser tests drive what
// the app runs.
import type { AppErrorData, CallResult, RestoreOutcome, TaskProgress, TaskState } from '../ipc/contract';
import { CANCELLABLE_CHANNELS, RELAY_CHANNELS, type CancellableChannel } from '../ipc/channels';
import type { FromHost, HostInit, Lane, ToHost } from './host-protocol';
import { laneOf } from './lanes';

/** One lane's link to its host process. */
export interface HostLink {
  post(message: ToHost): void;
  onMessage(listener: (message: FromHost) => void): void;
  onExit(listener: () => void): void;
  kill(): void;
}

/** Starts a host process for a lane (a utility process in Electron, a child process in web mode). */
export type StartLink = (lane: Lane) => HostLink;

export interface CoreClient {
  readonly dataFile: string;
  call(channel: string, args: unknown): Promise<CallResult<unknown>>;
  close(): Promise<void>;
}

/** The host could not open the data file; nothing was changed. */
export class CoreHostFailed extends Error {
  constructor(readonly error: AppErrorData) {
    super(error.message);
    this.name = 'CoreHostFailed';
  }
}

export const HOST_STOPPED_MESSAGE =
  'The part of Loyalty Desk that keeps the data stopped before it answered. Every change is saved whole or not at all, never in part; look again to see whether this one was saved.';

export const CANCELLED_MESSAGE =
  'Stopped at your request before it answered. Every change is saved whole or not at all, never in part: what it had begun was rolled back.';

const stopped = (): CallResult<never> => ({ ok: false, error: { code: 'INTERNAL', message: HOST_STOPPED_MESSAGE } });

/** What a host said when it was ready: see FromHost's `ready`. */
/** A restore asked through the relay: the backup, and the reason for going back past exported payout files. */
interface RestoreAsked {
  file: string;
  acceptLostExports?: string;
}

interface Ready {
  dataFile: string;
  degraded: boolean;
  restore?: CallResult<RestoreOutcome>;
}

/** A host of one lane: its link, whether it has opened the file, and whether it is gone. */
interface Host {
  lane: Lane;
  link: HostLink;
  ready: Promise<Ready>;
  exited: boolean;
  /** Resolves when the process has ended. */
  gone: Promise<void>;
  onClosed: (() => void) | null;
}

interface PendingCall {
  host: Host;
  channel: string;
  startedAt: string;
  progress: TaskProgress | null;
  /** A cancel was asked for this call. */
  cancelled: boolean;
  /** Its process ended before its answer came, after a cancel: it was stopped, not finished. */
  endedByCancel: boolean;
  resolve: (result: CallResult<unknown>) => void;
}

/** How long a cancel waits for the task lane's process to end before it answers anyway. */
const CANCEL_WAIT_MS = 5000;

export async function connectCore(startLink: StartLink, init: Omit<HostInit, 'type' | 'lane'>): Promise<CoreClient> {
  let nextId = 1;
  const pending = new Map<number, PendingCall>();
  const hosts = new Map<Lane, Host>();
  let closing: Promise<void> | null = null;

  function startHost(lane: Lane, restoring?: RestoreAsked): Host {
    const link = startLink(lane);
    let markGone: () => void = () => {};
    const host: Host = {
      lane,
      link,
      exited: false,
      ready: Promise.resolve({ dataFile: '', degraded: false }),
      gone: new Promise<void>((resolve) => (markGone = resolve)),
      onClosed: null,
    };
    host.ready = new Promise<Ready>((resolve, reject) => {
      link.onMessage((message) => {
        if (message.type === 'ready')
          resolve({
            dataFile: message.dataFile,
            degraded: message.degraded === true,
            ...(message.restore ? { restore: message.restore } : {}),
          });
        else if (message.type === 'failed') reject(new CoreHostFailed(message.error));
        else if (message.type === 'result') {
          const call = pending.get(message.id);
          pending.delete(message.id);
          // A result that came although a cancel was asked: the call had finished, and this is what it did.
          call?.resolve(message.result);
        } else if (message.type === 'progress') {
          const call = pending.get(message.id);
          if (call) call.progress = message.progress;
        } else if (message.type === 'closed') host.onClosed?.();
      });
      link.onExit(() => {
        host.exited = true;
        host.onClosed?.();
        reject(new CoreHostFailed({ code: 'INTERNAL', message: HOST_STOPPED_MESSAGE }));
        for (const [id, call] of pending) {
          if (call.host !== host) continue;
          pending.delete(id);
          call.endedByCancel = call.cancelled;
          call.resolve(
            call.cancelled ? { ok: false, error: { code: 'CANCELLED', message: CANCELLED_MESSAGE } } : stopped(),
          );
        }
        markGone();
      });
      link.post({
        type: 'init',
        lane,
        ...init,
        ...(restoring ? { restoreFrom: restoring.file } : {}),
        ...(restoring?.acceptLostExports !== undefined ? { acceptLostExports: restoring.acceptLostExports } : {}),
      });
    });
    // Nobody may be waiting on a lazily started lane's readiness yet; its failure is answered per call.
    host.ready.catch(() => {});
    hosts.set(lane, host);
    return host;
  }

  /** The file was not opened (refused or damaged at the start): the interactive host answers every call. */
  let degraded = false;

  /** The host of a lane; the task lane is started on first use and again after a cancel ended it. */
  function hostOf(lane: Lane): Host {
    if (degraded) return hosts.get('interactive')!;
    const host = hosts.get(lane);
    if (lane === 'task' && (!host || host.exited)) return startHost('task');
    return host!;
  }

  function runningCall(channel: CancellableChannel): PendingCall | null {
    let newest: PendingCall | null = null;
    for (const call of pending.values()) if (call.channel === channel) newest = call;
    return newest;
  }

  function taskProgress(channel: CancellableChannel): TaskState {
    const call = runningCall(channel);
    return call ? { running: true, startedAt: call.startedAt, progress: call.progress } : { running: false };
  }

  async function cancelTask(channel: CancellableChannel): Promise<{ cancelled: boolean }> {
    const call = runningCall(channel);
    if (!call || call.host.lane !== 'task') return { cancelled: false };
    const host = call.host;
    for (const other of pending.values()) if (other.host === host && other.channel === channel) other.cancelled = true;
    host.link.kill();
    await Promise.race([host.gone, new Promise((resolve) => setTimeout(resolve, CANCEL_WAIT_MS))]);
    warmTaskLane();
    // Cancelled only if the process ended before the call's answer came: otherwise it had finished.
    return { cancelled: call.endedByCancel };
  }

  /**
   * Starts the task lane's host ahead of its first call, in the background: a process that loads the core and opens
   * the file takes about a second, which the Scoring screen's first draft (score.period runs in that lane, so that
   * it can be stopped) would otherwise wait for. Not when the file was not opened, nor while closing or restoring.
   */
  function warmTaskLane(): void {
    if (degraded || closing || restoring) return;
    const task = hosts.get('task');
    if (!task || task.exited) startHost('task');
  }

  /** Ends every host: each closes its connection to the data file (a busy one is ended after a moment). */
  function closeHosts(): Promise<void> {
    return Promise.all(
      [...hosts.values()].map(
        (host) =>
          new Promise<void>((resolve) => {
            if (host.exited) return resolve();
            // A host busy with a long call is not waited for past a moment: the data file
            // is safe from a kill (every write is one transaction).
            const timer = setTimeout(() => {
              host.link.kill();
              resolve();
            }, 5000);
            host.onClosed = () => {
              clearTimeout(timer);
              resolve();
            };
            host.link.post({ type: 'close' });
          }),
      ),
    ).then(() => hosts.clear());
  }

  /**
   * Starts the interactive host and the long lane. At a restore the interactive host restores alone first, then the
   * long lane opens the restored file. Otherwise both start at once (each refuses a file it must not open before it
   * opens anything); when the interactive host did not open the file (refused, or damaged), the long lane is ended.
   */
  async function startHosts(restoring?: RestoreAsked): Promise<Ready> {
    if (restoring) {
      const first = await startHost('interactive', restoring).ready;
      degraded = first.degraded;
      if (!degraded) await startHost('long').ready;
      return first;
    }
    const interactive = startHost('interactive');
    const long = startHost('long');
    const first = await interactive.ready;
    degraded = first.degraded;
    if (degraded) {
      long.link.kill();
      hosts.delete('long');
    } else {
      await long.ready;
      warmTaskLane();
    }
    return first;
  }

  /** One restore at a time; calls made meanwhile wait for the hosts to be back. */
  let restoring: Promise<unknown> | null = null;

  async function restore(args: unknown): Promise<CallResult<unknown>> {
    const asked = args as { file?: unknown; acceptLostExports?: unknown } | null | undefined;
    const file = asked?.file;
    const accept = asked?.acceptLostExports;
    if (
      typeof file !== 'string' ||
      file.trim() === '' ||
      file.length > 4096 ||
      (accept !== undefined && (typeof accept !== 'string' || accept.length > 2000))
    )
      return {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: 'backups.restore takes the file of a backup (and, to restore past exported payout files, a reason).',
        },
      };
    if (restoring)
      return {
        ok: false,
        error: { code: 'DATABASE_BUSY', message: 'A restore is already under way.', details: { file: init.dbFile } },
      };
    const run = (async (): Promise<CallResult<unknown>> => {
      await closeHosts();
      const ready = await startHosts({ file, ...(accept !== undefined ? { acceptLostExports: accept } : {}) });
      return ready.restore ?? stopped();
    })();
    restoring = run;
    try {
      return await run;
    } catch (error) {
      return error instanceof CoreHostFailed ? { ok: false, error: error.error } : stopped();
    } finally {
      restoring = null;
      warmTaskLane();
    }
  }

  /** The hosts ended and started again on the same file, as at the start: for a file another program let go of. */
  async function reopen(): Promise<CallResult<unknown>> {
    if (restoring)
      return {
        ok: false,
        error: { code: 'DATABASE_BUSY', message: 'A restore is already under way.', details: { file: init.dbFile } },
      };
    const run = (async () => {
      await closeHosts();
      await startHosts();
    })();
    restoring = run;
    try {
      await run;
    } catch (error) {
      return error instanceof CoreHostFailed ? { ok: false, error: error.error } : stopped();
    } finally {
      restoring = null;
      warmTaskLane();
    }
    return client.call('app.startCheck', undefined);
  }

  function relayCall(channel: string, args: unknown): Promise<CallResult<unknown>> {
    if (channel === 'backups.restore') return restore(args);
    if (channel === 'app.reopen') return reopen();
    // No save dialog here: Electron's main process answers this call before it reaches the relay.
    if (channel === 'backups.chooseTarget')
      return Promise.resolve({ ok: true, value: { supported: false, path: null } });
    const asked = (args as { channel?: unknown } | null | undefined)?.channel;
    if (!(CANCELLABLE_CHANNELS as readonly unknown[]).includes(asked)) {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: `${channel} takes a cancellable call's name, not "${String(asked)}".`,
        },
      });
    }
    const task = asked as CancellableChannel;
    if (channel === 'task.progress') return Promise.resolve({ ok: true, value: taskProgress(task) });
    return cancelTask(task).then((value) => ({ ok: true, value }));
  }

  let dataFile: string;
  try {
    dataFile = (await startHosts()).dataFile || init.dbFile;
  } catch (error) {
    for (const host of hosts.values()) host.link.kill();
    throw error;
  }

  const client: CoreClient = {
    dataFile,
    async call(channel, args) {
      if ((RELAY_CHANNELS as readonly string[]).includes(channel)) return relayCall(channel, args);
      const lane = laneOf(channel);
      if (closing) return stopped();
      if (restoring) await restoring.catch(() => {});
      const host = hostOf(lane);
      if (host.exited) return stopped();
      try {
        await host.ready;
      } catch (error) {
        return error instanceof CoreHostFailed ? { ok: false, error: error.error } : stopped();
      }
      if (host.exited) return stopped();
      const id = nextId++;
      return new Promise((resolve) => {
        const call: PendingCall = {
          host,
          channel,
          startedAt: new Date().toISOString(),
          progress: null,
          cancelled: false,
          endedByCancel: false,
          resolve,
        };
        pending.set(id, call);
        host.link.post({ type: 'call', id, channel, args });
      });
    },
    close() {
      closing ??= (restoring ?? Promise.resolve()).catch(() => {}).then(closeHosts);
      return closing;
    },
  };
  return client;
}
