import { describe, expect, it } from 'vitest';
import { epcText, isEpcLatin, transliterateLatin } from './transliterate-latin';

describe('transliterateLatin', () => {
  it('drops Polish diacritics, capitals included', () => {
    expect(transliterateLatin('Zażółć Gęślą Jaźń')).toBe('Zazolc Gesla Jazn');
    expect(transliterateLatin('ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż')).toBe('ACELNOSZZ acelnoszz');
  });

  it('writes Cyrillic by ICAO 9303, capitals by their neighbours', () => {
    expect(transliterateLatin('Щукин Юрий Ёлкин')).toBe('Shchukin Iurii Elkin');
    expect(transliterateLatin('ЩУКИН ЮРИЙ')).toBe('SHCHUKIN IURII');
    expect(transliterateLatin('Жанна Хабибуллина, Цой Чаплыгин')).toBe('Zhanna Khabibullina, Tsoi Chaplygin');
    expect(transliterateLatin('Я Объедков Ильич')).toBe('Ia Obedkov Ilich');
    expect(transliterateLatin('Євгенія Їжакевич Ґонта')).toBe('Ievgeniia Izhakevich Gonta');
  });

  it('takes other letters to their base, spells out those without one, and replaces the rest', () => {
    expect(transliterateLatin('Müller Straße Ærø Ðorđe François')).toBe('Muller Strasse AEro Dorde Francois');
    expect(transliterateLatin('O’Brien – Smith & Co; "Best"_#1 **')).toBe("O'Brien - Smith + Co Best 1");
    expect(transliterateLatin('  a\tb\n c  ')).toBe('a b c');
    expect(transliterateLatin('李小龍')).toBe('');
  });

  it('keeps the EPC characters as they are', () => {
    const epc = "abcXYZ 0123456789 / - ? : ( ) . , ' +";
    expect(transliterateLatin(epc)).toBe(epc);
    expect(isEpcLatin(epc)).toBe(true);
    expect(isEpcLatin('ż')).toBe(false);
  });

  it('cuts after transliterating, without a trailing space', () => {
    expect(epcText('Щукин Щукин', 8)).toBe('Shchukin');
    expect(epcText('Ab cd', 3)).toBe('Ab');
  });
});
