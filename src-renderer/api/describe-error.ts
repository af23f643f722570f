import type { AppErrorData } from '../../src-main/ipc/contract';
import type { Translator } from '../i18n/i18n';

/**
 * One sentence for the operator: the translation of the error's code, or of the transport
 * problem that kept the call from arriving, else the core's own English sentence. Never a
 * stack trace: the core sends none, and nothing here prints an Error.
 */
export function describeError(error: AppErrorData, i18n: Pick<Translator, 't' | 'hasKey'>): string {
  const transport = error.code === 'INTERNAL' ? error.details?.transport : undefined;
  if (transport === 'offline') return i18n.t('error.offline');
  if (transport === 'accessDenied') return i18n.t('error.accessDenied');
  if (transport === 'tooLarge') return i18n.t('error.tooLarge');
  const key = `error.${error.code}`;
  if (i18n.hasKey(key)) return i18n.t(key);
  return error.message;
}
