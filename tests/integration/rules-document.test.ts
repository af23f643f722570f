// The program's rules as participants read them, in Polish and Russian: pdftotext finds the tier names, the point
// value, the cap and the version they are of; the CLI writes the same document, the same bytes for the same version.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireProgram } from '../../src-main/core/program/program-store';
import { rulesDocumentPdf } from '../../src-main/core/reports/rules-document/rules-document';
import { runLoyalty } from '../fixtures/run-cli';
import { caseOpener } from '../fixtures/staged-database';
import { polishApproved } from '../fixtures/statement-stages';

const at = caseOpener();

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s*\n\s*/g, ' ');
}

describe('the rules document', () => {
  it('says in Polish the tiers, the point value, the cap and the version, and is the same file made twice', async () => {
    const { ctx, dir } = await at(polishApproved);
    const version = requireProgram(ctx).rulesVersion;
    const document = await rulesDocumentPdf(ctx);
    expect(document.lang).toBe('pl');
    writeFileSync(join(dir, 'pl.pdf'), document.bytes);
    const text = pdfText(join(dir, 'pl.pdf'));
    expect(text).toContain(`Zasady programu: Partner Plus`);
    expect(text).toContain(`Wersja zasad ${version}, obowiązuje od`);
    for (const tier of ['Gold', 'Silver', 'Bronze']) expect(text).toContain(`${tier}: od `);
    expect(text).toContain('Jeden punkt jest wart 0,10 zł.');
    expect(text).toContain('najwyżej 50 000 pkt');
    expect(text).toContain('Gold: od 500 000,00 zł sprzedaży netto, +10% do Twoich punktów.');
    expect(text).toContain('TurboBoost');
    const fonts = execFileSync('pdffonts', [join(dir, 'pl.pdf')], { encoding: 'utf8' })
      .split('\n')
      .slice(2);
    for (const line of fonts.filter(Boolean)) expect(line).toMatch(/\byes\s+yes\s+yes\b/);
    expect(Buffer.from((await rulesDocumentPdf(ctx)).bytes).equals(Buffer.from(document.bytes))).toBe(true);
  });

  it('says it in Russian, and an earlier version when asked, through the CLI', async () => {
    const { ctx, dir } = await at(polishApproved);
    const file = ctx.store.file;
    ctx.store.close();
    const out = join(dir, 'ru.pdf');
    const run = await runLoyalty(['rules', 'pdf', '--version', '1', '--lang', 'ru', '--out', out, '--db', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = pdfText(out);
    expect(text).toContain('Правила программы: Partner Plus');
    expect(text).toContain('Версия правил 1, действует с');
    for (const tier of ['Gold', 'Silver', 'Bronze']) expect(text).toContain(`${tier}: от `);
    expect(text).toContain('Один балл стоит 0,10 PLN.');
    expect(text).toContain('не больше 50 000 баллов');
    const again = join(dir, 'ru-again.pdf');
    await runLoyalty(['rules', 'pdf', '--version', '1', '--lang', 'ru', '--out', again, '--db', file]);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
    const missing = await runLoyalty(['rules', 'pdf', '--version', '9', '--out', out, '--db', file]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no version 9');
  });
});
