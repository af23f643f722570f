import { copyFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src-main/db/open-database';
import { budgetView } from '../src-main/core/payouts/payout-views';
import { listPeriods } from '../src-main/core/scoring/list-periods';
import { periodResult } from '../src-main/core/scoring/period-score';
copyFileSync('/tmp/loyalty-bench-approved-year.db', '/tmp/probe-year.db');
const store = openDatabase('/tmp/probe-year.db');
const ctx = { store, actor: 'bench', now: () => new Date('2027-01-02T08:00:00Z') } as any;
const time = (name: string, f: () => unknown) => { const t = performance.now(); const r = f(); console.log(name, (performance.now() - t) | 0, 'ms', JSON.stringify(r).length, 'bytes'); return r; };
for (let i = 0; i < 3; i++) {
  time('budgetView', () => budgetView(ctx));
  time('listPeriods', () => listPeriods(ctx));
  time('periodResult 2026-12', () => periodResult(ctx, '2026-12'));
}
import { loadPayoutStates } from '../src-main/core/payouts/payout-states';
import { approvedHeldPoints } from '../src-main/core/approval/approved-proposal';
import { requireProgram } from '../src-main/core/program/program-store';
const program = requireProgram(ctx);
for (let i = 0; i < 2; i++) {
  time('loadPayoutStates', () => loadPayoutStates(store.sqlite, program.id).length);
  time('approvedHeldPoints x12', () => listPeriods(ctx).map((p) => approvedHeldPoints(ctx, program, p.period)));
}
