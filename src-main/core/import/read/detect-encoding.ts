// CSV files carry no note of their encoding. Clients send UTF-8 (with or without BOM), or
// what Excel's "CSV" writes on Polish and Russian Windows: Windows-1250 and Windows-1251.
// The same bytes decode without error in both code pages, so we pick the one whose letters
// make sense: Polish letters inside Latin words, or Russian letters inside Cyrillic words.

type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1250' | 'windows-1251';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

const POLISH_LETTERS = new Set('ąćęłńóśźżĄĆĘŁŃÓŚŹŻ');
const RUSSIAN_LETTER = /[а-яёА-ЯЁ]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;
const CYRILLIC_LETTER = /[\u0400-\u04FF]/;

/**
 * How plausible a decoding is: +1 for each Polish or Russian letter in a word of its own
 * script, -1 for each non-ASCII letter in a word that mixes Latin and Cyrillic (what Polish
 * text looks like in 1251: "Wojewуdztwo"). Other letters count nothing.
 */
export function scoreLetters(text: string): number {
  let score = 0;
  for (const word of text.match(/\p{L}+/gu) ?? []) {
    if (/^[A-Za-z]+$/.test(word)) continue;
    let latin = false;
    let cyrillic = false;
    for (const ch of word) {
      if (CYRILLIC_LETTER.test(ch)) cyrillic = true;
      else if (LATIN_LETTER.test(ch)) latin = true;
    }
    for (const ch of word) {
      if (ch.charCodeAt(0) < 128) continue;
      if (latin && cyrillic) score -= 1;
      else if (POLISH_LETTERS.has(ch) || RUSSIAN_LETTER.test(ch)) score += 1;
    }
  }
  return score;
}

function decodes(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes a text file's bytes: by its BOM if it has one; as UTF-8 if it is valid UTF-8
 * (legacy code-page text almost never is); otherwise as Windows-1250 or -1251, whichever
 * reads more plausibly, the program's locale breaking a tie.
 */
export function decodeText(bytes: Uint8Array, locale = 'pl-PL'): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  // Excel's "Unicode text" is UTF-16 with a BOM.
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  const utf8 = decodes(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom: false };
  const cp1250 = new TextDecoder('windows-1250').decode(bytes);
  const cp1251 = new TextDecoder('windows-1251').decode(bytes);
  const polish = scoreLetters(cp1250);
  const russian = scoreLetters(cp1251);
  const preferCyrillic = polish === russian ? /^(ru|uk|be|kk)\b/i.test(locale) : russian > polish;
  return preferCyrillic
    ? { text: cp1251, encoding: 'windows-1251', bom: false }
    : { text: cp1250, encoding: 'windows-1250', bom: false };
}
