import type { LoyaltyApi } from '../ipc/contract';

declare global {
  interface Window {
    /** Set by the preload in Electron; absent in a plain browser, where the web bridge stands in. */
    loyalty?: LoyaltyApi;
  }
}

export {};
