// The main entry's wiring, with Electron replaced by a recording fake: it starts the core
// host on the data file named by LOYALTY_DB (the fake utility process is the real host
// process, started by Node), relays every call over IPC, creates one hardened window, and on
// a file the host cannot open shows one message and quits.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNELS } from '../../src-main/ipc/channels';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    appListeners: new Map<string, Listener>(),
    handlers: new Map<string, Listener>(),
    windows: [] as { options: unknown; loadFile: ReturnType<typeof vi.fn>; loadURL: ReturnType<typeof vi.fn> }[],
    userData: '',
    lock: true,
    /** The entries the main process asked Electron to start as utility processes. */
    utilityEntries: [] as string[],
  };
  type Message = { data: unknown };
  // Like Electron's MessagePortMain, a port keeps what it is sent until it is started.
  class FakePort {
    other: FakePort | null = null;
    listeners: ((event: Message) => void)[] = [];
    queue: unknown[] = [];
    started = false;
    postMessage(data: unknown) {
      this.other!.receive(data);
    }
    receive(data: unknown) {
      if (!this.started) this.queue.push(data);
      else setImmediate(() => this.listeners.forEach((l) => l({ data })));
    }
    on(_event: 'message', listener: (event: Message) => void) {
      this.listeners.push(listener);
    }
    start() {
      this.started = true;
      for (const data of this.queue.splice(0)) this.receive(data);
    }
  }
  class MessageChannelMain {
    port1 = new FakePort();
    port2 = new FakePort();
    constructor() {
      this.port1.other = this.port2;
      this.port2.other = this.port1;
    }
  }
  // A utility process, played by the real host process started by Node: the port handed
  // over in the first message is wired to it.
  const utilityProcess = {
    fork: vi.fn((entry: string) => {
      state.utilityEntries.push(entry);
      const exitListeners: (() => void)[] = [];
      let kill = () => {};
      return {
        postMessage(_message: unknown, ports: FakePort[]) {
          const port = ports[0]!;
          void import('../../src-main/host/node-host').then(({ forkHostLink }) => {
            const link = forkHostLink();
            kill = () => link.kill();
            port.on('message', ({ data }) => link.post(data as never));
            link.onMessage((message) => port.postMessage(message));
            link.onExit(() => exitListeners.forEach((l) => l()));
            port.start();
          });
        },
        once: (_event: 'exit', listener: () => void) => exitListeners.push(listener),
        kill: () => kill(),
      };
    }),
  };
  const app = {
    isPackaged: false,
    setPath: vi.fn((_name: string, path: string) => (state.userData = path)),
    getPath: vi.fn(() => state.userData),
    getVersion: vi.fn(() => '9.9.9'),
    requestSingleInstanceLock: vi.fn(() => state.lock),
    quit: vi.fn(),
    isReady: vi.fn(() => true),
    whenReady: vi.fn(() => Promise.resolve()),
    on: vi.fn((event: string, listener: Listener) => state.appListeners.set(event, listener)),
  };
  class BrowserWindow {
    static getAllWindows = () => state.windows;
    loadFile = vi.fn(() => Promise.resolve());
    loadURL = vi.fn(() => Promise.resolve());
    once = vi.fn();
    on = vi.fn();
    constructor(readonly options: unknown) {
      state.windows.push(this);
    }
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    },
  };
  return {
    state,
    module: {
      app,
      BrowserWindow,
      session,
      dialog: {
        showErrorBox: vi.fn(),
        showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/media/stick/copy.db' })),
      },
      shell: { openExternal: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      ipcMain: { handle: vi.fn((channel: string, listener: Listener) => state.handlers.set(channel, listener)) },
      utilityProcess,
      MessageChannelMain,
    },
  };
});

vi.mock('electron', () => fake.module);

let dir: string;
const savedEnv = { ...process.env };

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  fake.state.appListeners.clear();
  fake.state.handlers.clear();
  fake.state.windows.length = 0;
  fake.state.lock = true;
  fake.state.utilityEntries.length = 0;
  dir = mkdtempSync(join(tmpdir(), 'loyalty-main-'));
  fake.state.userData = join(dir, 'user-data');
  delete process.env.LOYALTY_DB;
  delete process.env.LOYALTY_USER_DATA;
  delete process.env.ELECTRON_RENDERER_URL;
});

afterEach(async () => {
  fake.state.appListeners.get('will-quit')?.();
  // will-quit closes the hosts; give them a moment to close the data file before it goes.
  await new Promise((resolve) => setTimeout(resolve, 300));
  process.env = { ...savedEnv };
  rmSync(dir, { recursive: true, force: true });
});

async function startMain(): Promise<void> {
  await import('../../src-main/electron/main');
  // The hosts start (and open the data file) before the window is made.
  await vi.waitFor(
    () =>
      expect(
        fake.state.windows.length +
          fake.module.dialog.showErrorBox.mock.calls.length +
          fake.module.app.quit.mock.calls.length,
      ).toBeGreaterThan(0),
    { timeout: 90_000, interval: 50 },
  );
}

