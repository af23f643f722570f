import { describe, expect, it } from 'vitest';
import { defaultDataFile, resolveDataFile } from './default-data-file';

describe('where the data lives', () => {
  it("is the app's data folder on each platform, as Electron's userData", () => {
    expect(defaultDataFile('linux', {}, '/home/ala')).toBe('/home/ala/.config/Loyalty Desk/loyalty.db');
    expect(defaultDataFile('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ala')).toBe('/cfg/Loyalty Desk/loyalty.db');
    expect(defaultDataFile('darwin', {}, '/Users/ala')).toBe('/Users/ala/Library/Application Support/Loyalty Desk/loyalty.db');
    expect(defaultDataFile('win32', { APPDATA: 'C:/Users/ala/AppData/Roaming' }, 'C:/Users/ala')).toMatch(/Roaming[\\/]Loyalty Desk[\\/]loyalty\.db$/);
  });

  it('is overridden by --db, then by LOYALTY_DB', () => {
    expect(resolveDataFile('/tmp/a.db', { LOYALTY_DB: '/tmp/b.db' })).toBe('/tmp/a.db');
    expect(resolveDataFile(undefined, { LOYALTY_DB: '/tmp/b.db' })).toBe('/tmp/b.db');
    expect(resolveDataFile(undefined, { LOYALTY_DB: '' })).toMatch(/Loyalty Desk[\\/]loyalty\.db$/);
  });
});
