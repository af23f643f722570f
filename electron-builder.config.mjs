// Packaging the desktop app (`npm run package`): electron-builder makes an installer for the machine it runs on
// (AppImage on Linux, NSIS on Windows, dmg on macOS) from the built app (`npm run build`) and Electron's binary.
// It needs the Electron build of the database engine that `npm install` makes with internet access
// (node_modules/.loyalty-native/electron, see scripts/native-for-electron.mjs); electron-builder's own rebuild of
// native modules is off, because it would rebuild node_modules/better-sqlite3 in place for Electron and take away
// the Node build that the tests and the command line use.
//
// Electron's fuses are switched in the packaged binary, before it is signed: what an installed app must never do,
// whatever its environment or command line says. Proven on a stand-in binary by tests/long/package-app.test.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Where the Electron build of better-sqlite3 is taken from; LOYALTY_ELECTRON_BINDING names another (tests). */
export function electronBindingFile() {
  return (
    process.env.LOYALTY_ELECTRON_BINDING ??
    join(root, 'node_modules', '.loyalty-native', 'electron', 'better_sqlite3.node')
  );
}

/** The fuses of the packaged binary, as electron-builder's `electronFuses` takes them. */
export const FUSES = {
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node that runs any script; the core runs in
  // Electron's utility process, which does not need it.
  runAsNode: false,
  // Chromium's cookie store encrypted with the system's keys (the app sets no cookies; this is for anything that does).
  enableCookieEncryption: true,
  // NODE_OPTIONS and --inspect would let anyone who can set the user's environment load code into the app.
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  // app.asar checked against the hash recorded in the signed executable (macOS, Windows), and no other place to load
  // the app from: a changed app.asar or an app/ folder beside it is not run.
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  // The page is served from app://loyalty-desk/, never file://, so file:// pages need none of their old privileges.
  grantFileProtocolExtraPrivileges: false,
  // Electron's default (one V8 snapshot for every process); set so the wire leaves nothing to the binary's defaults.
  loadBrowserProcessSpecificV8Snapshot: false,
};

/** The files of the app a worker thread starts from: a worker cannot read inside app.asar, so they are unpacked. */
export const UNPACKED_WORKER_FILES = [
  'src-main/core/import/read/xlsx-row-worker.mjs',
  'src-main/core/import/read/xlsx-sheet-parser.mjs',
];

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'app.loyaltydesk.desktop',
  productName: 'Loyalty Desk',
  copyright: 'Loyalty Desk',
  directories: { output: 'dist', buildResources: 'build' },
  files: [
    'package.json',
    'out/**',
    'drizzle/**',
    'examples/reference-program.json',
    'examples/demo/**',
    ...UNPACKED_WORKER_FILES,
    // The command line's tools (the CLI bundle is built at install, the app's main bundle is built already).
    '!node_modules/{esbuild,@esbuild,tsx}/**',
    // better-sqlite3's sources and its Node build: the app loads the Electron build below.
    '!node_modules/better-sqlite3/{src,deps,build}/**',
    {
      from: join(electronBindingFile(), '..'),
      to: 'node_modules/.loyalty-native/electron',
      filter: ['better_sqlite3.node'],
    },
  ],
  asar: true,
  asarUnpack: ['**/*.node', ...UNPACKED_WORKER_FILES],
  npmRebuild: false,
  electronFuses: FUSES,
  beforePack: async () => {
    if (!existsSync(electronBindingFile())) {
      throw new Error(
        `The database engine has not been built for Electron (${electronBindingFile()} is missing). ` +
          'Run "npm install" again with internet access, then "npm run package".',
      );
    }
  },
  linux: { target: ['AppImage'], category: 'Office' },
  win: { target: ['nsis'] },
  mac: { target: ['dmg'], category: 'public.app-category.business' },
};

export default config;
