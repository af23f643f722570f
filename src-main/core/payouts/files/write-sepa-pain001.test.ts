// The SEPA file as a bank reads it: valid against the pain.001.001.03 XSD (xmllint), and within
// the EPC rules the XSD leaves open.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../tests/fixtures/client-files';
import { payoutBatch, payoutItem } from '../../../../tests/fixtures/payout-batch-fixture';
import type { PayoutFile, PayoutFileBatch } from './payout-file-types';
import { writePayoutFile } from './write-payout-file';
import { remittanceText } from './write-sepa-pain001';

const XSD = '/work/shared/schemas/pain.001.001.03.xsd';

function xmllintPresent(): boolean {
  if (spawnSync('sh', ['-c', 'command -v xmllint'], { stdio: 'ignore' }).status === 0) return true;
  const reason = 'xmllint is not installed (apt-get install libxml2-utils): the SEPA schema tests are skipped';
  if (process.env.CI) throw new Error(`${reason}; CI must have it.`);
  console.warn(`skipped: ${reason}.`);
  return false;
}
const hasXmllint = xmllintPresent();

const DEBTOR = {
  name: 'Agencja Motywacyjna Spółka z o.o.',
  iban: 'PL61 1090 1014 0000 0712 1981 2874',
  bic: 'WBKPPLPP',
};
const IBANS = [
  'PL34109010140000071219812875',
  'PL27114020040000360212345678',
  'PL74102010550000011223344556',
  'DE62370400440532013001',
];

function bankBatch(overrides: Partial<PayoutFileBatch> = {}): PayoutFileBatch {
  return payoutBatch(
    [
      payoutItem(1, { participantName: 'Zażółć Gęślą Jaźń', iban: IBANS[0]!, cardRef: null, amountMinor: 1 }),
      payoutItem(2, { participantName: 'Щукин Юрий Ёлкин', iban: IBANS[1]!, cardRef: null, amountMinor: 12345 }),
      payoutItem(3, {
        participantName: 'Kowalski & Syn <Hurt> "Nowy"',
        iban: IBANS[2]!,
        cardRef: null,
        amountMinor: 100_000_000,
      }),
      payoutItem(4, {
        participantName: 'Ö'.repeat(5) + 'x'.repeat(80),
        iban: IBANS[3]!,
        cardRef: null,
        amountMinor: 99_999_999_999,
      }),
    ],
    { debtor: DEBTOR, ...overrides },
  );
}