describe('the Electron main entry', () => {
  it('opens LOYALTY_DB, registers every call and shows one sandboxed window', async () => {
    const dataFile = join(dir, 'chosen.db');
    process.env.LOYALTY_DB = dataFile;
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    await startMain();

    expect(fake.module.dialog.showErrorBox).not.toHaveBeenCalled();
    // Three utility processes (the interactive, the long and, started ahead, the task lane), all the built host entry.
    expect(fake.state.utilityEntries).toHaveLength(3);
    for (const entry of fake.state.utilityEntries) expect(entry).toMatch(/[\\/]host\.js$/);
    expect([...fake.state.handlers.keys()]).toEqual(CHANNELS.map((c) => `loyalty:${c}`));
    expect(fake.state.windows).toHaveLength(1);
    const window = fake.state.windows[0]!;
    expect(window.options).toMatchObject({
      title: 'Loyalty Desk',
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
    });
    // The built page from the app's own scheme, not file://; the scheme registered as a secure standard one.
    expect(window.loadFile).not.toHaveBeenCalled();
    expect(window.loadURL).toHaveBeenCalledWith('app://loyalty-desk/index.html');
    const page = 'app://loyalty-desk/index.html';
    expect(fake.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.module.protocol.handle).toHaveBeenCalledTimes(1);
    const [scheme, serve] = fake.module.protocol.handle.mock.calls[0]! as unknown as [
      string,
      (request: { url: string }) => Promise<Response>,
    ];
    expect(scheme).toBe('app');
    expect((await serve({ url: 'app://loyalty-desk/../../../etc/passwd' })).status).toBe(404);

    const info = await fake.state.handlers.get('loyalty:app.info')!({ senderFrame: { url: page } }, undefined);
    expect(info).toEqual({ ok: true, value: { version: '9.9.9', dataFile, runtime: 'electron' } });
    // "Back up now to a place you choose": the system's save dialog, shown by this process, gives the path.
    const target = await fake.state.handlers.get('loyalty:backups.chooseTarget')!(
      { senderFrame: { url: page } },
      undefined,
    );
    expect(target).toEqual({ ok: true, value: { supported: true, path: '/media/stick/copy.db' } });
    expect(fake.module.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    const program = await fake.state.handlers.get('loyalty:program.get')!(
      { senderFrame: { url: 'https://evil.example/' } },
      undefined,
    );
    expect(program).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('Refused loyalty:program.get'), 'https://evil.example/');

    expect(fake.module.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    // A file:// page is never in play: the policy comes with app://'s own answers, not a header rewritten in flight.
    expect(fake.module.session.defaultSession.webRequest.onHeadersReceived).not.toHaveBeenCalled();
    // Another local file is not the app's page: its calls are refused.
    const fromFile = await fake.state.handlers.get('loyalty:program.get')!(
      { senderFrame: { url: 'file:///tmp/renderer/index.html' } },
      undefined,
    );
    expect(fromFile).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(fake.state.appListeners.has('web-contents-created')).toBe(true);
  }, 120_000);

  it('keeps loyalty.db in the user data folder by default, and loads the dev server under electron-vite dev', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    process.env.LOYALTY_USER_DATA = join(dir, 'profile');
    await startMain();
    expect(fake.module.app.setPath).toHaveBeenCalledWith('userData', join(dir, 'profile'));
    const info = await fake.state.handlers.get('loyalty:app.info')!(
      { senderFrame: { url: 'http://localhost:5173/' } },
      undefined,
    );
    expect(info).toMatchObject({ ok: true, value: { dataFile: join(dir, 'profile', 'loyalty.db') } });
    expect(fake.state.windows[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    // Hot reload needs inline scripts: the strict header goes only with the built page.
    expect(fake.module.session.defaultSession.webRequest.onHeadersReceived).not.toHaveBeenCalled();
  }, 120_000);

  it('opens the window on a data file it must not open, and the first screen’s call says why', async () => {
    const broken = join(dir, 'broken.db');
    const text = 'this is not an SQLite database, just some text that is long enough to be read'.repeat(20);
    writeFileSync(broken, text);
    process.env.LOYALTY_DB = broken;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await startMain();
    expect(fake.module.dialog.showErrorBox).not.toHaveBeenCalled();
    // Both lanes start at once; the long one is ended when the interactive one did not open the file.
    expect(fake.state.utilityEntries).toHaveLength(2);
    expect(fake.state.windows).toHaveLength(1);
    const page = fake.state.windows[0]!.loadURL.mock.calls[0]![0] as unknown as string;
    const check = await fake.state.handlers.get('loyalty:app.startCheck')!({ senderFrame: { url: page } }, undefined);
    expect(check).toMatchObject({ ok: true, value: { ok: false, refusal: { code: 'NOT_LOYALTY_DATABASE' } } });
    expect(readFileSync(broken, 'utf8')).toBe(text);
  }, 120_000);

  it('quits at once when another instance holds the lock', async () => {
    fake.state.lock = false;
    await startMain();
    expect(fake.module.app.quit).toHaveBeenCalled();
    expect(fake.module.app.whenReady).not.toHaveBeenCalled();
  });
});
