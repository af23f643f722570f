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

/** A font as pdfkit holds it once parsed (a fontkit font): what `registerFont` accepts besides a path or bytes. */
type ParsedFont = Parameters<PDFKit.PDFDocument['registerFont']>[1];

let parsedFonts: { regular: ParsedFont; bold: ParsedFont } | null = null;

/**
 * Both fonts parsed once per process. Parsing a 700 kB TrueType file is most of the cost of a one-page document, and a
 * batch makes thousands; the parsed font is only read by the documents that use it (each keeps its own subset), so
 * they can share it. pdfkit parses with fontkit, which is not ours to import: a first document parses them and its
 * fonts are kept.
 */
function fonts(): { regular: ParsedFont; bold: ParsedFont } {
  if (parsedFonts) return parsedFonts;
  const folder = fontsFolder();
  const probe = new PDFDocument({ autoFirstPage: false });
  const parse = (file: string): ParsedFont => {
    probe.font(join(folder, file));
    return (probe as unknown as { _font: { font: ParsedFont } })._font.font;
  };
  parsedFonts = { regular: parse('DejaVuSans.ttf'), bold: parse('DejaVuSans-Bold.ttf') };
  return parsedFonts;
}

/** Glyph runs of each font by text, shared by the documents of a process; emptied when it grows past this. */
const LAYOUT_CACHE_LIMIT = 50_000;
const layouts = new Map<string, { runs: Record<string, unknown>; size: number }>();

/**
 * Shaping a text (fontkit's OpenType lookups) is the largest cost left once the fonts are parsed, and documents of a
 * batch show the same dates, amounts and words again and again. pdfkit keeps the runs per document; a run depends on
 * the font and the text only (each document maps its glyphs to its own subset when it writes them), so one cache per
 * font serves every document.
 */
function shareLayouts(doc: PDFKit.PDFDocument): void {
  for (const name of [PDF_FONTS.bold, PDF_FONTS.regular]) {
    doc.font(name);
    const font = (doc as unknown as { _font: { layoutCache?: Record<string, unknown> } })._font;
    let shared = layouts.get(name);
    if (!shared || shared.size > LAYOUT_CACHE_LIMIT) {
      shared = { runs: Object.create(null) as Record<string, unknown>, size: 0 };
      layouts.set(name, shared);
    }
    const entry = shared;
    font.layoutCache = new Proxy(entry.runs, {
      set(target, key, value) {
        entry.size += 1;
        return Reflect.set(target, key, value);
      },
    });
  }
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
  const parsed = fonts();
  const doc = new PDFDocument({
    // The regular font from the start: pdfkit would otherwise load Helvetica's metrics for every document.
    font: parsed.regular as unknown as string,
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
  doc.registerFont(PDF_FONTS.regular, parsed.regular);
  doc.registerFont(PDF_FONTS.bold, parsed.bold);
  shareLayouts(doc);
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