function xmlText(file: PayoutFile): string {
  return new TextDecoder().decode(file.bytes);
}
function all(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);
}
function xmllint(file: PayoutFile): { status: number | null; stderr: string } {
  const dir = makeTempDir('payout-sepa-');
  const path = join(dir, file.fileName);
  writeFileSync(path, file.bytes);
  const result = spawnSync('xmllint', ['--noout', '--schema', XSD, path], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

describe('writePayoutFile sepa', () => {
  it.runIf(hasXmllint)('writes a PLN file valid against the XSD, without the SEPA service level', async () => {
    const file = await writePayoutFile('sepa', bankBatch());
    expect(xmllint(file)).toMatchObject({ status: 0 });
    const xml = xmlText(file);
    expect(file.fileName).toBe('payouts-2026-10-PB-2026-10-1.xml');
    expect(xml).not.toContain('<SvcLvl>');
    expect(xml).not.toContain('<ChrgBr>');
    expect(all(xml, 'InstdAmt')).toEqual(['0.01', '123.45', '1000000.00', '999999999.99']);
    expect(xml).toContain('<InstdAmt Ccy="PLN">0.01</InstdAmt>');
  });

  it.runIf(hasXmllint)(
    'writes a EUR file valid against the XSD, with service level SEPA and charges SLEV',
    async () => {
      const file = await writePayoutFile('sepa', bankBatch({ currency: { code: 'EUR', minorDigits: 2 } }));
      expect(xmllint(file)).toMatchObject({ status: 0 });
      const xml = xmlText(file);
      expect(xml).toContain('<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>');
      expect(xml).toContain('<ChrgBr>SLEV</ChrgBr>');
      expect(all(xml, 'InstdAmt').length).toBe(4);
      expect(xml).toContain('Ccy="EUR"');
    },
  );

  it.runIf(hasXmllint)(
    'carries the audit anchor in a comment and stays valid against the XSD; without one, no comment',
    async () => {
      const anchor = 'a1'.repeat(32);
      const file = await writePayoutFile('sepa', bankBatch({ auditAnchor: anchor }));
      expect(xmllint(file)).toMatchObject({ status: 0 });
      expect(xmlText(file).split('\n').slice(0, 3)).toEqual([
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<!-- Loyalty Desk audit anchor: ${anchor} -->`,
        expect.stringMatching(/^<Document /),
      ]);
      expect(xmlText(await writePayoutFile('sepa', bankBatch()))).not.toContain('<!--');
    },
  );

  it.runIf(hasXmllint)('is checked for real: a file with a broken count fails xmllint', async () => {
    const file = await writePayoutFile('sepa', bankBatch());
    const broken = {
      ...file,
      bytes: new TextEncoder().encode(xmlText(file).replace('<NbOfTxs>4</NbOfTxs>', '<NbOfTxs>four</NbOfTxs>')),
    };
    expect(xmllint(broken).status).not.toBe(0);
  });

  it('states the count and control sum of the transactions in both the group header and the payment block', async () => {
    const file = await writePayoutFile('sepa', bankBatch());
    const xml = xmlText(file);
    expect(all(xml, 'NbOfTxs')).toEqual(['4', '4']);
    expect(all(xml, 'CtrlSum')).toEqual(['1001000123.45', '1001000123.45']);
    expect(file.rowCount).toBe(4);
    expect(file.controlSumMinor).toBe(100_100_012_345);
    expect(all(xml, 'MsgId')).toEqual(['PB-2026-10-1']);
    expect(all(xml, 'CreDtTm')).toEqual(['2026-11-01T10:00:00Z']);
    expect(all(xml, 'ReqdExctnDt')).toEqual(['2026-11-03']);
    expect(all(xml, 'EndToEndId')).toEqual([
      'LD-2026-10-000001',
      'LD-2026-10-000002',
      'LD-2026-10-000003',
      'LD-2026-10-000004',
    ]);
    // Every amount has exactly two decimals.
    expect([...all(xml, 'InstdAmt'), ...all(xml, 'CtrlSum')].every((a) => /^\d+\.\d\d$/.test(a))).toBe(true);
  });

  it('transliterates names to the EPC Latin set and cuts them at 70 characters', async () => {
    const xml = xmlText(await writePayoutFile('sepa', bankBatch()));
    const names = all(xml, 'Nm');
    // InitgPty, Dbtr, then the four creditors.
    expect(names.slice(0, 2)).toEqual(['Partner Plus', 'Agencja Motywacyjna Spolka z o.o.']);
    expect(names.slice(2, 5)).toEqual(['Zazolc Gesla Jazn', 'Shchukin Iurii Elkin', 'Kowalski + Syn Hurt Nowy']);
    expect(names[5]).toBe('OOOOO' + 'x'.repeat(65));
    expect(names[5]).toHaveLength(70);
    expect(all(xml, 'Ustrd')[0]).toBe('Partner Plus 2026-10 LD-2026-10-000001');
    const text = [...names, ...all(xml, 'Ustrd')].join('');
    expect(text).toMatch(/^[a-zA-Z0-9/\-?:().,'+ ]*$/);
    expect(xml).toContain(`<IBAN>PL61109010140000071219812874</IBAN>`);
    expect(xml).toContain('<BIC>WBKPPLPP</BIC>');
  });

  it('cuts the remittance text at 140 characters, keeping the reference', () => {
    const text = remittanceText('Program '.repeat(30), payoutItem(42));
    expect(text).toHaveLength(140);
    expect(text.endsWith(' 2026-10 LD-2026-10-000042')).toBe(true);
  });

  it.runIf(hasXmllint)('escapes XML in every free text, and stays valid', async () => {
    const file = await writePayoutFile('sepa', bankBatch({ programName: `Tom & Jerry's <Club>` }));
    expect(xmllint(file)).toMatchObject({ status: 0 });
    expect(all(xmlText(file), 'Nm')[0]).toBe('Tom + Jerry&apos;s Club');
  });

  it('refuses an item without an IBAN, naming it', async () => {
    const batch = bankBatch();
    batch.items[1] = { ...batch.items[1]!, iban: null };
    await expect(writePayoutFile('sepa', batch)).rejects.toThrow(
      /top-up LD-2026-10-000002 \(P-002 Щукин Юрий Ёлкин\) has no IBAN/,
    );
  });

  it('refuses an IBAN whose check digits are wrong', async () => {
    const batch = bankBatch();
    batch.items[0] = { ...batch.items[0]!, iban: 'PL35109010140000071219812875' };
    await expect(writePayoutFile('sepa', batch)).rejects.toThrow(
      /IBAN PL35109010140000071219812875 of the top-up LD-2026-10-000001 .* is not a valid IBAN/,
    );
  });

  it('refuses a currency without exactly two decimals', async () => {
    const run = writePayoutFile('sepa', bankBatch({ currency: { code: 'HUF', minorDigits: 0 } }));
    await expect(run).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(run).rejects.toThrow(/exactly two decimals, but HUF has 0/);
  });

  it('refuses a batch without a debtor, a bad BIC, and a reference a bank cannot carry', async () => {
    await expect(writePayoutFile('sepa', bankBatch({ debtor: undefined }))).rejects.toThrow(
      /needs the program's debtor account/,
    );
    await expect(writePayoutFile('sepa', bankBatch({ debtor: { ...DEBTOR, bic: 'WBK' } }))).rejects.toThrow(
      /BIC "WBK"/,
    );
    const long = bankBatch();
    long.items[0] = { ...long.items[0]!, reference: 'LD-' + '9'.repeat(40) };
    await expect(writePayoutFile('sepa', long)).rejects.toThrow(/must be 1 to 35 characters/);
    const odd = bankBatch();
    odd.items[0] = { ...odd.items[0]!, reference: 'LD_2026_10_1' };
    await expect(writePayoutFile('sepa', odd)).rejects.toThrow(/may hold only letters/);
  });

  it('refuses an amount over the EPC maximum in a SEPA (EUR) file', async () => {
    const batch = bankBatch({ currency: { code: 'EUR', minorDigits: 2 } });
    batch.items[0] = { ...batch.items[0]!, amountMinor: 100_000_000_000 };
    await expect(writePayoutFile('sepa', batch)).rejects.toThrow(/over the SEPA maximum/);
  });
});
