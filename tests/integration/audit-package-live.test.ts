// `audit verify --db FILE` recomputes every approved period of a live file too: a sales line edited with another
// SQLite tool (Python's sqlite3 here), its table's triggers dropped first and put back after as a hostile user would,
// shows as a difference from what was approved, by period, participant and field, besides the seal that names the row.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { septemberClosed } from '../fixtures/september-payout-stages';
import { caseOpener } from '../fixtures/staged-database';
import { runLoyalty } from '../fixtures/run-cli';
import { verifyLive } from '../../src-main/core/audit/verify-audit-package';
import type { AuditPackageFile } from '../../src-main/core/audit/audit-views';
import { createHandlers } from '../../src-main/ipc/handlers';
import { dispatchCall } from '../../src-main/ipc/dispatch';

const open = caseOpener();

const PYTHON_TAMPER = `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
guards = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'sales_lines'").fetchall()
for name, _ in guards:
    db.execute('DROP TRIGGER ' + name)
db.execute('UPDATE sales_lines SET quantity = quantity * 3 WHERE id = ?', (int(sys.argv[2]),))
for _, sql in guards:
    db.execute(sql)
db.commit()
db.close()
`;

describe('audit verify --db on a live file', () => {
  it('recomputes every approved period: clean as approved, then a sales line edited with another tool', async () => {
    const { ctx } = await open(septemberClosed);
    const file = ctx.store.file;
    const clean = await runLoyalty(['audit', 'verify', '--db', file, '--json']);
    expect(clean.code).toBe(0);
    const cleanJson = JSON.parse(clean.stdout);
    expect(cleanJson.ok).toBe(true);
    expect(cleanJson.recompute.counts.periodsRecomputed).toBe(1);
    expect(cleanJson.recompute.differences).toBe(0);
    expect(verifyLive(file)).toMatchObject({ ok: true, source: 'live', problems: [] });

    const line = ctx.store.sqlite
      .prepare("SELECT id FROM sales_lines WHERE participant_code = 'B' AND sku = 'CAT-07' AND period = '2026-09'")
      .get() as { id: number };
    ctx.store.close();
    const python = spawnSync('python3', ['-c', PYTHON_TAMPER, file, String(line.id)], { encoding: 'utf8' });
    expect(python.stderr).toBe('');

    const text = await runLoyalty(['audit', 'verify', '--db', file]);
    expect(text.code).toBe(3);
    expect(text.stdout).toMatch(new RegExp(`sales_lines row ${line.id} .* was changed after it was written`));
    expect(text.stdout).toMatch(
      new RegExp(
        `2026-09, participant B: line ${line.id} points is \\d+ as approved \\(approved_lines row \\d+\\), but \\d+ recomputed`,
      ),
    );
    const json = JSON.parse((await runLoyalty(['audit', 'verify', '--db', file, '--json'])).stdout);
    expect(json.ok).toBe(false);
    expect(json.recompute.problems.map((p: { difference?: unknown }) => p.difference)).toContainEqual(
      expect.objectContaining({ period: '2026-09', participant: 'B', field: 'base' }),
    );
    const live = verifyLive(file);
    expect(live.ok).toBe(false);
    expect(live.problems).toContainEqual(
      expect.objectContaining({ code: 'ROW_CHANGED', table: 'sales_lines', rowId: line.id }),
    );
    expect(live.problems).toContainEqual(
      expect.objectContaining({
        code: 'RECOMPUTE_DIFFERENCE',
        difference: expect.objectContaining({ period: '2026-09', participant: 'B', field: `line ${line.id} points` }),
      }),
    );
  });
});

describe('the audit channels', () => {
  it('audit.export hands the package as bytes; audit.verify checks the data file, or a chosen package', async () => {
    const { ctx } = await open(septemberClosed);
    const handlers = createHandlers(ctx, { version: 'test', runtime: 'web' });
    const exported = await dispatchCall(handlers, 'audit.export', undefined);
    expect(exported.ok).toBe(true);
    const file = (exported as { value: AuditPackageFile }).value;
    expect(file.fileName).toMatch(/^audit-package-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(file.summary.tables).toBeGreaterThan(20);
    const live = await dispatchCall(handlers, 'audit.verify', {});
    expect(live).toMatchObject({ ok: true, value: { ok: true, source: 'live', counts: { periodsRecomputed: 1 } } });
    const chosen = await dispatchCall(handlers, 'audit.verify', {
      package: { fileName: file.fileName, bytes: file.bytes },
    });
    expect(chosen).toMatchObject({ ok: true, value: { ok: true, source: 'package', problems: [] } });
    const cut = await dispatchCall(handlers, 'audit.verify', {
      package: { fileName: 'cut.zip', bytes: file.bytes.subarray(0, 1000) },
    });
    expect(cut).toMatchObject({ ok: false, error: { code: 'AUDIT_PACKAGE_DAMAGED', details: { path: 'cut.zip' } } });
  });
});
