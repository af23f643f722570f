// The glue between Electron and the core, proved without Electron: the handlers, the IPC
// registration and the preload each cover the contract exactly, calls cross as CallResult
// data, and the window's hardening refuses what it should.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { WebContents } from 'electron';
import { CHANNELS, contract, ipcChannel, RELAY_CHANNELS, type CallResult } from '../../src-main/ipc/contract';
import { CHANNEL_NAMES } from '../../src-main/ipc/channels';
import { createHandlers, type CoreChannel } from '../../src-main/ipc/handlers';
import { dispatchCall } from '../../src-main/ipc/dispatch';
import { startNodeCore } from '../../src-main/host/node-host';
import { HOST_STOPPED_MESSAGE } from '../../src-main/host/core-client';
import { openDatabase, type Store } from '../../src-main/db/open-database';
import type { CoreContext } from '../../src-main/core/context';
import { registerHandlers, type IpcMainLike, type InvokeEventLike } from '../../src-main/electron/register-handlers';
import { createAppUrlCheck, resolveRendererLocation } from '../../src-main/electron/app-location';
import {
  CONTENT_SECURITY_POLICY,
  denyNewWindow,
  guardNavigation,
  hardenWebContents,
  isPermissionGranted,
  isSafeExternalUrl,
  lockDownPermissions,
} from '../../src-main/electron/security';
import { serveAppRequest } from '../../src-main/electron/app-protocol';
import { mainWindowOptions } from '../../src-main/electron/window-options';

const electronMock = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electronMock.exposeInMainWorld },
  ipcRenderer: { invoke: electronMock.invoke },
}));

const location = resolveRendererLocation({ devServerUrl: undefined, isPackaged: false, mainDir: '/app/out/main' });
const isAppUrl = createAppUrlCheck(location);
const appPage = { senderFrame: { url: location.url } } satisfies InvokeEventLike;

let dir: string;
let store: Store;
let ctx: CoreContext;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'loyalty-electron-'));
  store = openDatabase(join(dir, 'loyalty.db'));
  ctx = { store, actor: 'tester', now: () => new Date('2025-03-01T10:00:00Z') };
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/** The relay as registerHandlers sees it, answered in this process (the host is proved below). */
function relayTo(context: CoreContext, version: string) {
  const handlers = createHandlers(context, { version, runtime: 'electron' });
  return { call: (channel: string, args: unknown) => dispatchCall(handlers, channel, args, () => {}) };
}

function recordingIpcMain() {
  const listeners = new Map<string, Listener>();
  const calls: string[] = [];
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      calls.push(channel);
      listeners.set(channel, listener);
    },
  };
  return { ipcMain, listeners, calls };
}

describe('the channel list', () => {
  it('names the contract calls, in order, without zod', () => {
    expect(CHANNELS).toEqual(Object.keys(contract));
    expect([...CHANNEL_NAMES]).toEqual(Object.keys(contract));
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
  });
});

describe('createHandlers', () => {
  it('has one handler per contract call but those the relay answers, and no other', () => {
    const handlers = createHandlers(ctx, { version: '0.0.0-test', runtime: 'electron' });
    const coreChannels = CHANNELS.filter((c): c is CoreChannel => !(RELAY_CHANNELS as readonly string[]).includes(c));
    // task.progress, task.cancel, backups.restore, app.reopen and backups.chooseTarget.
    expect(coreChannels.length).toBe(CHANNELS.length - 5);
    expect(Object.keys(handlers).sort()).toEqual([...coreChannels].sort());
    for (const channel of coreChannels) expect(typeof handlers[channel]).toBe('function');
  });
});

