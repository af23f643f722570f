// Screens that show figures made from what other screens write (the Dashboard, the navigation's counts) are told
// when a call that writes has answered, so that they ask again instead of showing what was true before.
import { useEffect } from 'react';
import type { Channel } from '../../src-main/ipc/contract';

const DATA_CHANGED = 'loyalty:data-changed';

/** The calls that change the program's data; score.period only when it records the period as calculated. */
const WRITING: ReadonlySet<Channel> = new Set<Channel>([
  'program.create',
  'program.updateSettings',
  'demo.create',
  'import.commit',
  'period.approve',
  'ledger.adjust',
  'participants.edit',
  'rules.update',
  'verify.resolve',
  'verify.resolveMany',
  'verify.withdraw',
  'verify.endStanding',
  'payouts.export',
  'payouts.exportBatch',
  'payouts.void',
]);

export function noteAnswer(channel: Channel, args: unknown[], ok: boolean): void {
  const records = channel === 'score.period' && (args[0] as { record?: boolean } | undefined)?.record === true;
  if (ok && (WRITING.has(channel) || records)) window.dispatchEvent(new Event(DATA_CHANGED));
}

/** Calls `onChange` after every write the window made; `onChange` should be stable (a reload). */
export function useDataChanged(onChange: () => void): void {
  useEffect(() => {
    window.addEventListener(DATA_CHANGED, onChange);
    return () => window.removeEventListener(DATA_CHANGED, onChange);
  }, [onChange]);
}
