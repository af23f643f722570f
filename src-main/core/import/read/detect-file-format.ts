// What a file really is, judged by its bytes: clients rename files, ERPs write HTML or CSV
// under an .xls name, and an encrypted .xlsx is an OLE2 container like an old .xls. The
// extension only decides which files we look at; the bytes decide how they are read.
import { extname } from 'node:path';
import { AppError, type ErrorFacts } from '../../app-error';
import { formatByteSize, type ImportLimits } from './import-limits';
import { readZipDirectory, type ZipEntry } from './read-zip-directory';

export type DetectedFormat = { format: 'xlsx'; entries: ZipEntry[] } | { format: 'csv' };

const SUPPORTED_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.csv', '.tsv', '.txt'] as const;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SAVE_AS_XLSX = 'open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx), then import that file';

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** An OLE2 file with "EncryptionInfo" and "EncryptedPackage" streams is an .xlsx with a password, not an old .xls. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (
    all.includes(Buffer.from('EncryptedPackage', 'utf16le')) || all.includes(Buffer.from('EncryptionInfo', 'utf16le'))
  );
}

/** Text has no NUL bytes and almost no control characters; random or binary bytes have many. */
function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control <= sample.length / 200;
}

function isOnlyWhitespace(bytes: Uint8Array): boolean {
  const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  for (let i = start; i < bytes.byteLength; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  return true;
}

function refuse(
  code: 'FILE_NOT_SUPPORTED' | 'FILE_UNREADABLE' | 'FILE_EMPTY' | 'FILE_TOO_LARGE',
  message: string,
  details?: ErrorFacts,
): never {
  throw new AppError(code, message, details);
}

export function detectFileFormat(fileName: string, bytes: Uint8Array, limits: ImportLimits): DetectedFormat {
  const ext = extname(fileName).toLowerCase();
  if (bytes.byteLength === 0) refuse('FILE_EMPTY', `The file "${fileName}" is empty (0 bytes).`);
  if (bytes.byteLength > limits.maxFileBytes) {
    refuse(
      'FILE_TOO_LARGE',
      `The file "${fileName}" is ${formatByteSize(bytes.byteLength)}, over the import limit of ${formatByteSize(limits.maxFileBytes)}; split it into smaller files.`,
      {
        size: bytes.byteLength,
        maxFileBytes: limits.maxFileBytes,
      },
    );
  }
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    refuse(
      'FILE_NOT_SUPPORTED',
      `The file "${fileName}" cannot be imported: only Excel workbooks (.xlsx) and CSV files (.csv) can; save it in one of these formats.`,
      { extension: ext },
    );
  }
  if (startsWith(bytes, OLE2)) {
    if (isEncryptedPackage(bytes)) {
      refuse(
        'FILE_NOT_SUPPORTED',
        `The file "${fileName}" is password-protected, so it cannot be read: open it in Excel, remove the password, save it as .xlsx and import that file.`,
        {
          container: 'encrypted',
        },
      );
    }
    refuse(
      'FILE_NOT_SUPPORTED',
      `The file "${fileName}" is an old Excel 97-2003 workbook (.xls) or a password-protected one, which cannot be imported: ${SAVE_AS_XLSX}.`,
      {
        container: 'ole2',
      },
    );
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const entries = readZipDirectory(bytes, fileName);
    const unpacked = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (unpacked > limits.maxUnpackedBytes) {
      refuse(
        'FILE_TOO_LARGE',
        `The workbook "${fileName}" unpacks to ${formatByteSize(unpacked)}, over the import limit of ${formatByteSize(limits.maxUnpackedBytes)}; it was not imported.`,
        {
          unpacked,
          maxUnpackedBytes: limits.maxUnpackedBytes,
        },
      );
    }
    const names = new Set(entries.map((e) => e.name));
    if (entries.some((e) => e.encrypted))
      refuse(
        'FILE_NOT_SUPPORTED',
        `The file "${fileName}" is password-protected, so it cannot be read: remove the password, save it as .xlsx and import that file.`,
      );
    if (names.has('xl/workbook.xml')) return { format: 'xlsx', entries };
    if (names.has('xl/workbook.bin'))
      refuse(
        'FILE_NOT_SUPPORTED',
        `The file "${fileName}" is a binary Excel workbook (.xlsb), which cannot be imported: ${SAVE_AS_XLSX}.`,
      );
    if (names.has('content.xml') || names.has('mimetype'))
      refuse(
        'FILE_NOT_SUPPORTED',
        `The file "${fileName}" is an OpenDocument file, not an Excel workbook: ${SAVE_AS_XLSX}.`,
      );
    refuse(
      'FILE_NOT_SUPPORTED',
      `The file "${fileName}" is a zip archive but not an Excel workbook; import the workbook itself (.xlsx).`,
    );
  }
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  if (head.startsWith('%PDF'))
    refuse(
      'FILE_NOT_SUPPORTED',
      `The file "${fileName}" is a PDF, which cannot be imported: ask the client for the spreadsheet itself (.xlsx or .csv).`,
    );
  if (!looksLikeText(bytes)) {
    refuse(
      'FILE_UNREADABLE',
      `The file "${fileName}" is neither an Excel workbook nor a CSV text file; it may be damaged, so ask the client to send it again.`,
    );
  }
  const start = head
    .replace(/^(\uFEFF|\u00EF\u00BB\u00BF|\u00FF\u00FE|\u00FE\u00FF)/, '')
    .trimStart()
    .toLowerCase();
  if (start.startsWith('<')) {
    if (start.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
      refuse(
        'FILE_NOT_SUPPORTED',
        `The file "${fileName}" is an Excel 2003 XML spreadsheet, which cannot be imported: ${SAVE_AS_XLSX}.`,
      );
    }
    if (/<(html|table|!doctype html|head|body|meta)\b/.test(start)) {
      refuse(
        'FILE_NOT_SUPPORTED',
        `The file "${fileName}" is a web page (HTML) saved under a spreadsheet name, not a real workbook: ${SAVE_AS_XLSX}.`,
        { container: 'html' },
      );
    }
  }
  if (isOnlyWhitespace(bytes)) {
    refuse('FILE_EMPTY', `The file "${fileName}" is empty (it holds only blank lines).`);
  }
  return { format: 'csv' };
}
