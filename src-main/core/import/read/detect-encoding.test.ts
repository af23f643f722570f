import { describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../../../tests/fixtures/legacy-encoding';
import { decodeText, scoreLetters } from './detect-encoding';

const polish =
  'Kod przedstawiciela;Imię i nazwisko;Województwo\nR0001;Zażółć Gęślą Jaźń;Łódzkie\nR0002;Świętosław Łęcki;Małopolskie\n';
const russian = 'Код представителя;ФИО;Регион\nR0001;Ольга Петрова;Север\nR0002;Сергей Кузнецов;Юг\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM', () => {
    const utf8 = new TextEncoder().encode(polish);
    expect(decodeText(utf8)).toEqual({ text: polish, encoding: 'utf-8', bom: false });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({
      text: polish,
      encoding: 'utf-8',
      bom: true,
    });
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(russian, 'utf16le')]);
    expect(decodeText(le)).toEqual({ text: russian, encoding: 'utf-16le', bom: true });
  });

  it('tells Windows-1250 Polish from Windows-1251 Russian', () => {
    expect(decodeText(encodeLegacy(polish, 'windows-1250'))).toEqual({
      text: polish,
      encoding: 'windows-1250',
      bom: false,
    });
    expect(decodeText(encodeLegacy(russian, 'windows-1251'))).toEqual({
      text: russian,
      encoding: 'windows-1251',
      bom: false,
    });
    // whatever the program's locale says
    expect(decodeText(encodeLegacy(polish, 'windows-1250'), 'ru-RU').encoding).toBe('windows-1250');
    expect(decodeText(encodeLegacy(russian, 'windows-1251'), 'pl-PL').encoding).toBe('windows-1251');
  });

  it('tells them apart on a single short word', () => {
    expect(decodeText(encodeLegacy('Łódź', 'windows-1250')).text).toBe('Łódź');
    expect(decodeText(encodeLegacy('Итого', 'windows-1251')).text).toBe('Итого');
    expect(decodeText(encodeLegacy('Gęś;1', 'windows-1250')).text).toBe('Gęś;1');
  });

  it('lets the locale break a tie', () => {
    // 0x96 is an en dash in both code pages: no letter tells them apart.
    const bytes = new Uint8Array([0x41, 0x96, 0x42]);
    expect(decodeText(bytes, 'ru-RU')).toEqual({ text: 'A\u2013B', encoding: 'windows-1251', bom: false });
    expect(decodeText(bytes, 'pl-PL')).toEqual({ text: 'A\u2013B', encoding: 'windows-1250', bom: false });
  });
});

describe('scoreLetters', () => {
  it('rewards letters of one script and punishes mixed words', () => {
    expect(scoreLetters('Łódź')).toBe(3);
    expect(scoreLetters('Ольга')).toBe(5);
    expect(scoreLetters('Wojewуdztwo')).toBe(-1);
    expect(scoreLetters('plain ascii')).toBe(0);
  });
});
