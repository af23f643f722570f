// Participant codes are the client's text: one holding ':', '%' or '"' must be found, resolved,
// explained and named on the command line as itself, and decisions stored before keys were
// values must still be read as they were written.
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main';
import { importParticipants } from '../../src-main/core/import/kinds/import-participants';
import { explainParticipant } from '../../src-main/core/scoring/explain';
import { importSales } from '../../src-main/core/sales/import-sales';
import { decodeFindingKey, encodeFindingKey, type FindingKey } from '../../src-main/core/decisions/finding-key';
import { resolveFinding, verificationQueue } from '../../src-main/core/verification/verification-queue';
import { makeTempDir } from '../fixtures/client-files';
import { csvFile, SALES_HEADER, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { openTestContext } from '../fixtures/test-database';

const COLON = 'X:1';
const QUOTED = 'Q:"50%"';

async function cli(db: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (add: (text: string) => void) =>
    new Writable({ write: (chunk: Buffer, _enc, done) => (add(chunk.toString('utf8')), done()) });
  const code = await runCli([...args, '--db', db], {
    stdout: sink((t) => (stdout += t)),
    stderr: sink((t) => (stderr += t)),
    env: { LOYALTY_ACTOR: 'test' },
  });
  return { code, stdout, stderr };
}

describe('finding keys', () => {
  it('decode every key as stored before they were values, and encode back to the same text', () => {
    const stored: [string, FindingKey][] = [
      ['UNKNOWN_PARTICIPANT:R0099', { code: 'UNKNOWN_PARTICIPANT', participantCode: 'R0099' }],
      ['UNKNOWN_SKU:CAT-07', { code: 'UNKNOWN_SKU', sku: 'CAT-07' }],
      ['MISSING_TARGET:PH-001', { code: 'MISSING_TARGET', participantCode: 'PH-001' }],
      ['DUPLICATE_LINE:12', { code: 'DUPLICATE_LINE', batchId: 12 }],
      ['RETURN_WITHOUT_SALE:345', { code: 'RETURN_WITHOUT_SALE', lineId: 345 }],
      ['NO_DESTINATION:D', { code: 'NO_DESTINATION', participantCode: 'D' }],
      ['INACTIVE:E', { code: 'INACTIVE', participantCode: 'E' }],
      ['CAP_REACHED:C', { code: 'CAP_REACHED', participantCode: 'C' }],
      ['VOLUME_OUTLIER:OUT', { code: 'VOLUME_OUTLIER', participantCode: 'OUT' }],
      ['NEAR_THRESHOLD:C:target', { code: 'NEAR_THRESHOLD', participantCode: 'C', threshold: 'target' }],
      ['NEAR_THRESHOLD:EDGE:tier', { code: 'NEAR_THRESHOLD', participantCode: 'EDGE', threshold: 'tier' }],
      // Written by the earlier versions as they are, and read whole now.
      ['UNKNOWN_PARTICIPANT:Q:"50%"', { code: 'UNKNOWN_PARTICIPANT', participantCode: QUOTED }],
      ['NEAR_THRESHOLD:A:tier:target', { code: 'NEAR_THRESHOLD', participantCode: 'A:tier', threshold: 'target' }],
    ];
    for (const [text, key] of stored) {
      expect(decodeFindingKey(text)).toEqual(key);
      expect(encodeFindingKey(key)).toBe(text);
    }
    for (const bad of [
      '',
      'UNKNOWN_PARTICIPANT',
      'UNKNOWN_PARTICIPANT:',
      'NOPE:A',
      'DUPLICATE_LINE:x',
      'NEAR_THRESHOLD:A',
      'NEAR_THRESHOLD:A:both',
    ])
      expect(decodeFindingKey(bad)).toBeNull();
  });

  it("a participant code with ':', '%' and '\"' goes through the queue, resolve, explain and the CLI as itself", async () => {
    const dir = makeTempDir('loyalty-keys-');
    const db = join(dir, 'loyalty.db');
    const ctx = openTestContext({ dir });
    await seedScenarioMasterData(ctx);
    // X:1 has neither card nor IBAN, so what it earns is held: a NO_DESTINATION finding.
    await importParticipants(
      ctx,
      csvFile('more.csv', ['Rep code;Name;Card;IBAN;Status', `${COLON};Xawery Iksiński;;;active`]),
    );
    await importSales(
      ctx,
      csvFile('s.csv', [
        SALES_HEADER,
        `2026-09-05;${COLON};DOG-01;10;1000,00;K/1`,
        `2026-09-06;"Q:""50%""";DOG-01;2;200,00;K/2`,
      ]),
      { period: '2026-09' },
    );

    const queue = verificationQueue(ctx, '2026-09');
    const unknown = queue.items.find((i) => i.code === 'UNKNOWN_PARTICIPANT')!;
    expect(unknown.key).toEqual({ code: 'UNKNOWN_PARTICIPANT', participantCode: QUOTED });
    expect(unknown.participantCode).toBe(QUOTED);
    expect(queue.items.find((i) => i.code === 'NO_DESTINATION')!.key).toEqual({
      code: 'NO_DESTINATION',
      participantCode: COLON,
    });

    // Assigning Q's line to X:1 makes the finding go away; it stays listed, resolved, naming Q:"50%" whole.
    resolveFinding(ctx, {
      period: '2026-09',
      key: unknown.key,
      action: 'assign',
      participantCode: COLON,
      reason: 'Q is X:1',
    });
    const afterAssign = verificationQueue(ctx, '2026-09').items.find((i) => i.code === 'UNKNOWN_PARTICIPANT')!;
    expect([afterAssign.status, afterAssign.participantCode, afterAssign.key]).toEqual([
      'resolved',
      QUOTED,
      { code: 'UNKNOWN_PARTICIPANT', participantCode: QUOTED },
    ]);
    ctx.store.close();

    // The CLI lists the key as text and takes it back; also as the JSON "verify --json" prints.
    const listed = await cli(db, ['verify', '--period', '2026-09']);
    expect(listed.stdout).toContain(`NO_DESTINATION:${COLON}:`);
    const json = await cli(db, ['verify', '--period', '2026-09', '--json']);
    const jsonKey = (JSON.parse(json.stdout) as { items: { key: FindingKey }[] }).items.find(
      (i) => i.key.code === 'NO_DESTINATION',
    )!.key;
    expect(jsonKey).toEqual({ code: 'NO_DESTINATION', participantCode: COLON });
    const bad = await cli(db, [
      'verify',
      'resolve',
      '--period',
      '2026-09',
      '--key',
      'NO_DESTINATION',
      '--action',
      'accept',
      '--reason',
      'x',
    ]);
    expect([bad.code, bad.stderr]).toEqual([
      1,
      'loyalty: --key takes a finding\'s key as "verify --period" lists it, such as UNKNOWN_PARTICIPANT:R0099, not "NO_DESTINATION".\n',
    ]);
    const accepted = await cli(db, [
      'verify',
      'resolve',
      '--period',
      '2026-09',
      '--key',
      `NO_DESTINATION:${COLON}`,
      '--action',
      'accept',
      '--reason',
      'Card comes next month',
    ]);
    expect([accepted.code, accepted.stderr]).toEqual([0, '']);
    expect(accepted.stdout).toContain(`resolved`);

    const again = openTestContext({ dir, withProgram: false });
    // Stored exactly as the earlier versions wrote keys, so their files and these read alike.
    expect(
      again.store.sqlite.prepare('SELECT anomaly_key AS key, action FROM verification_decisions ORDER BY id').all(),
    ).toEqual([
      { key: 'UNKNOWN_PARTICIPANT:Q:"50%"', action: 'assign' },
      { key: `NO_DESTINATION:${COLON}`, action: 'accept' },
    ]);
    // Explain of X:1 lists both decisions: the lines given to it, and the accepted hold (which names no participant but
    // its key).
    const explained = explainParticipant(again, '2026-09', COLON);
    expect(explained.decisions.map((d) => [d.key, d.action, d.reason])).toEqual([
      [{ code: 'UNKNOWN_PARTICIPANT', participantCode: QUOTED }, 'assign', 'Q is X:1'],
      [{ code: 'NO_DESTINATION', participantCode: COLON }, 'accept', 'Card comes next month'],
    ]);
    const text = await cli(db, ['explain', '--period', '2026-09', '--participant', COLON]);
    expect(text.stdout).toContain(`verified    : NO_DESTINATION:${COLON} accepted (Card comes next month`);
    again.store.close();
  });
});
