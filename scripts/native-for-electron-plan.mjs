// The decisions of scripts/native-for-electron.mjs, kept pure (no file system, no process)
// so that tests/unit/electron-native-plan.test.ts can prove them. Types: the .d.mts beside.
import { dirname, join } from 'node:path';

/** Must equal electronBindingPath in src-main/db/native-binding.ts (a unit test checks). */
export function electronBindingPath(projectRoot) {
  return join(projectRoot, 'node_modules', '.loyalty-native', 'electron', 'better_sqlite3.node');
}

export function stampPath(projectRoot) {
  return join(dirname(electronBindingPath(projectRoot)), 'stamp.json');
}

/** What of node_modules/better-sqlite3 a build needs; its build/ (the Node build) is never touched. */
export const BUILD_SOURCES = ['package.json', 'binding.gyp', 'src', 'deps', 'lib'];

export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

/** An environment flag counts as set unless empty, "0" or "false" (as npm and Electron read them). */
export function isFlagSet(value) {
  if (value === undefined) return false;
  const v = String(value).trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false';
}

export function makeStamp({ electronVersion, betterSqlite3Version, platform, arch }) {
  return { electron: electronVersion, betterSqlite3: betterSqlite3Version, platform, arch };
}

function sameStamp(a, b) {
  return (
    !!a &&
    typeof a === 'object' &&
    a.electron === b.electron &&
    a.betterSqlite3 === b.betterSqlite3 &&
    a.platform === b.platform &&
    a.arch === b.arch
  );
}

function binaryDownloadTurnedOff(env) {
  return isFlagSet(env.ELECTRON_SKIP_BINARY_DOWNLOAD) || isFlagSet(env.npm_config_electron_skip_binary_download);
}

/**
 * Whether to fetch the Electron binary now. The electron package (45) has no install
 * script of its own any more: it fetches the binary when `require('electron')` first runs,
 * but electron-vite reads node_modules/electron/path.txt directly and stops with "Electron
 * uninstall" when it is missing, so `npm start` right after `npm install` needs it fetched
 * here, by the package's own install.js. ELECTRON_SKIP_BINARY_DOWNLOAD keeps its usual meaning.
 */
