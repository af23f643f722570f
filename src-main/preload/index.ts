// The sandboxed preload: exposes the contract as `window.loyalty` and nothing else (no raw
// ipcRenderer, unlike the electron-vite template). Bundled to out/preload/index.cjs,
// because a sandboxed preload may require only 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import type { LoyaltyApi } from '../ipc/contract';
import { createApi } from './create-api';

const api = createApi((channel, args) => ipcRenderer.invoke(channel, args)) satisfies LoyaltyApi;

contextBridge.exposeInMainWorld('loyalty', api);
