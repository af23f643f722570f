// The currencies and locales a program can be created with, named in the operator's language by the browser's own
// Intl data ("Polish złoty (PLN)", "Polish (Poland)"), so that nobody types an ISO code or counts minor units.

/** The currencies of the countries our clients and their representatives work in. */
export const PROGRAM_CURRENCIES = [
  'PLN',
  'EUR',
  'CZK',
  'HUF',
  'RON',
  'NOK',
  'SEK',
  'DKK',
  'CHF',
  'GBP',
  'USD',
] as const;

/** The locales of the client's files (how their numbers and dates are written). */
export const PROGRAM_LOCALES = [
  'pl-PL',
  'en-GB',
  'en-US',
  'de-DE',
  'cs-CZ',
  'sk-SK',
  'hu-HU',
  'ro-RO',
  'nb-NO',
  'sv-SE',
  'da-DK',
  'ru-RU',
] as const;

/** The decimal places a currency's amounts are kept to (2 for PLN, 0 for HUF as Intl counts it for cash-less use). */
export function currencyMinorDigits(code: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

function displayName(uiLocale: string, type: 'currency' | 'language', code: string): string | undefined {
  try {
    return new Intl.DisplayNames([uiLocale], { type }).of(code);
  } catch {
    return undefined;
  }
}

function capitalised(text: string, uiLocale: string): string {
  return text.charAt(0).toLocaleUpperCase(uiLocale) + text.slice(1);
}

/** "Polish złoty (PLN)" in English, "Złoty polski (PLN)" in Polish; the code alone where Intl has no name. */
export function currencyLabel(code: string, uiLocale: string): string {
  const name = displayName(uiLocale, 'currency', code);
  return name && name !== code ? `${capitalised(name, uiLocale)} (${code})` : code;
}

/** "Polish (Poland)" in English, "Polski (Polska)" in Polish. */
export function localeLabel(locale: string, uiLocale: string): string {
  const name = displayName(uiLocale, 'language', locale);
  return name && name !== locale ? capitalised(name, uiLocale) : locale;
}