export function planElectronBinary({ env, electron }) {
  if (!electron.version) return { action: 'skip', reason: 'the electron package is not installed' };
  if (electron.binaryPresent) return { action: 'present' };
  if (binaryDownloadTurnedOff(env)) return { action: 'skip', reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' };
  return { action: 'download' };
}

/**
 * Whether to build, and why not. The build needs only Electron's version and its headers
 * (or a prebuilt file), not the Electron binary, so it goes ahead even if fetching the
 * binary failed. It is skipped when Electron will not be there: ELECTRON_SKIP_BINARY_DOWNLOAD
 * is set and no binary is present, or the electron package is not installed.
 */
export function planNativeBuild({ env, electron, betterSqlite3, target, platform, arch, force = false }) {
  if (isFlagSet(env.LOYALTY_SKIP_ELECTRON_NATIVE)) {
    return { action: 'skip', reason: 'LOYALTY_SKIP_ELECTRON_NATIVE is set' };
  }
  if (!electron.version) {
    return { action: 'skip', reason: 'the electron package is not installed (an install without dev dependencies)' };
  }
  if (!betterSqlite3.version) {
    return { action: 'skip', reason: 'the better-sqlite3 package is not installed' };
  }
  if (binaryDownloadTurnedOff(env) && !electron.binaryPresent) {
    return {
      action: 'skip',
      reason:
        'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD is set and node_modules/electron/path.txt is missing)',
    };
  }
  const stamp = makeStamp({
    electronVersion: electron.version,
    betterSqlite3Version: betterSqlite3.version,
    platform,
    arch,
  });
  if (!force && target.exists && sameStamp(target.stamp, stamp)) {
    return { action: 'up-to-date', stamp };
  }
  return { action: 'build', stamp };
}

/**
 * Where npm's own node-gyp may be, first found wins: npm names it in npm_config_node_gyp
 * while it runs a script; else beside npm's CLI (npm_execpath); else in the npm that
 * ships with this Node, on Unix and on Windows.
 */
export function nodeGypCandidates({ env, execPath, platform }) {
  const candidates = [];
  if (env.npm_config_node_gyp) candidates.push(env.npm_config_node_gyp);
  if (env.npm_execpath)
    candidates.push(join(dirname(dirname(env.npm_execpath)), 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  const nodeDir = dirname(execPath);
  if (platform === 'win32') {
    candidates.push(join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  } else {
    candidates.push(
      join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    );
  }
  return [...new Set(candidates)];
}

/**
 * The ways to get an Electron build, in order: the prebuilt file that better-sqlite3
 * publishes for each Electron ABI (fast, no compiler), else a compile against Electron's
 * headers. Each runs in a copy of better-sqlite3, never in node_modules/better-sqlite3.
 */
export function buildAttempts({ electronVersion, platform, arch, nodePath, prebuildInstall, nodeGyp, devDir }) {
  const attempts = [];
  if (prebuildInstall) {
    attempts.push({
      label: 'prebuilt download (prebuild-install)',
      command: nodePath,
      args: [
        prebuildInstall,
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--platform=${platform}`,
        `--arch=${arch}`,
        '--verbose',
      ],
      timeoutMs: 3 * 60_000,
    });
  }
  if (nodeGyp) {
    attempts.push({
      label: 'compile against Electron headers (node-gyp)',
      command: nodePath,
      args: [
        nodeGyp,
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        `--dist-url=${ELECTRON_HEADERS_URL}`,
        '--runtime=electron',
        `--devdir=${devDir}`,
      ],
      timeoutMs: 20 * 60_000,
    });
  }
  return attempts;
}

/**
 * The build's environment: npm passes its config to scripts as npm_config_*, and some of
 * it would silently build for Node instead (nodedir points at Node's headers, target and
 * runtime override ours, build_from_source makes prebuild-install refuse to download).
 */
export const OVERRIDING_NPM_CONFIG = [
  'nodedir',
  'target',
  'runtime',
  'disturl',
  'dist_url',
  'arch',
  'target_arch',
  'platform',
  'build_from_source',
  'devdir',
];

export function buildEnv(env) {
  const clean = {};
  for (const [name, value] of Object.entries(env)) {
    const lower = name.toLowerCase();
    const overriding = OVERRIDING_NPM_CONFIG.some(
      (key) => lower === `npm_config_${key}` || lower === `npm_config_${key.replace(/_/g, '-')}`,
    );
    if (!overriding && value !== undefined) clean[name] = value;
  }
  return clean;
}

const PREFIX = 'Loyalty Desk:';
const UNAFFECTED = 'Tests, the CLI and the web bridge are unaffected.';

export function messageFor(plan) {
  if (plan.action === 'skip')
    return `${PREFIX} skipped the Electron build of the database engine (better-sqlite3): ${plan.reason}. ${UNAFFECTED}`;
  if (plan.action === 'up-to-date')
    return `${PREFIX} the Electron build of the database engine is up to date (Electron ${plan.stamp.electron}).`;
  return `${PREFIX} building the database engine (better-sqlite3 ${plan.stamp.betterSqlite3}) for Electron ${plan.stamp.electron}...`;
}

export function downloadFailureMessage(electronVersion, reason) {
  return (
    `${PREFIX} could not fetch the Electron ${electronVersion} binary (${reason}). ` +
    `"npm start" needs it: run "npx install-electron" with internet access. ${UNAFFECTED}`
  );
}

export function failureMessage(electronVersion, reasons) {
  return (
    `${PREFIX} could not build the database engine (better-sqlite3) for Electron ${electronVersion}: ${reasons.join('; ')}. ` +
    `The desktop app will not start until this is fixed: run "node scripts/native-for-electron.mjs" again with internet access ` +
    `(or with Python and a C++ compiler installed). ${UNAFFECTED}`
  );
}
