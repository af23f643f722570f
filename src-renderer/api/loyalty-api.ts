// Where the renderer's calls go: the Electron preload's window.loyalty when it is there,
// else the web bridge with the session token of `npm run web`.
import type { Args, CallResult, Channel, LoyaltyApi, Result } from '../../src-main/ipc/contract';
import { createWebBridge } from './web-bridge';
import { noteAnswer } from './data-changed';

const TOKEN_KEY = 'loyalty-desk.token';

/**
 * The token comes once in the address (?token=...). It is kept in sessionStorage so that
 * a reload works, and taken out of the address bar so that it is not bookmarked, shared
 * in a screenshot or kept in the history.
 */
function takeSessionToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // Storage may be disabled; the token still works until the page is reloaded.
    }
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

let api: LoyaltyApi | null = null;

function loyaltyApi(): LoyaltyApi {
  api ??= window.loyalty ?? createWebBridge(takeSessionToken());
  return api;
}

export type CallArgs<C extends Channel> = Args<C> extends void ? [] : [args: Args<C>];

/** Makes one call by name; typed by the contract. */
export function callLoyalty<C extends Channel>(channel: C, ...args: CallArgs<C>): Promise<CallResult<Result<C>>> {
  const fn = loyaltyApi()[channel] as unknown as (...a: unknown[]) => Promise<CallResult<Result<C>>>;
  return fn(...args).then((result) => {
    noteAnswer(channel, args, result.ok);
    return result;
  });
}
