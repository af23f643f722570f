// Fitting a period's payouts to its budget: every payable amount scaled pro rata, rounded down
// to whole points, and the points left by rounding handed out one each by largest remainder,
// so that the total lands on the budget to the point value: the budget is counted in whole
// points, so a budget that is not a multiple of the point value leaves that remainder (less
// than one point) unpaid. What is not paid stays in the balance.

export interface FitItem {
  code: string;
  points: number;
}

/**
 * Returns each participant's fitted points, adding up to `budgetPoints` (the budget in whole
 * points, never more) when the payable total is over it. Exact on integers: the shares are computed as
 * BigInt, so no float ever decides who gets a point. Ties in remainder go to the larger
 * payable amount, then to the lower code (plain string order), so the result never depends
 * on the order of the input.
 */
export function fitToBudget(items: readonly FitItem[], budgetPoints: number): Map<string, number> {
  const total = items.reduce((sum, i) => sum + i.points, 0);
  const fitted = new Map<string, number>();
  if (total <= budgetPoints) {
    for (const i of items) fitted.set(i.code, i.points);
    return fitted;
  }
  const budget = BigInt(Math.max(0, budgetPoints));
  const whole = BigInt(total);
  const remainders: { code: string; points: number; remainder: bigint }[] = [];
  let handed = 0n;
  for (const i of items) {
    const scaled = BigInt(i.points) * budget;
    const share = scaled / whole;
    fitted.set(i.code, Number(share));
    handed += share;
    remainders.push({ code: i.code, points: i.points, remainder: scaled % whole });
  }
  remainders.sort((a, b) =>
    a.remainder !== b.remainder
      ? b.remainder > a.remainder
        ? 1
        : -1
      : b.points - a.points || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  let left = Number(budget - handed);
  for (const r of remainders) {
    if (left <= 0) break;
    fitted.set(r.code, fitted.get(r.code)! + 1);
    left--;
  }
  return fitted;
}
