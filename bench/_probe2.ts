import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src-main/db/open-database';
import { budgetView } from '../src-main/core/payouts/payout-views';
const store = openDatabase('/tmp/probe-year.db');
const ctx = { store, actor: 'bench', now: () => new Date('2027-01-02T08:00:00Z') } as any;
for (let i = 0; i < 5; i++) { const t = performance.now(); budgetView(ctx); console.log((performance.now() - t) | 0); }
