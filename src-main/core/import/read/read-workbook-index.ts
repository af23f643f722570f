// The workbook's list of sheets (names, order, hidden or not) and its date system, read from
// xl/workbook.xml and its relationships. The streaming reader learns sheet names only when
// the workbook part comes before the sheets in the zip and its targets are relative; files
// written by openpyxl break both, so we read the list ourselves.
import { posix } from 'node:path';
import { AppError } from '../../app-error';
import { readZipEntry, type ZipEntry } from './read-zip-directory';
import { XmlPartGuard } from './xml-part-guard';

export interface WorkbookSheetInfo {
  name: string;
  hidden: boolean;
  /** The sheet's part in the zip, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
}

export interface WorkbookIndex {
  sheets: WorkbookSheetInfo[];
  date1904: boolean;
}

// Small parts: the list of sheets and their links, never the data.
const MAX_INDEX_PART = 16 * 1024 * 1024;

function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    const e = entity.toLowerCase();
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    // Past U+10FFFF there is no character (String.fromCodePoint throws a RangeError): the
    // reference stays as written, and the sheet's reader refuses the part as damaged.
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1] ?? '';
    // Namespace prefixes differ between writers (r:id, x:name); the local name is what counts,
    // except for r:id, which is kept apart from a plain id.
    const local = name.endsWith(':id') ? 'r:id' : name.replace(/^[\w.-]+:/, '');
    found[local] = decodeXmlText(m[2] ?? m[3] ?? '');
  }
  return found;
}

function tags(xml: string, localName: string): Record<string, string>[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])([^>]*)>`, 'g');
  return [...xml.matchAll(re)].map((m) => attributes(m[1] ?? ''));
}

export function readWorkbookIndex(bytes: Uint8Array, entries: readonly ZipEntry[], fileName: string): WorkbookIndex {
  const part = (name: string): string | null => {
    const entry = entries.find((e) => e.name === name);
    if (!entry) return null;
    const xml = readZipEntry(bytes, entry, fileName, MAX_INDEX_PART);
    // Declared entities are refused before anything reads this part (see xml-part-guard.ts).
    new XmlPartGuard(fileName, name, MAX_INDEX_PART, MAX_INDEX_PART).check(xml);
    return xml.toString('utf8');
  };
  const workbook = part('xl/workbook.xml');
  if (workbook === null)
    throw new AppError(
      'FILE_UNREADABLE',
      `The file "${fileName}" is not a complete Excel workbook (it has no list of sheets).`,
    );
  const rels = part('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const rel of tags(rels, 'Relationship')) {
    const target = rel['Target'] ?? '';
    // Targets are relative to xl/ ("worksheets/sheet1.xml") or absolute ("/xl/worksheets/sheet1.xml").
    const path = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
    if (rel['Id']) targets.set(rel['Id'], path);
  }
  const sheets = tags(workbook, 'sheet').map((sheet) => ({
    name: sheet['name'] ?? '',
    hidden: sheet['state'] === 'hidden' || sheet['state'] === 'veryHidden',
    path: targets.get(sheet['r:id'] ?? '') ?? '',
  }));
  const pr = tags(workbook, 'workbookPr')[0] ?? {};
  const date1904 = pr['date1904'] === '1' || pr['date1904'] === 'true';
  return { sheets, date1904 };
}
