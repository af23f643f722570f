// Text -> bytes in the template's encoding. Node's TextEncoder writes only UTF-8 and
// iconv-lite is not a dependency, so the two Windows code pages are tables built once from
// Node's own decoder (as tests/fixtures/legacy-encoding.ts does). A character the code page
// cannot hold is refused, never replaced by "?": a top-up to "Jo?ef" is not a top-up to Józef.
import type { PayoutTemplate } from './payout-template';

export type CsvEncoding = PayoutTemplate['encoding'];
type CodePage = 'windows-1250' | 'windows-1251';

const tables = new Map<CodePage, Map<string, number>>();

function tableOf(codePage: CodePage): Map<string, number> {
  let table = tables.get(codePage);
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder(codePage);
    for (let b = 0; b < 256; b++) {
      const ch = decoder.decode(new Uint8Array([b]));
      if (ch !== '\uFFFD' && !table.has(ch)) table.set(ch, b);
    }
    tables.set(codePage, table);
  }
  return table;
}

/** The characters of `text` that `encoding` cannot hold, each once, in order. */
export function unrepresentableCharacters(text: string, encoding: CsvEncoding): string[] {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return [];
  const table = tableOf(encoding);
  const missing: string[] = [];
  // NFC: "o" + combining acute is "ó", which windows-1250 has.
  for (const ch of text.normalize('NFC')) if (!table.has(ch) && !missing.includes(ch)) missing.push(ch);
  return missing;
}

/** Encodes text that has passed unrepresentableCharacters; throws a RangeError otherwise. */
export function encodeCsvText(text: string, encoding: CsvEncoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  if (encoding === 'utf-8-bom') return new TextEncoder().encode(`\uFEFF${text}`);
  const table = tableOf(encoding);
  const normalized = text.normalize('NFC');
  const bytes = new Uint8Array(normalized.length);
  let n = 0;
  for (const ch of normalized) {
    const b = table.get(ch);
    if (b === undefined) throw new RangeError(`${JSON.stringify(ch)} has no byte in ${encoding}`);
    bytes[n++] = b;
  }
  return bytes.slice(0, n);
}

/** The charset parameter of the file's media type. */
export function charsetOf(encoding: CsvEncoding): string {
  return encoding === 'utf-8-bom' ? 'utf-8' : encoding;
}
