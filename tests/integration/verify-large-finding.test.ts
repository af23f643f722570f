// A finding of more lines than the screen lists (200): resolving it for "all its lines" takes every one of them,
// the queue carries the money of all of them, and the evidence is asked for one finding at a time.
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { importParticipants } from '../../src-main/core/import/kinds/import-participants';
import { importProducts } from '../../src-main/core/import/kinds/import-products';
import { importSales } from '../../src-main/core/sales/import-sales';
import {
  findingEvidence,
  resolveFinding,
  verificationQueue,
} from '../../src-main/core/verification/verification-queue';
import { calculatePeriod } from '../../src-main/core/scoring/period-score';
import { encodeFindingKey } from '../../src-main/core/decisions/finding-key';
import { csvFile } from '../fixtures/scoring-scenario';
import { openTestContext } from '../fixtures/test-database';

const LINES = 250;

async function seeded(): Promise<CoreContext> {
  const ctx = openTestContext();
  await importParticipants(
    ctx,
    csvFile('participants.csv', ['Rep code;Name;Join date;Card;Status', 'P1;Paweł Pierwszy;2025-01-10;CARD-1;active']),
  );
  await importProducts(
    ctx,
    csvFile('products.csv', ['SKU;Product;Group;Promoted;Points per unit', 'CAT-07;Cat wet pouch;WET;no;15']),
  );
  // 250 lines under a code the program does not know (PX-1 was P1's code in the client's old system).
  const rows = Array.from(
    { length: LINES },
    (_, i) => `2026-09-${String(1 + (i % 28)).padStart(2, '0')};PX-1;CAT-07;1;10,00;FV/${i + 1}`,
  );
  await importSales(ctx, csvFile('sales-2026-09.csv', ['Date;Rep code;SKU;Qty;Net value;Invoice', ...rows]), {
    period: '2026-09',
  });
  return ctx;
}

describe('a finding of more lines than are listed', () => {
  it('carries its line count and the money of all its lines, and lists the first 200 rows when asked', async () => {
    const ctx = await seeded();
    const queue = verificationQueue(ctx, '2026-09');
    const unknown = queue.items.find((i) => i.code === 'UNKNOWN_PARTICIPANT')!;
    expect(unknown).toMatchObject({ participantCode: 'PX-1', lineCount: LINES, amountMinor: LINES * 1000 });
    expect(unknown).not.toHaveProperty('evidence');
    const evidence = findingEvidence(ctx, '2026-09', encodeFindingKey(unknown.key));
    expect(evidence.total).toBe(LINES);
    expect(evidence.lines).toHaveLength(200);
    expect(evidence.lines[0]).toMatchObject({ fileName: 'sales-2026-09.csv', row: 2, participantCode: 'PX-1' });
    expect(() => findingEvidence(ctx, '2026-09', 'UNKNOWN_PARTICIPANT:NOBODY')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('assigns every one of its lines when no lines are chosen, not only the listed ones', async () => {
    const ctx = await seeded();
    const key = verificationQueue(ctx, '2026-09').items.find((i) => i.code === 'UNKNOWN_PARTICIPANT')!.key;
    resolveFinding(ctx, {
      period: '2026-09',
      key,
      action: 'assign',
      participantCode: 'P1',
      reason: 'PX-1 is P1 in the client’s old system',
    });
    // All 250 lines are P1's now (the evidence listed 200 of them), and no line of PX-1 is left open.
    expect(calculatePeriod(ctx, '2026-09').rows.find((r) => r.code === 'P1')).toMatchObject({
      lineCount: LINES,
      volumeMinor: LINES * 1000,
    });
    const after = verificationQueue(ctx, '2026-09');
    expect(after.items.filter((i) => i.code === 'UNKNOWN_PARTICIPANT' && i.status === 'open')).toEqual([]);
    const resolved = after.items.find((i) => i.code === 'UNKNOWN_PARTICIPANT')!;
    expect(resolved).toMatchObject({ status: 'resolved', lineCount: LINES, amountMinor: LINES * 1000 });
  });
});