describe('registerHandlers', () => {
  it('registers exactly one ipcMain handler per call, on loyalty:<call>', () => {
    const { ipcMain, calls } = recordingIpcMain();
    const registered = registerHandlers(ipcMain, relayTo(ctx, '0.0.0-test'), isAppUrl);
    expect(calls).toEqual(CHANNELS.map((c) => `loyalty:${c}`));
    expect(registered).toEqual(calls);
    expect(new Set(calls).size).toBe(CHANNELS.length);
  });

  it('answers with CallResult data on a real SQLite file', async () => {
    const { ipcMain, listeners } = recordingIpcMain();
    registerHandlers(ipcMain, relayTo(ctx, '1.2.3'), isAppUrl);
    const call = (channel: string, args?: unknown) =>
      listeners.get(channel)!(appPage, args) as Promise<CallResult<unknown>>;

    expect(await call('loyalty:program.get')).toEqual({ ok: true, value: null });
    expect(await call('loyalty:app.info')).toEqual({
      ok: true,
      value: { version: '1.2.3', dataFile: join(dir, 'loyalty.db'), runtime: 'electron' },
    });
    expect(await call('loyalty:settings.setLanguage', { language: 'pl' })).toEqual({ ok: true, value: 'pl' });
    expect(await call('loyalty:settings.getLanguage')).toEqual({ ok: true, value: 'pl' });
  });

  it('turns an invalid argument and a failing call into error data, never a rejection', async () => {
    const { ipcMain, listeners } = recordingIpcMain();
    registerHandlers(ipcMain, relayTo(ctx, '1.2.3'), isAppUrl, () => {});
    const invalid = (await listeners.get('loyalty:settings.setLanguage')!(appPage, {
      language: 'de',
    })) as CallResult<unknown>;
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const noProgram = (await listeners.get('loyalty:imports.list')!(appPage, undefined)) as CallResult<unknown>;
    expect(noProgram).toMatchObject({ ok: false, error: { code: 'NO_PROGRAM' } });
  });

  it('refuses calls from any page but our own, without running the handler', async () => {
    const { ipcMain, listeners } = recordingIpcMain();
    const log = vi.fn();
    registerHandlers(ipcMain, relayTo(ctx, '1.2.3'), isAppUrl, log);
    const setLanguage = listeners.get('loyalty:settings.setLanguage')!;

    for (const event of [
      { senderFrame: { url: 'https://evil.example/' } },
      { senderFrame: { url: 'file:///etc/passwd' } },
      { senderFrame: null },
    ]) {
      expect(await setLanguage(event, { language: 'ru' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(log).toHaveBeenCalledTimes(3);
    expect(await listeners.get('loyalty:settings.getLanguage')!(appPage, undefined)).toEqual({ ok: true, value: null });
  });
});

describe('the preload', () => {
  it('exposes window.loyalty with exactly one function per call, forwarding to invoke', async () => {
    await import('../../src-main/preload/index');
    expect(electronMock.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electronMock.exposeInMainWorld.mock.calls[0] as [
      string,
      Record<string, (args?: unknown) => Promise<unknown>>,
    ];
    expect(key).toBe('loyalty');
    expect(Object.keys(api)).toEqual(CHANNELS);
    for (const channel of CHANNELS) expect(typeof api[channel]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);

    const args = { offset: 0, limit: 10, search: 'acme' };
    await expect(api['participants.list']!(args)).resolves.toEqual({ ok: true, value: 'answer' });
    expect(electronMock.invoke).toHaveBeenLastCalledWith('loyalty:participants.list', args);
    await api['app.info']!();
    expect(electronMock.invoke).toHaveBeenLastCalledWith(ipcChannel('app.info'), undefined);
  });

  it('pulls neither zod, the database nor the core into the bundled preload', () => {
    const { local, external } = runTimeImports('preload/index.ts');
    expect(external).toEqual(['electron']);
    expect(local).toEqual(['ipc/channels.ts', 'preload/create-api.ts', 'preload/index.ts']);
  });
});

/** The modules a bundle of `entry` carries: its run-time imports, followed (type-only imports vanish in the bundle). */
function runTimeImports(entry: string): { local: string[]; external: string[] } {
  const seen = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = match[1]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), `${spec}.ts`));
      else external.add(spec);
    }
  };
  visit(resolve(__dirname, '../../src-main', entry));
  const local = [...seen].map((f) => f.replace(/\\/g, '/').replace(/^.*\/src-main\//, '')).sort();
  return { local, external: [...external].sort() };
}

describe('the main process and the core host', () => {
  it('the main process holds no core module: no core stage, no database, no handlers', () => {
    const { local, external } = runTimeImports('electron/main.ts');
    expect(local.filter((f) => /^(core|db)\/|^ipc\/(handlers|dispatch|contract)\.ts$/.test(f))).toEqual([]);
    expect(external).not.toContain('better-sqlite3');
    expect(external).not.toContain('zod');
    expect(local).toContain('host/core-client.ts');
  });

  it('the host process serves every channel of the contract, each answered as CallResult data', async () => {
    const core = await startNodeCore({
      dbFile: join(dir, 'hosted.db'),
      actor: 'tester',
      version: '4.5.6',
      runtime: 'electron',
    });
    try {
      for (const channel of CHANNELS) {
        const result = await core.call(channel, undefined);
        expect(typeof result.ok, channel).toBe('boolean');
        if (!result.ok)
          expect(result.error.message, channel).not.toMatch(/There is no call named|stopped before it answered/);
      }
      expect(await core.call('app.info', undefined)).toEqual({
        ok: true,
        value: { version: '4.5.6', dataFile: join(dir, 'hosted.db'), runtime: 'electron' },
      });
      expect(await core.call('loyalty.unknown', undefined)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'There is no call named "loyalty.unknown".' },
      });
    } finally {
      await core.close();
    }
    // Closed: a late call is answered, never left hanging.
    expect(await core.call('app.info', undefined)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: HOST_STOPPED_MESSAGE },
    });
  }, 60_000);
});

