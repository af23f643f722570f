// Builds `window.loyalty` from the list of call names: one function per call, each
// forwarding its arguments to the main process on that call's own IPC channel. Nothing
// else of Electron reaches the page. Imports only channels.ts at run time, so that the
// bundled preload carries neither zod nor the core.
import type { LoyaltyApi } from '../ipc/contract';
import { CHANNELS, ipcChannel } from '../ipc/channels';

/** `ipcRenderer.invoke`, narrowed to what the preload uses. */
export type Invoke = (ipcChannelName: string, args: unknown) => Promise<unknown>;

export function createApi(invoke: Invoke): LoyaltyApi {
  const api: Record<string, (args?: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNELS) {
    const name = ipcChannel(channel);
    api[channel] = (args?: unknown) => invoke(name, args);
  }
  // The loop cannot be typed call by call; the main process parses every argument by
  // the contract, and the keys are checked against CHANNELS in tests/unit/electron-glue.
  return Object.freeze(api) as LoyaltyApi;
}
