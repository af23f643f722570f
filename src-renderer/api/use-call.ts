import { useCallback, useEffect, useState } from 'react';
import type { AppErrorData, CallResult, Channel, Result } from '../../src-main/ipc/contract';
import { callLoyalty, type CallArgs } from './loyalty-api';

export interface CallState<T> {
  /** True while the newest request has not answered; `value` may still hold the previous answer. */
  loading: boolean;
  /** True once any answer has come, even an error or a null value. */
  answered: boolean;
  value: T | null;
  error: AppErrorData | null;
  reload(): void;
}

/** Never lets a rejected promise (a broken IPC channel) escape as an exception. */
export async function safeCall<C extends Channel>(channel: C, ...args: CallArgs<C>): Promise<CallResult<Result<C>>> {
  try {
    return await callLoyalty(channel, ...args);
  } catch {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'The call could not be made.', details: { transport: 'offline' } },
    };
  }
}

/**
 * Loads a call's result and reloads it when its arguments change (compared as JSON, so
 * callers may pass fresh objects on every render).
 */
export function useCall<C extends Channel>(channel: C, ...args: CallArgs<C>): CallState<Result<C>> {
  const argsJson = JSON.stringify(args);
  const [version, setVersion] = useState(0);
  const key = `${channel} ${argsJson} ${version}`;
  const [answer, setAnswer] = useState<{ key: string; result: CallResult<Result<C>> } | null>(null);

  useEffect(() => {
    let live = true;
    const parsed = JSON.parse(argsJson) as CallArgs<C>;
    void safeCall(channel, ...parsed).then((result) => {
      if (live) setAnswer({ key: `${channel} ${argsJson} ${version}`, result });
    });
    return () => {
      live = false;
    };
  }, [channel, argsJson, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const result = answer?.result ?? null;
  return {
    loading: answer?.key !== key,
    answered: answer !== null,
    value: result?.ok ? result.value : null,
    error: result && !result.ok ? result.error : null,
    reload,
  };
}
