// What-if: a period scored under the current rules and under rules being edited, side by side,
// before anything is saved. Reads only.
import type { WhatIfResult, WhatIfRow } from './scoring-views';
import type { CoreContext } from '../context';
import { requireProgram } from '../program/program-store';
import { rulesWithPointValue, validRules } from '../program/update-rules';
import { draftScore } from './period-score';
import { requirePeriod } from '../periods/require-period';

const ZERO = { total: 0, payablePoints: 0, payoutMinor: 0 };

export function whatIf(ctx: CoreContext, period: string, candidate: unknown): WhatIfResult {
  requirePeriod(period);
  const program = requireProgram(ctx);
  // Rules being edited keep the point value in force unless they name one (a change of it is the settings' to make).
  const edited = validRules(candidate);
  const rules = rulesWithPointValue(
    edited,
    edited.pointValueMinor ?? program.pointValueMinor,
    program.initialPointValueMinor,
  );
  const before = draftScore(ctx, program, period, { keepLines: false }).score;
  const after = draftScore(ctx, program, period, {
    keepLines: false,
    rules: { rules, version: program.rulesVersion + 1 },
  }).score;
  const rows = new Map<string, WhatIfRow>();
  for (const r of before.rows)
    rows.set(r.code, {
      code: r.code,
      name: r.name,
      before: { total: r.total, payablePoints: r.payablePoints, payoutMinor: r.payoutMinor },
      after: ZERO,
    });
  for (const r of after.rows) {
    const row = rows.get(r.code) ?? { code: r.code, name: r.name, before: ZERO, after: ZERO };
    row.after = { total: r.total, payablePoints: r.payablePoints, payoutMinor: r.payoutMinor };
    rows.set(r.code, row);
  }
  const list = [...rows.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const sum = (key: 'before' | 'after') => ({
    total: list.reduce((s, r) => s + r[key].total, 0),
    payoutMinor: list.reduce((s, r) => s + r[key].payoutMinor, 0),
  });
  return {
    period,
    rulesVersion: program.rulesVersion,
    rows: list,
    totals: { before: sum('before'), after: sum('after') },
    budgetMinor: { before: program.rules.budget?.perPeriodMinor ?? null, after: rules.budget?.perPeriodMinor ?? null },
    changedParticipants: list.filter(
      (r) => r.before.total !== r.after.total || r.before.payoutMinor !== r.after.payoutMinor,
    ).length,
  };
}
