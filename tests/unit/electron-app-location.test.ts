import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createAppUrlCheck,
  preloadPath,
  rendererFileOf,
  resolveRendererLocation,
} from '../../src-main/electron/app-location';
import { DatabaseNewerError } from '../../src-main/db/open-database';
import { describeOpenFailure, resolveUserDataOverride } from '../../src-main/electron/data-file';

const mainDir = resolve('/app/out/main');

describe('resolveRendererLocation', () => {
  it('serves the built page beside out/main from app://loyalty-desk/, and its preload from out/preload', () => {
    const location = resolveRendererLocation({ devServerUrl: undefined, isPackaged: false, mainDir });
    expect(location).toEqual({
      kind: 'app',
      dir: join(mainDir, '..', 'renderer'),
      url: 'app://loyalty-desk/index.html',
    });
    expect(preloadPath(mainDir)).toBe(join(mainDir, '..', 'preload', 'index.cjs'));
  });

  it('uses the dev server under electron-vite dev, but never in a packaged app', () => {
    expect(resolveRendererLocation({ devServerUrl: 'http://localhost:5173', isPackaged: false, mainDir })).toEqual({
      kind: 'dev-server',
      url: 'http://localhost:5173',
    });
    expect(resolveRendererLocation({ devServerUrl: 'http://localhost:5173', isPackaged: true, mainDir }).kind).toBe(
      'app',
    );
  });
});

describe('rendererFileOf', () => {
  it('names files inside the renderer folder only', () => {
    const dir = join(mainDir, '..', 'renderer');
    expect(rendererFileOf(dir, 'app://loyalty-desk/index.html')).toBe(join(dir, 'index.html'));
    expect(rendererFileOf(dir, 'app://loyalty-desk/')).toBe(join(dir, 'index.html'));
    expect(rendererFileOf(dir, 'app://loyalty-desk/assets/a%20b.js?x=1#/y')).toBe(join(dir, 'assets', 'a b.js'));
    expect(rendererFileOf(dir, 'app://loyalty-desk/assets/..%2F..%2Fmain%2Findex.js')).toBeNull();
    expect(rendererFileOf(dir, 'app://loyalty-desk/%E0%A4%A')).toBeNull();
    expect(rendererFileOf(dir, 'app://loyalty-desk/a%00.js')).toBeNull();
    expect(rendererFileOf(dir, 'app://elsewhere/index.html')).toBeNull();
    expect(rendererFileOf(dir, 'file:///app/out/renderer/index.html')).toBeNull();
  });
});

describe('createAppUrlCheck', () => {
  it('accepts the app’s own scheme and host only', () => {
    const location = resolveRendererLocation({ devServerUrl: undefined, isPackaged: false, mainDir });
    const isAppUrl = createAppUrlCheck(location);
    expect(isAppUrl(location.url)).toBe(true);
    expect(isAppUrl(`${location.url}#/participants?x=1`)).toBe(true);
    expect(isAppUrl('app://loyalty-desk/assets/index-abc.js')).toBe(true);
    expect(isAppUrl('app://loyalty-desk.evil.example/index.html')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl(pathToFileURL(join(mainDir, '..', 'renderer', 'index.html')).href)).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('accepts the dev server origin only', () => {
    const isAppUrl = createAppUrlCheck({ kind: 'dev-server', url: 'http://localhost:5173/' });
    expect(isAppUrl('http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isAppUrl('http://localhost:5174/')).toBe(false);
    expect(isAppUrl('https://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost.evil.example:5173/')).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('app://loyalty-desk/index.html')).toBe(false);
  });
});

describe('the data file', () => {
  it('moves the Electron profile only when LOYALTY_USER_DATA is set', () => {
    expect(resolveUserDataOverride({})).toBeUndefined();
    expect(resolveUserDataOverride({ LOYALTY_USER_DATA: '/tmp/profile' })).toBe(resolve('/tmp/profile'));
  });

  it('explains an open failure in one message', () => {
    const newer = new DatabaseNewerError('/data/loyalty.db', 1, 3);
    expect(describeOpenFailure('/data/loyalty.db', { code: 'DATABASE_NEWER', message: newer.message })).toBe(
      newer.message,
    );
    expect(
      describeOpenFailure('/data/loyalty.db', {
        code: 'FILE_UNREADABLE',
        message: 'SQLITE_NOTADB: file is not a database',
      }),
    ).toBe('Loyalty Desk could not open its data file /data/loyalty.db: SQLITE_NOTADB: file is not a database');
  });
});
