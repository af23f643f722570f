// Calendar dates as the coordinator reads and types them: "05.10.2026" in Polish and Russian, "05/10/2026" in British
// English, "10/05/2026" in American English; the rules keep them as `YYYY-MM-DD`. A native date input would follow
// the browser's or the system's locale instead of the language chosen in the app.

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const TYPED = /^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4})(?:\s*r\.?)?$/;

/** Whether the locale writes the month before the day, as American English does: 10/05/2026 is 5 October. */
const monthFirst = (locale: string) =>
  new Intl.DateTimeFormat(locale, { month: '2-digit', day: '2-digit', timeZone: 'UTC' })
    .format(Date.UTC(2026, 9, 5))
    .startsWith('10');

/** `YYYY-MM-DD` written the locale's way, with two-digit day and month; other text as it is. */
export function dateInputText(iso: string, locale: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const formatted = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Some locales add a trailing " г." or a direction mark: only the digits and their separators are typed back.
  return formatted.replace(/[^\d./-]/g, '');
}

/** A date typed the locale's way (or as `YYYY-MM-DD`) as `YYYY-MM-DD`, or null when it is no calendar date. */
export function readTypedDate(text: string, locale: string): string | null {
  const s = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO.exec(s);
  const typed = TYPED.exec(s);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (typed) {
    const first = Number(typed[1]);
    const second = Number(typed[3]);
    year = Number(typed[4]);
    [month, day] = typed[2] === '/' && monthFirst(locale) ? [first, second] : [second, first];
  } else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