describe('window hardening', () => {
  function fakeWebContents() {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    let openHandler: ((details: { url: string }) => unknown) | undefined;
    const contents = {
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => {
        openHandler = handler;
      },
      on: (event: string, listener: (...args: unknown[]) => void) => {
        listeners.set(event, listener);
        return contents;
      },
    };
    return {
      contents: contents as unknown as WebContents,
      listeners,
      openWindow: (url: string) => openHandler!({ url }),
    };
  }

  const navigationEvent = (url: string) => ({ url, preventDefault: vi.fn() });

  it('creates the window sandboxed and isolated, with the bundled preload', () => {
    const options = mainWindowOptions('/app/out/preload/index.cjs');
    expect(options.title).toBe('Loyalty Desk');
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('denies every new window and opens only https links outside', () => {
    const openExternal = vi.fn();
    const { contents, openWindow } = fakeWebContents();
    hardenWebContents(contents, { isAppUrl, openExternal });
    expect(openWindow('https://example.com/help')).toEqual({ action: 'deny' });
    expect(openWindow('http://example.com/')).toEqual({ action: 'deny' });
    expect(openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openWindow(location.url)).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/help']]);
    expect(denyNewWindow(openExternal)({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
  });

  it('stops navigation away from our page, and lets our page through', () => {
    const openExternal = vi.fn();
    const { contents, listeners } = fakeWebContents();
    hardenWebContents(contents, { isAppUrl, openExternal });

    const foreign = navigationEvent('https://evil.example/');
    listeners.get('will-navigate')!(foreign);
    expect(foreign.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://evil.example/');

    const localFile = navigationEvent('file:///home/someone/notes.html');
    listeners.get('will-navigate')!(localFile);
    expect(localFile.preventDefault).toHaveBeenCalled();

    const own = navigationEvent(`${location.url}#/participants`);
    listeners.get('will-navigate')!(own);
    expect(own.preventDefault).not.toHaveBeenCalled();

    const redirect = navigationEvent('http://tracker.example/');
    listeners.get('will-redirect')!(redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const subFrame = navigationEvent('https://ads.example/');
    listeners.get('will-frame-navigate')!(subFrame);
    expect(subFrame.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledTimes(1);

    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    expect(guardNavigation(navigationEvent('mailto:a@b.c'), 'mailto:a@b.c', { isAppUrl, openExternal })).toBe(false);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses permission requests (only a plain-text clipboard write from our page passes)', () => {
    let request: ((...args: unknown[]) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (handler: typeof request) => (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
    };
    lockDownPermissions(session as unknown as Parameters<typeof lockDownPermissions>[0], isAppUrl);

    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
      'usb',
    ]) {
      const callback = vi.fn();
      request!(null, permission, callback, { requestingUrl: location.url });
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!(null, permission, 'file:///', { requestingUrl: location.url })).toBe(false);
    }
    const foreign = vi.fn();
    request!(null, 'clipboard-sanitized-write', foreign, { requestingUrl: 'https://evil.example/' });
    expect(foreign).toHaveBeenCalledWith(false);
    const own = vi.fn();
    request!(null, 'clipboard-sanitized-write', own, { requestingUrl: location.url });
    expect(own).toHaveBeenCalledWith(true);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined, isAppUrl)).toBe(false);
  });

  it('serves the built page from app://loyalty-desk/ only, each file with a strict Content-Security-Policy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-renderer-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Loyalty Desk</title>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(dir, '..', 'secret.txt'), 'not for the page');
    const page = await serveAppRequest(dir, 'app://loyalty-desk/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>Loyalty Desk</title>');
    expect((await serveAppRequest(dir, 'app://loyalty-desk/')).status).toBe(200);
    const script = await serveAppRequest(dir, 'app://loyalty-desk/assets/index-abc.js#/payouts');
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    // Nothing outside the folder, whatever the URL's spelling; no other host; no file of an unknown type.
    for (const url of [
      'app://loyalty-desk/../secret.txt',
      'app://loyalty-desk/assets/..%2F..%2Fsecret.txt',
      'app://loyalty-desk/%2e%2e/secret.txt',
      'app://loyalty-desk/assets%5C..%5C..%5Csecret.txt',
      'app://other-host/index.html',
      'file:///etc/passwd',
      'app://loyalty-desk/missing.js',
      'app://loyalty-desk/assets',
    ])
      expect((await serveAppRequest(dir, url)).status, url).toBe(404);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('lets only https leave the app', () => {
    expect(isSafeExternalUrl('https://example.com')).toBe(true);
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'smb://server/share',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });
});
