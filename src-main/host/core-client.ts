// The relay's side of the core host: starts nothing itself, but given one link per lane it
// initialises both hosts, routes each call to its lane and matches answers to calls. Electron's
// main process and the web bridge use it alike, so the browser tests drive what the app runs.
import type { AppErrorData, CallResult } from '../ipc/contract';
import type { FromHost, HostInit, Lane, ToHost } from './host-protocol';
import { laneOf } from './lanes';

/** One lane's link to its host process. */
export interface HostLink {
  post(message: ToHost): void;
  onMessage(listener: (message: FromHost) => void): void;
  onExit(listener: () => void): void;
  kill(): void;
}

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

const LANES: readonly Lane[] = ['interactive', 'long'];

export async function connectCore(
  links: Record<Lane, HostLink>,
  init: Omit<HostInit, 'type' | 'lane'>,
): Promise<CoreClient> {
  let nextId = 1;
  const pending = new Map<number, { lane: Lane; resolve: (result: CallResult<unknown>) => void }>();
  const exited = new Set<Lane>();
  const closed = new Map<Lane, () => void>();

  const startups = LANES.map(
    (lane) =>
      new Promise<string>((resolve, reject) => {
        const link = links[lane];
        link.onMessage((message) => {
          if (message.type === 'ready') resolve(message.dataFile);
          else if (message.type === 'failed') reject(new CoreHostFailed(message.error));
          else if (message.type === 'result') {
            const call = pending.get(message.id);
            pending.delete(message.id);
            call?.resolve(message.result);
          } else if (message.type === 'closed') closed.get(lane)?.();
        });
        link.onExit(() => {
          exited.add(lane);
          closed.get(lane)?.();
          reject(new CoreHostFailed({ code: 'INTERNAL', message: HOST_STOPPED_MESSAGE }));
          for (const [id, call] of pending) {
            if (call.lane !== lane) continue;
            pending.delete(id);
            call.resolve({ ok: false, error: { code: 'INTERNAL', message: HOST_STOPPED_MESSAGE } });
          }
        });
        link.post({ type: 'init', lane, ...init });
      }),
  );

  let dataFile: string;
  try {
    dataFile = (await Promise.all(startups))[0] ?? init.dbFile;
  } catch (error) {
    for (const lane of LANES) links[lane].kill();
    throw error;
  }

  let closing: Promise<void> | null = null;
  return {
    dataFile,
    call(channel, args) {
      const lane = laneOf(channel);
      if (exited.has(lane) || closing) {
        return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: HOST_STOPPED_MESSAGE } });
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { lane, resolve });
        links[lane].post({ type: 'call', id, channel, args });
      });
    },
    close() {
      closing ??= Promise.all(
        LANES.map(
          (lane) =>
            new Promise<void>((resolve) => {
              if (exited.has(lane)) return resolve();
              // A host busy with a long call is not waited for past a moment: the data file
              // is safe from a kill (every write is one transaction).
              const timer = setTimeout(() => {
                links[lane].kill();
                resolve();
              }, 5000);
              closed.set(lane, () => {
                clearTimeout(timer);
                resolve();
              });
              links[lane].post({ type: 'close' });
            }),
        ),
      ).then(() => undefined);
      return closing;
    },
  };
}
