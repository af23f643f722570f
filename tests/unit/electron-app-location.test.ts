import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAppUrlCheck, preloadPath, resolveRendererLocation } from '../../src-main/electron/app-location';
import { DatabaseNewerError } from '../../src-main/db/open-database';
import { describeOpenFailure, resolveUserDataOverride } from '../../src-main/electron/data-file';

const mainDir = resolve('/app/out/main');

describe('resolveRendererLocation', () => {
  it('loads the built page beside out/main, and its preload from out/preload', () => {
    const location = resolveRendererLocation({ devServerUrl: undefined, isPackaged: false, mainDir });
    expect(location).toEqual({
      kind: 'file',
      file: join(mainDir, '..', 'renderer', 'index.html'),
      url: pathToFileURL(join(mainDir, '..', 'renderer', 'index.html')).href,
    });
    expect(preloadPath(mainDir)).toBe(join(mainDir, '..', 'preload', 'index.cjs'));
  });

  it('uses the dev server under electron-vite dev, but never in a packaged app', () => {
    expect(resolveRendererLocation({ devServerUrl: 'http://localhost:5173', isPackaged: false, mainDir })).toEqual({
      kind: 'dev-server',
      url: 'http://localhost:5173',
    });
    expect(resolveRendererLocation({ devServerUrl: 'http://localhost:5173', isPackaged: true, mainDir }).kind).toBe(
      'file',
    );
  });
});

describe('createAppUrlCheck', () => {
  it('accepts files of the built renderer folder only', () => {
    const location = resolveRendererLocation({ devServerUrl: undefined, isPackaged: false, mainDir });
    const isAppUrl = createAppUrlCheck(location);
    const rendererUrl = (path: string) => pathToFileURL(join(mainDir, '..', 'renderer', path)).href;
    expect(isAppUrl(location.url)).toBe(true);
    expect(isAppUrl(`${location.url}#/participants?x=1`)).toBe(true);
    expect(isAppUrl(rendererUrl('assets/index-abc.js'))).toBe(true);
    expect(isAppUrl(pathToFileURL(join(mainDir, 'index.js')).href)).toBe(false);
    expect(isAppUrl(rendererUrl('../renderer-evil/index.html'))).toBe(false);
    expect(isAppUrl(`${pathToFileURL(join(mainDir, '..', 'renderer')).href}`)).toBe(false);
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
