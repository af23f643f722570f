import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDF_FONTS, renderPdf } from './pdf-document';

const meta = { title: 'Wyciąg', author: 'Loyalty Desk', lang: 'pl', createdAt: new Date('2026-10-01T08:00:00Z') };
const write = (doc: PDFKit.PDFDocument) => {
  doc.font(PDF_FONTS.bold).fontSize(16).text('Zażółć gęślą jaźń');
  doc.font(PDF_FONTS.regular).fontSize(10).text('Щука Ёлка Жёлудь: 1 234,56 zł');
};

describe('renderPdf', () => {
  it('embeds its fonts, so Polish and Cyrillic letters read back as written', async () => {
    const file = join(mkdtempSync(join(process.env.LOYALTY_TEST_TMP ?? tmpdir(), 'pdf-')), 'a.pdf');
    writeFileSync(file, await renderPdf(meta, write));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Zażółć gęślą jaźń');
    expect(text).toContain('Щука Ёлка Жёлудь: 1 234,56 zł');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts).toHaveLength(2);
    // name, type..., emb sub uni: every font embedded (a subset) with a Unicode map.
    for (const line of fonts) expect(line).toMatch(/DejaVuSans.*\byes\s+yes\s+yes\b/);
  });

  it('gives the same bytes for the same content, so a statement made again is the same file', async () => {
    const [a, b] = await Promise.all([renderPdf(meta, write), renderPdf(meta, write)]);
    expect(a.equals(b)).toBe(true);
  });
});
