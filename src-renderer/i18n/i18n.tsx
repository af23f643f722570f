// A small typed i18n: three dictionaries with the same keys, plurals by Intl.PluralRules,
// numbers, dates and money by Intl in the chosen language's locale.
import { createContext, useContext, type ReactNode } from 'react';
import type { Language } from '../../src-main/ipc/contract';
import { formatInteger, formatMoney } from '../../src-main/core/money/minor-units';
import { en, type MessageKey } from './messages-en';
import { pl } from './messages-pl';
import { ru } from './messages-ru';
import type { Message } from './message-types';

export type { MessageKey } from './messages-en';

export const LANGUAGE_CODES: readonly Language[] = ['en', 'pl', 'ru'];

/** Each language by its own name, so that anyone finds theirs whatever is shown now. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', pl: 'Polski', ru: 'Русский' };

const DICTIONARIES: Record<Language, Record<MessageKey, Message>> = { en, pl, ru };

const DEFAULT_LOCALES: Record<Language, string> = { en: 'en-GB', pl: 'pl-PL', ru: 'ru-RU' };

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGE_CODES as readonly string[]).includes(value);
}

/** The first of the browser's preferred languages that we have, else English. */
export function languageFromPreferences(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/**
 * The locale for numbers and dates: the system's own variant when it speaks the chosen
 * language (en-US stays en-US), else the language's usual one.
 */
function localeFor(language: Language, preferred: readonly string[]): string {
  const match = preferred.find((tag) => tag.toLowerCase().split('-')[0] === language && tag.includes('-'));
  if (match) {
    try {
      return Intl.getCanonicalLocales(match)[0] ?? DEFAULT_LOCALES[language];
    } catch {
      return DEFAULT_LOCALES[language];
    }
  }
  return DEFAULT_LOCALES[language];
}

export type Params = Record<string, string | number>;

export interface CurrencyInfo {
  code: string;
  minorDigits: number;
}

export interface Translator {
  language: Language;
  locale: string;
  t(key: MessageKey, params?: Params): string;
  /** The text only if the key exists and every placeholder it names is in params; else null. */
  tIfComplete(key: string, params?: Params): string | null;
  hasKey(key: string): key is MessageKey;
  formatInteger(value: number): string;
  formatMoney(minor: number, currency: CurrencyInfo): string;
  /** A calendar date `YYYY-MM-DD`, written the local way; other text is shown as it is. */
  formatDate(date: string | null): string;
  /** An ISO instant, in the local time zone. */
  formatDateTime(iso: string): string;
  /** A period `YYYY-MM`, as "September 2026". */
  formatPeriod(period: string): string;
  /**
   * A period after "since" ("od", "с"), in the case the language wants there: "czerwca 2026", "июня 2026 г.", and
   * "June 2026" in English.
   */
  formatPeriodSince(period: string): string;
  formatFileSize(bytes: number): string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Month names are common nouns in Polish and Russian: a period stands capitalised where it begins a label
 * ("Wrzesień 2026 · Przeliczony"), but inside a sentence it is written small ("Punkty za wrzesień 2026"). English
 * capitalises months everywhere, and its formatPeriod already does.
 */
const PERIOD_PARAMS = new Set(['period', 'periods', 'periodFrom', 'periodTo']);

function insideSentence(text: string, offset: number): boolean {
  const before = text.slice(0, offset).trimEnd();
  return before !== '' && !before.endsWith('·');
}

function smallMonths(value: string, locale: string): string {
  if (locale.startsWith('en')) return value;
  // Each period of a list ("Wrzesień 2026, Październik 2026") is a month name of its own.
  return value.replace(
    /(^|, )(\p{Lu})(?=\p{Ll})/gu,
    (_, start: string, letter: string) => start + letter.toLocaleLowerCase(locale),
  );
}

export function createTranslator(language: Language, preferred: readonly string[] = []): Translator {
  const locale = localeFor(language, preferred);
  const dictionary = DICTIONARIES[language];
  const plurals = new Intl.PluralRules(locale);
  const integers = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: 'always' });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const periods = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  // With a day, Polish and Russian write the month in the genitive ("1 czerwca 2026"); the day is then taken away.
  const daysOf = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

  function pick(message: Message, params: Params | undefined): string {
    if (typeof message === 'string') return message;
    const count = typeof params?.count === 'number' ? params.count : 0;
    const form = plurals.select(count) as keyof typeof message;
    return message[form] ?? message.other;
  }

  function fill(text: string, params: Params | undefined): { text: string; complete: boolean } {
    let complete = true;
    const filled = text.replace(PLACEHOLDER, (whole, name: string, offset: number) => {
      const value = params?.[name];
      if (value === undefined) {
        complete = false;
        return whole;
      }
      if (typeof value === 'number') return integers.format(value);
      const worded = PERIOD_PARAMS.has(name) && insideSentence(text, offset) ? smallMonths(value, locale) : value;
      // "сентябрь 2026 г." at the end of a sentence ends it: one full stop, not two.
      return worded.endsWith('.') && text.charAt(offset + whole.length) === '.' ? worded.slice(0, -1) : worded;
    });
    return { text: filled, complete };
  }

  const hasKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(dictionary, key);

  return {
    language,
    locale,
    hasKey,
    t(key, params) {
      return fill(pick(dictionary[key], params), params).text;
    },
    tIfComplete(key, params) {
      if (!hasKey(key)) return null;
      const { text, complete } = fill(pick(dictionary[key], params), params);
      return complete ? text : null;
    },
    formatInteger: (value) => formatInteger(value, locale),
    formatMoney: (minor, currency) => formatMoney(minor, currency.code, currency.minorDigits, locale),
    formatDate(date) {
      if (!date) return '';
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
      if (!m) return date;
      return dates.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    },
    formatDateTime(iso) {
      const time = Date.parse(iso);
      return Number.isNaN(time) ? iso : dateTimes.format(time);
    },
    formatPeriod(period) {
      const m = /^(\d{4})-(\d{2})$/.exec(period);
      if (!m) return period;
      const text = periods.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
      return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
    },
    formatPeriodSince(period) {
      const m = /^(\d{4})-(\d{2})$/.exec(period);
      if (!m) return period;
      const date = Date.UTC(Number(m[1]), Number(m[2]) - 1, 1);
      if (locale.startsWith('en')) return periods.format(date);
      const parts = daysOf.formatToParts(date);
      const start = parts.findIndex((part) => part.type === 'month');
      return parts
        .slice(start)
        .map((part) => part.value)
        .join('');
    },
    formatFileSize(bytes) {
      const units = ['B', 'kB', 'MB', 'GB'];
      let value = bytes;
      let unit = 0;
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
      }
      const format = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 });
      return `${format.format(value)} ${units[unit]}`;
    },
  };
}

interface I18nValue extends Translator {
  setLanguage(language: Language): void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ value, children }: { value: I18nValue; children: ReactNode }) {
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
