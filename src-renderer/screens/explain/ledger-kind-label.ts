import type { Translator } from '../../i18n/i18n';

/** A ledger entry's kind in words; an unknown kind (from a newer core) as it is. */
export function ledgerKindLabel(kind: string, i18n: Pick<Translator, 't' | 'hasKey'>): string {
  const key = `ledgerKind.${kind}`;
  return i18n.hasKey(key) ? i18n.t(key) : kind;
}
