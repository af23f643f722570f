// A month inside a Polish or Russian sentence is written small; a label that begins with it, and
// English everywhere, keep the capital.
import { describe, expect, it } from 'vitest';
import { createTranslator } from './i18n';

describe('a period in words', () => {
  it('is small inside a Polish or Russian sentence', () => {
    const pl = createTranslator('pl');
    expect(pl.t('scoring.table', { period: pl.formatPeriod('2026-09') })).toBe('Punkty za wrzesień 2026');
    expect(pl.t('approve.title', { period: pl.formatPeriod('2026-10') })).toBe('Zatwierdzić październik 2026?');
    const ru = createTranslator('ru');
    expect(ru.t('scoring.table', { period: ru.formatPeriod('2026-09') })).toBe('Баллы за сентябрь 2026 г.');
    expect(ru.t('explain.tier.noVolume', { period: ru.formatPeriod('2026-08') })).toBe(
      'Без уровня: за август 2026 г. продаж не было.',
    );
  });

  it('keeps its capital where it begins a label, and in English', () => {
    const pl = createTranslator('pl');
    expect(pl.formatPeriod('2026-09')).toBe('Wrzesień 2026');
    expect(pl.t('period.optionNoSales', { period: pl.formatPeriod('2026-09'), state: 'Otwarty' })).toBe(
      'Wrzesień 2026 · Otwarty · bez sprzedaży',
    );
    const en = createTranslator('en');
    expect(en.t('scoring.table', { period: en.formatPeriod('2026-09') })).toBe('Points for September 2026');
  });

  it('ends a sentence with one full stop when the period ends with its own', () => {
    const ru = createTranslator('ru');
    expect(ru.t('reports.client.saved', { file: 'r.xlsx', period: ru.formatPeriod('2026-09') })).toBe(
      'Сохранено r.xlsx: отчёт для клиента за сентябрь 2026 г.',
    );
  });

  it('writes every month of a list small', () => {
    const ru = createTranslator('ru');
    const periods = [ru.formatPeriod('2026-08'), ru.formatPeriod('2026-09')].join(', ');
    expect(ru.t('approve.earlierOpen', { periods })).toMatch(/^Сначала утвердите август 2026 г\., сентябрь 2026 г\./);
  });
});

describe('a period after "since"', () => {
  it('is in the genitive, small, in Polish and Russian', () => {
    expect(createTranslator('pl').formatPeriodSince('2026-06')).toBe('czerwca 2026');
    expect(createTranslator('ru').formatPeriodSince('2026-12').replace(/\s/g, ' ')).toBe('декабря 2026 г.');
    expect(createTranslator('en').formatPeriodSince('2026-06')).toBe('June 2026');
  });
});

describe('two counts in one sentence', () => {
  it('gives each its own plural: "from 1 import", not "from 1 imports"', () => {
    const worded = (language: 'en' | 'pl' | 'ru', lines: number, batches: number) => {
      const i18n = createTranslator(language);
      const imports = i18n.t('scoring.importsCount', { count: batches });
      return i18n
        .t('scoring.notCalculated.text', { count: lines, imports })
        .split('.')[0]!
        .replace(/\u00a0/g, ' ');
    };
    expect(worded('en', 73, 1)).toBe('73 sales lines from 1 import are waiting');
    expect(worded('en', 1, 2)).toBe('1 sales line from 2 imports is waiting');
    expect(worded('pl', 73, 1)).toBe('Czekają 73 wiersze sprzedaży z 1 importu');
    expect(worded('pl', 5, 5)).toBe('Czeka 5 wierszy sprzedaży z 5 importów');
    expect(worded('ru', 2, 1)).toBe('Ждут 2 строки продаж из 1 импорта');
    expect(worded('ru', 5, 3)).toBe('Ждут 5 строк продаж из 3 импортов');
  });
});
