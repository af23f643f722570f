import { describe, expect, it } from 'vitest';
import { defineImport } from './field-definitions';
import { matchHeaderRow } from './find-header-row';
import { normalizeHeader } from './normalize-header';
import { textParser } from '../cells/parse-text-cell';

const definition = defineImport({
  kind: 'participants',
  fields: {
    code: {
      required: true,
      synonyms: ['Rep code', 'Participant code', 'Kod przedstawiciela', 'Код представителя'],
      parse: textParser(),
    },
    name: { required: true, synonyms: ['Name', 'Rep', 'Imię i nazwisko', 'ФИО'], parse: textParser() },
    email: { required: false, synonyms: ['Email', 'E-mail'], parse: textParser() },
  },
});

describe('normalizeHeader', () => {
  it.each([
    ['Rep code', 'rep code'],
    ['  REP   CODE ', 'rep code'],
    ['Rep\u00A0code', 'rep code'],
    ['Rep code:', 'rep code'],
    ['Rep code *', 'rep code'],
    ['Rep code*:', 'rep code'],
    ['Imię i nazwisko', 'imię i nazwisko'],
    ['IMIĘ I NAZWISKO', 'imię i nazwisko'],
    ['Imie\u0328 i nazwisko', 'imię i nazwisko'], // decomposed ę
    ['ФИО', 'фио'],
    ['Rep\ncode', 'rep code'],
  ])('%j -> %j', (text, expected) => {
    expect(normalizeHeader(text)).toBe(expected);
  });

  it('keeps accents', () => {
    expect(normalizeHeader('Imie i nazwisko')).not.toBe(normalizeHeader('Imię i nazwisko'));
  });
});

describe('matchHeaderRow', () => {
  it('finds required fields by synonyms, in any order, ignoring extra columns', () => {
    const match = matchHeaderRow(
      ['Lp.', 'E-MAIL', 'Imię i nazwisko:', null, 'Kod przedstawiciela*', 'Uwagi'],
      definition,
    );
    expect(match).toEqual({
      found: true,
      columns: [
        { field: 'email', column: 1, header: 'E-MAIL' },
        { field: 'name', column: 2, header: 'Imię i nazwisko:' },
        { field: 'code', column: 4, header: 'Kod przedstawiciela*' },
      ],
    });
  });

  it('says what is missing when a row is not the header', () => {
    expect(matchHeaderRow(['Rep code', 'Email'], definition)).toEqual({
      found: false,
      matched: ['code', 'email'],
      missing: ['name'],
      columns: [
        { field: 'code', column: 0, header: 'Rep code' },
        { field: 'email', column: 1, header: 'Email' },
      ],
    });
    expect(matchHeaderRow(['Participants of Partner Plus, October 2026'], definition)).toEqual({
      found: false,
      matched: [],
      missing: ['code', 'name'],
      columns: [],
    });
  });

  it('does not take a column for two fields, and takes the leftmost of two synonyms', () => {
    const match = matchHeaderRow(['Name', 'Rep code', 'Rep'], definition);
    expect(match.found && match.columns.map((c) => [c.field, c.column])).toEqual([
      ['name', 0],
      ['code', 1],
    ]);
  });

  it('uses an explicit mapping for a field whose header is not a synonym', () => {
    const cells = ['Numer', 'Name'];
    expect(matchHeaderRow(cells, definition).found).toBe(false);
    expect(matchHeaderRow(cells, definition, { code: 'numer' })).toEqual({
      found: true,
      columns: [
        { field: 'code', column: 0, header: 'Numer' },
        { field: 'name', column: 1, header: 'Name' },
      ],
    });
    // the mapping wins over a synonym elsewhere, and an optional mapped field must be found
    expect(matchHeaderRow(['Rep code', 'Nr', 'Name'], definition, { code: 'Nr' })).toMatchObject({
      found: true,
      columns: [
        { field: 'code', column: 1 },
        { field: 'name', column: 2 },
      ],
    });
    expect(matchHeaderRow(['Rep code', 'Name'], definition, { email: 'Poczta' })).toMatchObject({
      found: false,
      matched: ['code', 'name'],
      missing: ['email'],
    });
  });

  it('reads headers that are numbers or dates as text', () => {
    expect(matchHeaderRow([2026, 'Rep code', 'Name'], definition).found).toBe(true);
  });
});
