import { describe, expect, it } from 'vitest';
import { AppError } from '../../app-error';
import { detectSeparator } from './detect-separator';
import { parseCsvRecords } from './parse-csv-records';

const parse = (text: string, separator = ';', maxFieldChars = 1000) => [
  ...parseCsvRecords(text, { separator, maxFieldChars }),
];

describe('parseCsvRecords', () => {
  it('splits records and fields, with any line ending', () => {
    expect(parse('a;b\r\nc;d\ne;f\rg;h')).toEqual([
      { record: 1, line: 1, fields: ['a', 'b'] },
      { record: 2, line: 2, fields: ['c', 'd'] },
      { record: 3, line: 3, fields: ['e', 'f'] },
      { record: 4, line: 4, fields: ['g', 'h'] },
    ]);
  });

  it('keeps separators, quotes and line breaks inside quoted fields, numbering records as Excel shows rows', () => {
    expect(parse('"x;y";"say ""hi""";"line1\r\nline2"\nnext;2\n')).toEqual([
      { record: 1, line: 1, fields: ['x;y', 'say "hi"', 'line1\r\nline2'] },
      { record: 2, line: 3, fields: ['next', '2'] },
    ]);
  });

  it('keeps blank lines as empty records and trailing empty fields', () => {
    expect(parse('a;b\n\nc;\n')).toEqual([
      { record: 1, line: 1, fields: ['a', 'b'] },
      { record: 2, line: 2, fields: [''] },
      { record: 3, line: 3, fields: ['c', ''] },
    ]);
  });

  it('reads a quote inside an unquoted field literally', () => {
    expect(parse('12" pipe;x')).toEqual([{ record: 1, line: 1, fields: ['12" pipe', 'x'] }]);
    expect(parse('"ab"c;d')).toEqual([{ record: 1, line: 1, fields: ['abc', 'd'] }]);
  });

  it('refuses an unclosed quote naming its line, and an overlong field', () => {
    expect(() => parse('a;b\n"open;c\nd;e')).toThrow(/a quote opened on line 2 is never closed/);
    try {
      parse(`"${'x'.repeat(50)}`, ';', 10);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('FILE_TOO_LARGE');
    }
    expect(() => parse('x'.repeat(11), ';', 10)).toThrow(AppError);
  });
});

describe('detectSeparator', () => {
  it.each([
    ['Kod;Nazwa;Kwota\nA;x;1 234,56\nB;y;12,30\n', ';'],
    ['Code,Name,Amount\nA,x,1234.56\nB,y,12.30\n', ','],
    ['Code\tName\tAmount\nA\tx\t1,5\nB\ty\t2,5\n', '\t'],
    ['"Code;1","Name"\n"A;x","y"\n"B;z","w"\n', ','],
    ['Lista przedstawicieli\n\nKod;Nazwa\nA;x\nB;y\n', ';'],
  ])('finds the separator of %j', (text, expected) => {
    expect(detectSeparator(text)).toBe(expected);
  });

  it('prefers ; when nothing splits', () => {
    expect(detectSeparator('one column\nonly\n')).toBe(';');
  });
});
