// The one way the app writes a PDF (statements, the rules document): pdfkit with DejaVu Sans embedded, because the
// fourteen standard PDF fonts have no Polish or Cyrillic letters and a reader's own fonts are not ours to count on.
// pdfkit embeds a subset of each font it is given, so a page carries only the glyphs it uses.
import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const PDF_FONTS = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const;

let fontFolder: string | null = null;

/** The TrueType files of the dejavu-fonts-ttf package, found the way Node finds the package. */
function fontsFolder(): string {
  fontFolder ??= join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return fontFolder;
}

export interface PdfMeta {
  title: string;
  /** Who made it, e.g. "Loyalty Desk". */
  author: string;
  /** The language tag of the text (en, pl, ru): screen readers and search use it. */
  lang: string;
  /**
   * The instant written as the file's creation date. Passed in, never read from the clock here, so that the same
   * content made twice gives the same bytes.
   */
  createdAt: Date;
}

/**
 * A new A4 document with both fonts registered and the regular one selected. `write` draws the pages; the bytes come
 * back once pdfkit has finished.
 */
export async function renderPdf(meta: PdfMeta, write: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    lang: meta.lang,
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Creator: meta.author,
      Producer: meta.author,
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt,
    },
    bufferPages: false,
  });
  const folder = fontsFolder();
  doc.registerFont(PDF_FONTS.regular, join(folder, 'DejaVuSans.ttf'));
  doc.registerFont(PDF_FONTS.bold, join(folder, 'DejaVuSans-Bold.ttf'));
  doc.font(PDF_FONTS.regular);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  write(doc);
  doc.end();
  return done;
}
