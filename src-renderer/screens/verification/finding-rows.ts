// The verification table's rows: the findings that pass the filters, grouped by kind or by
// participant under a heading row each. Pure, so that 4,000 findings are sorted and grouped in
// one pass per change of a filter, not per row drawn.
import type { VerificationCode, VerificationItem } from '../../../src-main/ipc/contract';
import { encodeFindingKey } from '../../../src-main/core/decisions/finding-key';

export type GroupBy = 'none' | 'kind' | 'participant';
export type StatusFilter = 'open' | 'resolved' | 'all';

export interface FindingFilters {
  status: StatusFilter;
  code: VerificationCode | 'all';
  /** Part of a participant's code or name, any case. */
  participant: string;
  /** Findings whose amount is at least this much (either sign), in minor units; null for any. */
  minAmountMinor: number | null;
}

export type FindingRow =
  | { kind: 'group'; id: string; group: string; code: VerificationCode | null; count: number; open: number }
  | { kind: 'item'; id: string; item: VerificationItem };

/** The money a finding is about: its lines' net value, or the volume it judges (the core sums all its lines). */
export function findingAmount(item: VerificationItem): number | null {
  return item.amountMinor;
}

export function matchesFilters(item: VerificationItem, f: FindingFilters): boolean {
  if (f.status !== 'all' && item.status !== f.status) return false;
  if (f.code !== 'all' && item.code !== f.code) return false;
  const needle = f.participant.trim().toLocaleLowerCase();
  if (needle !== '') {
    const text = `${item.participantCode ?? ''}\n${item.participantName ?? ''}`.toLocaleLowerCase();
    if (!text.includes(needle)) return false;
  }
  if (f.minAmountMinor !== null) {
    const amount = findingAmount(item);
    if (amount === null || Math.abs(amount) < f.minAmountMinor) return false;
  }
  return true;
}

/** The filtered findings, in groups when asked, each group led by its heading row. */
export function findingRows(items: readonly VerificationItem[], f: FindingFilters, groupBy: GroupBy): FindingRow[] {
  const shown = items.filter((i) => matchesFilters(i, f));
  const itemRow = (item: VerificationItem): FindingRow => ({ kind: 'item', id: encodeFindingKey(item.key), item });
  if (groupBy === 'none') return shown.map(itemRow);
  const groups = new Map<string, VerificationItem[]>();
  for (const item of shown) {
    const group = groupBy === 'kind' ? item.code : (item.participantCode ?? '');
    const members = groups.get(group);
    if (members) members.push(item);
    else groups.set(group, [item]);
  }
  const rows: FindingRow[] = [];
  for (const group of [...groups.keys()].sort()) {
    const members = groups.get(group)!;
    rows.push({
      kind: 'group',
      id: `group:${group}`,
      group,
      code: groupBy === 'kind' ? (group as VerificationCode) : null,
      count: members.length,
      open: members.filter((i) => i.status === 'open').length,
    });
    rows.push(...members.map(itemRow));
  }
  return rows;
}
