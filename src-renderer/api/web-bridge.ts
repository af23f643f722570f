// The same LoyaltyApi as the Electron preload, over HTTP to the web server of
// `npm run web`: POST /api/call/<channel> with the session token in a header.
import type { AppErrorData, CallResult, LoyaltyApi, TransportProblem } from '../../src-main/ipc/contract';
import { wireCodec, WEB_CALL_PREFIX, WEB_TOKEN_HEADER } from '../../src-main/ipc/wire-codec';

function transportError(problem: TransportProblem, message: string): CallResult<never> {
  const error: AppErrorData = { code: 'INTERNAL', message, details: { transport: problem } };
  return { ok: false, error };
}

function isCallResult(value: unknown): value is CallResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const ok = (value as { ok?: unknown }).ok;
  if (ok === true) return 'value' in value;
  if (ok === false) {
    const error = (value as { error?: unknown }).error;
    return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
  }
  return false;
}

async function callOverHttp(channel: string, args: unknown, token: string): Promise<CallResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(WEB_CALL_PREFIX + encodeURIComponent(channel), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEB_TOKEN_HEADER]: token },
      body: wireCodec.encode(args === undefined ? {} : { args }),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return transportError('offline', 'Loyalty Desk is not answering.');
  }
  if (response.status === 403) return transportError('accessDenied', 'The access key was refused.');
  if (response.status === 413) return transportError('tooLarge', 'The file is too large to send.');
  try {
    const decoded = wireCodec.decode(await response.text());
    if (isCallResult(decoded)) return decoded;
  } catch {
    // Not our JSON: a proxy's page or a broken connection; reported as not answering.
  }
  return transportError('offline', `Loyalty Desk answered with HTTP ${response.status}.`);
}

/**
 * A LoyaltyApi whose every property is a call over HTTP. A Proxy rather than a list of
 * channels, so that the renderer needs only the contract's types, not its code.
 */
export function createWebBridge(token: string): LoyaltyApi {
  const calls = new Map<string, (args?: unknown) => Promise<CallResult<unknown>>>();
  return new Proxy({} as LoyaltyApi, {
    get(_target, property) {
      if (typeof property !== 'string') return undefined;
      let call = calls.get(property);
      if (!call) {
        call = (args?: unknown) => callOverHttp(property, args, token);
        calls.set(property, call);
      }
      return call;
    },
  });
}
