// The operator log as the Audit screen reads it: newest first, filtered, a page at a time, with the chain heads of
// the same moment; and every action the app records has its words on that screen.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { operatorLogPage } from '../../src-main/core/audit/operator-log-query';
import { OPERATOR_ACTIONS, OPERATOR_AREAS } from '../../src-main/core/audit/operator-log-types';
import { IMPORT_KINDS } from '../../src-main/ipc/contract';
import { VERIFICATION_ACTIONS } from '../../src-main/core/decisions/decision-views';
import { ledgerHead } from '../../src-main/core/ledger/append-ledger';
import { sealHead } from '../../src-main/db/record-seals';
import { repoRoot } from '../fixtures/repo-paths';
import { statements } from '../../src-main/db/schema';

// The kinds of statement, from the table's own enum: a new kind is a new action to word.
const STATEMENT_KINDS = statements.kind.enumValues;
import { caseOpener } from '../fixtures/staged-database';
import { septemberExported } from '../fixtures/september-payout-stages';

const at = caseOpener();

describe('the operator log on the Audit screen', () => {
  it('lists every decision newest first, with the heads of both chains', async () => {
    const { ctx } = await at(septemberExported);
    const page = operatorLogPage(ctx);
    const all = ctx.store.sqlite.prepare('SELECT id, action FROM operator_log ORDER BY id DESC').all() as {
      id: number;
      action: string;
    }[];
    expect(page.matching).toBe(all.length);
    expect(page.entries.map((e) => e.id)).toEqual(all.map((r) => r.id));
    expect(page.hasMore).toBe(false);
    expect(page.actions).toEqual(expect.arrayContaining(['import.sales', 'period.approve', 'payouts.export']));
    expect(page.heads.seal).toEqual({ id: sealHead(ctx.store.sqlite).id, hash: sealHead(ctx.store.sqlite).hash });
    expect(page.heads.ledger).toEqual({
      id: ledgerHead(ctx.store.sqlite).id,
      hash: ledgerHead(ctx.store.sqlite).hash,
    });
    const approval = page.entries.find((e) => e.action === 'period.approve')!;
    expect(approval.subject).toBe('2026-09');
    expect(typeof approval.details).toBe('object');
  });

  it('filters by area or action, by person, by words and by dates, and pages without repeating an entry', async () => {
    const { ctx } = await at(septemberExported);
    const imports = operatorLogPage(ctx, { action: 'import' });
    expect(imports.entries.length).toBeGreaterThan(1);
    expect(imports.entries.every((e) => e.action.startsWith('import.'))).toBe(true);
    // An area is a whole word before the dot: 'imp' is no area and matches nothing.
    expect(operatorLogPage(ctx, { action: 'imp' }).matching).toBe(0);
    expect(operatorLogPage(ctx, { action: 'period.approve' }).entries.map((e) => e.action)).toEqual(['period.approve']);
    expect(operatorLogPage(ctx, { actor: 'nobody' }).matching).toBe(0);
    const actor = imports.entries[0]!.actor;
    expect(operatorLogPage(ctx, { actor }).matching).toBeGreaterThan(0);

    // Words: case-insensitive, in the subject or the reason; % and _ are letters, not wildcards.
    const named = operatorLogPage(ctx, { text: imports.entries[0]!.subject!.toUpperCase() });
    expect(named.entries.map((e) => e.id)).toContain(imports.entries[0]!.id);
    expect(operatorLogPage(ctx, { text: '%' }).matching).toBe(0);

    // Dates: the day of the entries holds them all; the day after holds none; `to` takes the whole last day.
    const day = imports.entries[0]!.at.slice(0, 10);
    const total = operatorLogPage(ctx).matching;
    expect(operatorLogPage(ctx, { from: day, to: day }).matching).toBe(total);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(operatorLogPage(ctx, { from: next }).matching).toBe(0);

    const first = operatorLogPage(ctx, { limit: 2 });
    expect(first.entries).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const second = operatorLogPage(ctx, { limit: 2, beforeId: first.entries[1]!.id });
    expect(second.entries[0]!.id).toBeLessThan(first.entries[1]!.id);
    expect(new Set([...first.entries, ...second.entries].map((e) => e.id)).size).toBe(4);
  });

  it('shows details another tool wrote as text that is not JSON, rather than failing', async () => {
    const { ctx } = await at(septemberExported);
    const tool = new Database(ctx.store.file);
    tool
      .prepare(
        "INSERT INTO operator_log (at, actor, action, subject, reason, details_json) VALUES ('2026-10-01T00:00:00.000Z', 'sqlite3', 'hand.edit', NULL, NULL, 'not json')",
      )
      .run();
    tool.close();
    const page = operatorLogPage(ctx, { action: 'hand.edit' });
    expect(page.entries[0]!.details).toEqual({ details: 'not json' });
  });

  it('has words for every action the app records', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) sources.push(readFileSync(path, 'utf8'));
      }
    };
    walk(join(repoRoot, 'src-main', 'core'));
    const recorded = new Set<string>();
    for (const text of sources) {
      for (const m of text.matchAll(/recordDecision\(\s*ctx,\s*(['`])([^'`]+)\1/g)) {
        const action = m[2]!;
        if (action === 'verify.${input.action}') VERIFICATION_ACTIONS.forEach((a) => recorded.add(`verify.${a}`));
        else if (action === 'import.${kind}') IMPORT_KINDS.forEach((k) => recorded.add(`import.${k}`));
        else if (action === 'statements.publish.${kind}')
          STATEMENT_KINDS.forEach((k) => recorded.add(`statements.publish.${k}`));
        else {
          expect(action, 'a templated action needs its members listed in this test').not.toContain('${');
          recorded.add(action);
        }
      }
    }
    expect(recorded.size).toBeGreaterThan(10);
    for (const action of recorded) expect(OPERATOR_ACTIONS as readonly string[], action).toContain(action);
    for (const action of OPERATOR_ACTIONS)
      expect(OPERATOR_AREAS as readonly string[], action).toContain(action.split('.')[0]);
  });
});
