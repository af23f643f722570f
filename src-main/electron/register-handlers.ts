// One ipcMain handler per contract call, each on that call's own channel. Every call is
// parsed and answered by dispatchCall, so the page always gets CallResult data (never a
// rejected promise carrying an Error), and only our own page is answered.
import type { CallResult } from '../ipc/contract';
import { CHANNELS, ipcChannel } from '../ipc/channels';
import { dispatchCall, type Logger } from '../ipc/dispatch';
import type { Handlers } from '../ipc/handlers';

/** What register needs of an IPC event: the frame that sent it (null once it is gone). */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain used here, so tests can pass a recording fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

const defaultLogger: Logger = (message, error) => console.error(message, error);

export function registerHandlers(
  ipcMain: IpcMainLike,
  handlers: Handlers,
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
      return dispatchCall(handlers, channel, args, log);
    });
    registered.push(name);
  }
  return registered;
}
