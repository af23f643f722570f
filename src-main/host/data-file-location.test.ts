import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataFile, resolveDataFile } from './data-file-location';
import { operatorName } from './operator-name';

describe('where the data lives', () => {
  it("is the app's data folder on each platform, as Electron's userData", () => {
    expect(defaultDataFile('linux', {}, '/home/ala')).toBe('/home/ala/.config/Loyalty Desk/loyalty.db');
    expect(defaultDataFile('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ala')).toBe('/cfg/Loyalty Desk/loyalty.db');
    expect(defaultDataFile('darwin', {}, '/Users/ala')).toBe(
      '/Users/ala/Library/Application Support/Loyalty Desk/loyalty.db',
    );
    expect(defaultDataFile('win32', { APPDATA: 'C:/Users/ala/AppData/Roaming' }, 'C:/Users/ala')).toMatch(
      /Roaming[\\/]Loyalty Desk[\\/]loyalty\.db$/,
    );
  });

  it('is overridden by --db, then by LOYALTY_DB', () => {
    expect(resolveDataFile({ flag: '/tmp/a.db', env: { LOYALTY_DB: '/tmp/b.db' } })).toBe('/tmp/a.db');
    expect(resolveDataFile({ env: { LOYALTY_DB: '/tmp/b.db' } })).toBe('/tmp/b.db');
    expect(resolveDataFile({ env: { LOYALTY_DB: '' } })).toMatch(/Loyalty Desk[\\/]loyalty\.db$/);
  });

  it("is in Electron's userData for the desktop app, unless LOYALTY_DB says otherwise (resolved, blanks ignored)", () => {
    expect(resolveDataFile({ env: {}, userDataDir: '/home/ann/.config/Loyalty Desk' })).toBe(
      join('/home/ann/.config/Loyalty Desk', 'loyalty.db'),
    );
    expect(resolveDataFile({ env: { LOYALTY_DB: '  ' }, userDataDir: '/data' })).toBe(join('/data', 'loyalty.db'));
    expect(resolveDataFile({ env: { LOYALTY_DB: '/tmp/test.db' }, userDataDir: '/data' })).toBe(
      resolve('/tmp/test.db'),
    );
    expect(resolveDataFile({ env: { LOYALTY_DB: 'relative.db' }, userDataDir: '/data' })).toBe(resolve('relative.db'));
  });
});

describe('who is acting', () => {
  it('is LOYALTY_ACTOR when set, else the OS account, never empty', () => {
    expect(operatorName({ LOYALTY_ACTOR: ' anna ' })).toBe('anna');
    expect(operatorName({ LOYALTY_ACTOR: '' })).toBe(userInfo().username || 'operator');
  });
});
