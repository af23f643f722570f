// One ipcMain handler per contract call, each on that call's own channel, relaying the call to
// the core host. The host parses and answers every call, so the page always gets CallResult
// data (never a rejected promise carrying an Error), and only our own page is relayed.
import type { CallResult } from '../ipc/contract';
import { CHANNELS, ipcChannel } from '../ipc/channels';

/** What register needs of an IPC event: the frame that sent it (null once it is gone). */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain used here, so tests can pass a recording fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

/** Where calls go: the core host's client (core-client.ts). */
export interface CallRelay {
  call(channel: string, args: unknown): Promise<CallResult<unknown>>;
}

export type Logger = (message: string, detail: unknown) => void;

const defaultLogger: Logger = (message, detail) => console.error(message, detail);

export function registerHandlers(
  ipcMain: IpcMainLike,
  core: CallRelay,
  isAppUrl: (url: string) => boolean,
  log: Logger = defaultLogger,
): string[] {
  const registered: string[] = [];
  for (const channel of CHANNELS) {
    const name = ipcChannel(channel);
    ipcMain.handle(name, async (event, args): Promise<CallResult<unknown>> => {
      const url = event.senderFrame?.url;
      if (url === undefined || !isAppUrl(url)) {
        log(`Refused ${name} from a page that is not Loyalty Desk's own:`, url ?? '(frame gone)');
        return {
          ok: false,
          error: { code: 'INVALID_INPUT', message: "Refused: the call did not come from Loyalty Desk's own page." },
        };
      }
      return core.call(channel, args);
    });
    registered.push(name);
  }
  return registered;
}
