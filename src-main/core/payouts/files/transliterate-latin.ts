// SEPA credit transfers carry only the EPC's Latin character set (EPC217-08):
//   a-z A-Z 0-9 / - ? : ( ) . , ' + and space.
// Banks reject or mangle anything else, so names and remittance text are transliterated here,
// predictably, before they are cut to the field's length:
// - Polish letters lose their diacritics (ą→a, ł→l, Ż→Z ...);
// - Cyrillic follows ICAO Doc 9303 (the scheme of Russian and Ukrainian passports since 2013):
//   Ж→Zh, Х→Kh, Ц→Ts, Ч→Ch, Ш→Sh, Щ→Shch, Ю→Iu, Я→Ia, Й→I, Ы→Y, Е/Ё/Э→E, except that Ъ is
//   dropped like Ь (ICAO writes Ъ as "Ie", which reads as a mistake in a name);
// - other letters go to their base letter by Unicode decomposition (é→e, ü→u), with a few
//   that do not decompose spelled out (ß→ss, æ→ae, ø→o, đ→d);
// - anything else becomes a space ("&" becomes "+", typographic quotes an apostrophe, dashes
//   a hyphen), and runs of spaces collapse to one.

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  // Ukrainian and Belarusian letters, also per ICAO 9303.
  і: 'i',
  ї: 'i',
  є: 'ie',
  ґ: 'g',
  ў: 'u',
};

const OTHER_LATIN: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  '&': '+',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u02BC': "'",
  '`': "'",
  '\u00B4': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};

const EPC_CHARACTER = /^[a-zA-Z0-9/\-?:().,'+ ]$/;

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isLower(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** A capital Cyrillic letter of several Latin ones: "Shch" before a small letter, "SHCH" inside a word in capitals. */
function cyrillicCapital(latin: string, previous: string | undefined, next: string | undefined): string {
  if (latin.length <= 1) return latin.toUpperCase();
  if (isLower(next)) return latin[0]!.toUpperCase() + latin.slice(1);
  if (isUpper(next) || isUpper(previous)) return latin.toUpperCase();
  return latin[0]!.toUpperCase() + latin.slice(1);
}

function transliterateCharacter(ch: string, previous: string | undefined, next: string | undefined): string {
  if (EPC_CHARACTER.test(ch)) return ch;
  const lower = ch.toLowerCase();
  const cyrillic = CYRILLIC[lower];
  if (cyrillic !== undefined) return ch === lower ? cyrillic : cyrillicCapital(cyrillic, previous, next);
  const other = OTHER_LATIN[ch];
  if (other !== undefined) return other;
  // é -> e + combining acute: keep what is left once the marks are gone, if it is all allowed.
  const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
  if (base && [...base].every((c) => EPC_CHARACTER.test(c))) return base;
  return ' ';
}

/** Text in the EPC Latin character set, spaces collapsed and trimmed. */
export function transliterateLatin(text: string): string {
  const chars = [...text.normalize('NFC')];
  const out = chars.map((ch, i) => transliterateCharacter(ch, chars[i - 1], chars[i + 1])).join('');
  return out.replace(/ +/g, ' ').trim();
}

/** True when every character of `text` is in the EPC Latin character set. */
export function isEpcLatin(text: string): boolean {
  return [...text].every((c) => EPC_CHARACTER.test(c));
}

/** Transliterates and cuts to `max` characters, without a trailing space left by the cut. */
export function epcText(text: string, max: number): string {
  return transliterateLatin(text).slice(0, max).trimEnd();
}
