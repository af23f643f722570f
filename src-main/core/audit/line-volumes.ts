// Each participant's net volume over sales lines already read, for the next period's tiers, instead of summing the same
// lines again in SQL. Given only when it is the very sum SQL gives (`SUM(net_minor) ... GROUP BY participant_code`):
// whole numbers whose absolute values add up to no more than a double holds exactly, so no order of adding them can
// round or overflow; and codes that name one participant each (a U+FFFD may stand for bytes SQL keeps apart).
import type { ScoringLine } from '../sales/scoring-line';

export function lineVolumes(lines: readonly ScoringLine[]): ReadonlyMap<string, number> | undefined {
  const volumes = new Map<string, number>();
  let magnitude = 0;
  for (const line of lines) {
    const { participantCode: code, netMinor: net } = line;
    if (!Number.isSafeInteger(net)) return undefined;
    magnitude += Math.abs(net);
    if (magnitude > Number.MAX_SAFE_INTEGER) return undefined;
    const sum = volumes.get(code);
    if (sum === undefined) {
      if (typeof code !== 'string' || code.includes('\uFFFD')) return undefined;
      volumes.set(code, net);
    } else volumes.set(code, sum + net);
  }
  return volumes;
}
