// `npm run package` made on this machine, where Electron's binary cannot be downloaded: electron-builder packs the
// built app around a stand-in Electron (a file holding the fuse wire as Electron 45 ships it, sentinel and all) and a
// stand-in of the Electron build of the database engine. What is checked is what the packaging decides: the fuses
// written into the executable, what goes into app.asar and what stays outside it. That the packaged app then starts
// is not proven here (no Electron binary); on a user's machine `npm run package` packs the real one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { beforeAll, describe, expect, it } from 'vitest';
import { outsideAsar } from '../../src-main/db/project-paths';
import { repoRoot } from '../fixtures/repo-paths';
import { FUSES, UNPACKED_WORKER_FILES } from '../../electron-builder.config.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron 45's own wire: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only
// app.asar off, browser V8 snapshot off, file:// privileges on, wasm trap handlers on.
const ELECTRON_DEFAULT_WIRE = '101100011';
const electronVersion = (
  JSON.parse(readFileSync(join(repoRoot, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;

function tempDir(name: string): string {
  const dir = join(process.env.LOYALTY_TEST_TMP ?? '/tmp', `package-${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** An unpacked Electron, its executable filler around the fuse wire, as electron-builder's electronDist takes it. */
function standInElectron(dir: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
    Buffer.from(ELECTRON_DEFAULT_WIRE),
  ]);
  writeFileSync(
    join(dir, 'electron'),
    Buffer.concat([Buffer.alloc(64 * 1024, 0x90), wire, Buffer.alloc(64 * 1024, 0x90)]),
    {
      mode: 0o755,
    },
  );
  writeFileSync(join(dir, 'version'), electronVersion);
  return dir;
}

function runPackaging(out: string, binding: string): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      '--config',
      'electron-builder.config.mjs',
      `-c.electronDist=${standInElectron(join(out, 'electron'))}`,
      `-c.directories.output=${join(out, 'dist')}`,
    ],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, LOYALTY_ELECTRON_BINDING: binding, CI: '1' },
      timeout: 5 * 60_000,
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** The bare package names out/main's bundles import at run time (electron-vite leaves dependencies outside). */
function packagesTheBundleImports(): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(join(repoRoot, 'out/main')).filter((name) => name.endsWith('.js'))) {
    const text = readFileSync(join(repoRoot, 'out/main', file), 'utf8');
    for (const match of text.matchAll(/(?:from |import\(|require\()\s*["']([^"'./][^"']*)["']/g)) {
      const specifier = match[1]!;
      if (specifier.startsWith('node:') || specifier === 'electron') continue;
      const parts = specifier.split('/');
      names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  return [...names].sort();
}

describe('npm run package (electron-builder around a stand-in Electron)', () => {
  const out = tempDir('app');
  const binding = join(out, 'better_sqlite3.node');
  let packaging: { status: number | null; output: string };
  const appDir = join(out, 'dist', 'linux-unpacked');
  const asar = join(appDir, 'resources', 'app.asar');
  let files: Set<string>;

  beforeAll(() => {
    if (!existsSync(join(repoRoot, 'out/main/index.js'))) throw new Error('Build the app first (npm run build).');
    writeFileSync(binding, 'the Electron build of better-sqlite3 (a stand-in)');
    packaging = runPackaging(out, binding);
    files = packaging.status === 0 ? new Set(listPackage(asar, { isPack: false })) : new Set();
  });

  it('packs the app', () => {
    expect(packaging.output).not.toMatch(/⨯/);
    expect(packaging.status, packaging.output).toBe(0);
  });

  it("switches Electron's fuses in the packaged executable", async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'loyalty-desk'));
    const state = (on: boolean): FuseState => (on ? FuseState.ENABLE : FuseState.DISABLE);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(
      state(FUSES.loadBrowserProcessSpecificV8Snapshot),
    );
    // A fuse the configuration does not name keeps Electron's own setting.
    expect(wire[FuseV1Options.WasmTrapHandlers]).toBe(FuseState.ENABLE);
  });

  it('puts the built app, its migrations, examples and every package the bundle imports into app.asar', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { main: string };
    for (const file of [
      '/package.json',
      `/${manifest.main}`,
      '/out/main/host.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      // findProjectRoot() finds the app's folder by these two, inside the archive as in a clone.
      '/drizzle/meta/_journal.json',
      '/examples/reference-program.json',
      '/examples/demo/demo-program.json',
      '/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
    ]) {
      expect(files, file).toContain(file);
    }
    const imported = packagesTheBundleImports();
    expect(imported).toEqual(expect.arrayContaining(['better-sqlite3', 'exceljs', 'pdfkit', 'drizzle-orm']));
    for (const name of imported) expect(files, name).toContain(`/node_modules/${name}/package.json`);
  });

  it('leaves out the sources, the tests and the command-line tools', () => {
    const inside = [...files];
    for (const prefix of ['/src-renderer/', '/tests/', '/bench/', '/node_modules/esbuild/', '/node_modules/tsx/']) {
      expect(
        inside.filter((file) => file.startsWith(prefix)),
        prefix,
      ).toEqual([]);
    }
    expect(inside.filter((file) => file.startsWith('/node_modules/better-sqlite3/build/'))).toEqual([]);
    expect(inside.filter((file) => file.startsWith('/node_modules/electron/'))).toEqual([]);
  });

  it('keeps the Electron database engine and the import thread outside the archive, where they can be loaded', () => {
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked');
    const engine = join(unpacked, 'node_modules/.loyalty-native/electron/better_sqlite3.node');
    expect(readFileSync(engine, 'utf8')).toBe(readFileSync(binding, 'utf8'));
    for (const file of UNPACKED_WORKER_FILES) {
      // What rowWorkerFile() computes from the app's folder inside the archive names the unpacked copy.
      expect(outsideAsar(join(asar, file))).toBe(join(unpacked, file));
      expect(readFileSync(join(unpacked, file), 'utf8')).toBe(readFileSync(join(repoRoot, file), 'utf8'));
    }
  });

  it('refuses to pack without the Electron build of the database engine, and says how to get it', () => {
    const refused = runPackaging(tempDir('no-engine'), join(out, 'missing', 'better_sqlite3.node'));
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain('The database engine has not been built for Electron');
    expect(existsSync(join(tempDir('no-engine'), 'dist', 'linux-unpacked', 'resources', 'app.asar'))).toBe(false);
  });
});
