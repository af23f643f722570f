import { describe, expect, it } from 'vitest';
import { parseStatusCell } from './parse-status-cell';

describe('parseStatusCell', () => {
  it.each([
    ['active', 'active'],
    ['Active', 'active'],
    [' ACTIVE ', 'active'],
    ['inactive', 'inactive'],
    ['aktywny', 'active'],
    ['Nieaktywny', 'inactive'],
    ['aktywna', 'active'],
    ['nieaktywna', 'inactive'],
    ['активен', 'active'],
    ['Неактивен', 'inactive'],
    ['активный', 'active'],
    ['неактивный', 'inactive'],
    ['aktiv', 'active'],
    ['Inaktiv', 'inactive'],
    ['active\u00A0', 'active'],
  ])('%j -> %s', (text, expected) => {
    expect(parseStatusCell(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['yes', 'activ', 'blocked', 'nie', 1, true, new Date(0)])('refuses %j as BAD_STATUS', (cell) => {
    const r = parseStatusCell(cell);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe('BAD_STATUS');
    expect(!r.ok && r.message).toContain('expected active or inactive');
  });
});
