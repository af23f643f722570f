// Launches the built desktop app (out/main/index.js) on a fresh data file and checks that
// the first screen shows and the preload bridge answers. Needs `npm run build` first, and
// the Electron binary, which some machines cannot download: there the test is skipped,
// with the reason in the report.
import { test, expect, _electron as electron } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS } from '../../src-main/ipc/channels';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainEntry = join(root, 'out', 'main', 'index.js');
const electronBuildOfSqlite = join(root, 'node_modules', '.loyalty-native', 'electron', 'better_sqlite3.node');

/** The Electron executable, if it was downloaded (path.txt names it inside dist/). */
function electronExecutable(): string | undefined {
  const pathTxt = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathTxt)) return undefined;
  const executable = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(executable) ? executable : undefined;
}

interface BridgeProbe {
  keys: string[];
  nodeVisible: boolean;
  info: unknown;
}

test('the desktop app opens its first screen on a fresh data file', async () => {
  const executablePath = electronExecutable();
  if (!executablePath) {
    test.skip(true, 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): launch test skipped');
    return;
  }
  expect(existsSync(mainEntry), 'out/main/index.js is missing: run "npm run build" first').toBe(true);
  expect(
    existsSync(electronBuildOfSqlite),
    'better-sqlite3 has no Electron build: run "node scripts/native-for-electron.mjs" with internet access',
  ).toBe(true);

  const dir = mkdtempSync(join(tmpdir(), 'loyalty-e2e-electron-'));
  const dataFile = join(dir, 'loyalty.db');
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env))
    if (value !== undefined && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
  const app = await electron.launch({
    executablePath,
    args: [mainEntry],
    cwd: root,
    env: { ...env, LOYALTY_DB: dataFile, LOYALTY_USER_DATA: join(dir, 'profile'), NODE_ENV: 'production' },
  });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle(/Loyalty Desk/);
    await expect(window.getByText('Loyalty Desk').first()).toBeVisible();

    // The page sees the contract and nothing of Node.
    const probe = await window.evaluate(async (): Promise<BridgeProbe> => {
      const page = globalThis as unknown as {
        loyalty?: Record<string, (args?: unknown) => Promise<unknown>>;
        require?: unknown;
        process?: unknown;
      };
      const loyalty = page.loyalty ?? {};
      return {
        keys: Object.keys(loyalty),
        nodeVisible: typeof page.require !== 'undefined' || typeof page.process !== 'undefined',
        info: await loyalty['app.info']?.(),
      };
    });
    expect(probe.keys).toEqual(CHANNELS);
    expect(probe.nodeVisible).toBe(false);
    expect(probe.info).toMatchObject({ ok: true, value: { runtime: 'electron', dataFile } });

    const windowTitle = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(windowTitle).toContain('Loyalty Desk');
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
