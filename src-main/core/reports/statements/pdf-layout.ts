// Drawing on an A4 page with a cursor that moves down: headings, paragraphs, label-value rows and a table whose header
// is drawn again on every page it continues on. Single-line cells are placed by hand (text without a width, x from
// the measured width for right alignment): pdfkit's line wrapper costs more than the rest of a statement's page.
import { PDF_FONTS } from '../pdf/pdf-document';

export const PAGE = { left: 50, right: 545.28, top: 50, bottom: 780, footer: 800 } as const;
const WIDTH = PAGE.right - PAGE.left;

export interface Column {
  header: string;
  width: number;
  align: 'left' | 'right';
}

export class PdfCursor {
  y: number = PAGE.top;
  private pageNo = 1;
  private onNewPage: (() => void) | null = null;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly footer: (page: number) => string,
  ) {}

  /** Text on one line at x (from the left margin) or ending at x when right-aligned; no wrapping, no cursor move. */
  cell(text: string, x: number, width: number, align: 'left' | 'right', y = this.y): void {
    const doc = this.doc;
    let shown = text;
    let measured = doc.widthOfString(shown);
    if (measured > width) {
      while (shown.length > 1 && doc.widthOfString(`${shown}…`) > width) shown = shown.slice(0, -1);
      shown = `${shown}…`;
      measured = doc.widthOfString(shown);
    }
    const at = align === 'right' ? PAGE.left + x + width - measured : PAGE.left + x;
    doc.text(shown, at, y, { lineBreak: false });
  }

  /** Room for `height` more points on this page, or a new page (with the table header again when in a table). */
  need(height: number): void {
    if (this.y + height <= PAGE.bottom) return;
    this.drawFooter();
    this.doc.addPage();
    this.pageNo += 1;
    this.y = PAGE.top;
    this.onNewPage?.();
  }

  heading(text: string, size = 13): void {
    this.need(size + 24);
    this.y += 8;
    this.doc.font(PDF_FONTS.bold).fontSize(size);
    this.doc.text(text, PAGE.left, this.y, { lineBreak: false });
    this.y += size + 8;
    this.doc.font(PDF_FONTS.regular).fontSize(10);
  }

  /** A paragraph that wraps over the full width. */
  paragraph(text: string, size = 10): void {
    this.doc.font(PDF_FONTS.regular).fontSize(size);
    const height = this.doc.heightOfString(text, { width: WIDTH });
    this.need(height + 4);
    this.doc.text(text, PAGE.left, this.y, { width: WIDTH });
    this.y += height + 4;
  }

  /** A label and its value, the value right-aligned. */
  row(label: string, value: string, bold = false): void {
    this.need(15);
    this.doc.font(bold ? PDF_FONTS.bold : PDF_FONTS.regular).fontSize(10);
    this.cell(label, 0, 330, 'left');
    this.cell(value, 330, WIDTH - 330, 'right');
    this.y += 15;
    if (bold) this.doc.font(PDF_FONTS.regular);
  }

  /** A table of single-line cells, its header repeated on every page it reaches. */
  table(columns: readonly Column[], rows: Iterable<readonly string[]>, size = 9): void {
    const doc = this.doc;
    const lineHeight = size + 5;
    const offsets: number[] = [];
    columns.reduce((x, c) => (offsets.push(x), x + c.width), 0);
    const header = () => {
      doc.font(PDF_FONTS.bold).fontSize(size);
      columns.forEach((c, i) => this.cell(c.header, offsets[i]!, c.width - 4, c.align));
      this.y += lineHeight;
      doc
        .moveTo(PAGE.left, this.y - 3)
        .lineTo(PAGE.right, this.y - 3)
        .lineWidth(0.5)
        .stroke();
      doc.font(PDF_FONTS.regular).fontSize(size);
    };
    this.need(lineHeight * 2);
    header();
    this.onNewPage = header;
    for (const row of rows) {
      this.need(lineHeight);
      columns.forEach((c, i) => this.cell(row[i] ?? '', offsets[i]!, c.width - 4, c.align));
      this.y += lineHeight;
    }
    this.onNewPage = null;
    doc.fontSize(10);
  }

  gap(points = 6): void {
    this.y += points;
  }

  drawFooter(): void {
    const doc = this.doc;
    doc.font(PDF_FONTS.regular).fontSize(7);
    doc.text(this.footer(this.pageNo), PAGE.left, PAGE.footer, { lineBreak: false });
    doc.fontSize(10);
  }
}
