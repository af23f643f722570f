// What a corrected sales file changes against the batch it replaces, line by line (matched by
// line key), for the coordinator to see before confirming.
import type { ReplacementDiff } from '../import/report/import-report';
import { describeLine, describeLineKey, salesLineKey, sameLine, type SalesLineValues } from './sales-line-key';

const EXAMPLES_PER_CHANGE = 5;

export function replacementDiff(
  replaced: { id: number; fileName: string },
  before: readonly SalesLineValues[],
  after: readonly SalesLineValues[],
  digits: number,
): ReplacementDiff {
  const old = new Map<string, SalesLineValues>();
  for (const line of before) old.set(salesLineKey(line), line);
  const diff: ReplacementDiff = {
    replacesBatchId: replaced.id,
    replacesFileName: replaced.fileName,
    added: 0,
    removed: 0,
    changed: 0,
    unchanged: 0,
    examples: [],
  };
  const counts = { added: 0, removed: 0, changed: 0 };
  const example = (
    change: 'added' | 'removed' | 'changed',
    line: SalesLineValues,
    beforeLine: SalesLineValues | null,
    afterLine: SalesLineValues | null,
  ) => {
    if (counts[change]++ >= EXAMPLES_PER_CHANGE) return;
    diff.examples.push({
      change,
      key: describeLineKey(line, digits),
      before: beforeLine ? describeLine(beforeLine, digits) : null,
      after: afterLine ? describeLine(afterLine, digits) : null,
    });
  };
  const matched = new Set<string>();
  for (const line of after) {
    const key = salesLineKey(line);
    const previous = old.get(key);
    if (!previous) {
      diff.added++;
      example('added', line, null, line);
    } else {
      matched.add(key);
      if (sameLine(previous, line)) diff.unchanged++;
      else {
        diff.changed++;
        example('changed', line, previous, line);
      }
    }
  }
  for (const [key, line] of old) {
    if (matched.has(key)) continue;
    diff.removed++;
    example('removed', line, line, null);
  }
  return diff;
}
