#!/usr/bin/env node
// npm postinstall: fetches the Electron binary (unless ELECTRON_SKIP_BINARY_DOWNLOAD), and
// puts an Electron build of better-sqlite3 at node_modules/.loyalty-native/electron/better_sqlite3.node,
// beside the Node build that `npm install` made in node_modules/better-sqlite3/build (which
// tests and the CLI use and this script never touches). src-main/db/native-binding.ts makes
// each runtime load its own.
//
// Never fails the install: when the build cannot be made it says why and exits 0, because
// everything but the desktop window works without it.
//
// Options: --force rebuilds even when the stamp says the build is current.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BUILD_SOURCES,
  buildAttempts,
  buildEnv,
  downloadFailureMessage,
  electronBindingPath,
  failureMessage,
  messageFor,
  nodeGypCandidates,
  planElectronBinary,
  planNativeBuild,
  stampPath,
} from './native-for-electron-plan.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const modules = join(root, 'node_modules');

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function electronBinaryPresent() {
  const pathTxt = join(modules, 'electron', 'path.txt');
  if (!existsSync(pathTxt)) return false;
  const executable = readFileSync(pathTxt, 'utf8').trim();
  return existsSync(join(modules, 'electron', 'dist', executable));
}

function firstExisting(paths) {
  return paths.find((path) => path && existsSync(path));
}

function build(stamp) {
  const source = join(modules, 'better-sqlite3');
  const work = mkdtempSync(join(tmpdir(), 'loyalty-native-'));
  const reasons = [];
  try {
    for (const entry of BUILD_SOURCES) {
      cpSync(join(source, entry), join(work, entry), { recursive: true });
    }
    const attempts = buildAttempts({
      electronVersion: stamp.electron,
      platform: stamp.platform,
      arch: stamp.arch,
      nodePath: process.execPath,
      prebuildInstall: firstExisting([join(modules, 'prebuild-install', 'bin.js')]),
      nodeGyp: firstExisting(
        nodeGypCandidates({ env: process.env, execPath: process.execPath, platform: process.platform }),
      ),
      devDir: join(homedir(), '.electron-gyp'),
    });
    if (attempts.length === 0) reasons.push("neither prebuild-install nor npm's node-gyp was found");

    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    for (const attempt of attempts) {
      console.log(`Loyalty Desk: trying ${attempt.label}...`);
      const run = spawnSync(attempt.command, attempt.args, {
        cwd: work,
        env: buildEnv(process.env),
        stdio: 'inherit',
        timeout: attempt.timeoutMs,
      });
      if (run.status === 0 && existsSync(built)) return { ok: true, file: built, label: attempt.label, cleanup: work };
      const why = run.error ? run.error.message : run.signal ? `stopped by ${run.signal}` : `exit code ${run.status}`;
      reasons.push(`${attempt.label} failed (${why})`);
    }
  } catch (error) {
    reasons.push(error instanceof Error ? error.message : String(error));
  }
  rmSync(work, { recursive: true, force: true });
  return { ok: false, reasons };
}

function install(file, stamp) {
  const target = electronBindingPath(root);
  mkdirSync(dirname(target), { recursive: true });
  // Copy then rename, so that a half-written file is never taken for a build.
  const partial = `${target}.partial-${process.pid}`;
  copyFileSync(file, partial);
  renameSync(partial, target);
  writeFileSync(stampPath(root), `${JSON.stringify(stamp, null, 2)}\n`);
}

/** Runs the electron package's own install.js, which fetches the binary and writes path.txt. */
function fetchElectronBinary(version) {
  console.log(`Loyalty Desk: fetching the Electron ${version} binary...`);
  const run = spawnSync(process.execPath, [join(modules, 'electron', 'install.js')], {
    cwd: join(modules, 'electron'),
    stdio: 'inherit',
    timeout: 15 * 60_000,
  });
  if (run.status === 0 && electronBinaryPresent()) return;
  const why = run.error ? run.error.message : run.signal ? `stopped by ${run.signal}` : `exit code ${run.status}`;
  console.warn(downloadFailureMessage(version, why));
}

function main() {
  const electronVersion = readJson(join(modules, 'electron', 'package.json'))?.version;
  const binary = planElectronBinary({
    env: process.env,
    electron: { version: electronVersion, binaryPresent: electronBinaryPresent() },
  });
  if (binary.action === 'download') fetchElectronBinary(electronVersion);

  const plan = planNativeBuild({
    env: process.env,
    electron: { version: electronVersion, binaryPresent: electronBinaryPresent() },
    betterSqlite3: { version: readJson(join(modules, 'better-sqlite3', 'package.json'))?.version },
    target: { exists: existsSync(electronBindingPath(root)), stamp: readJson(stampPath(root)) },
    platform: process.platform,
    arch: process.arch,
    force: process.argv.includes('--force'),
  });
  console.log(messageFor(plan));
  if (plan.action !== 'build') return;

  const result = build(plan.stamp);
  if (!result.ok) {
    console.warn(failureMessage(plan.stamp.electron, result.reasons));
    return;
  }
  try {
    install(result.file, plan.stamp);
    console.log(`Loyalty Desk: the database engine is built for Electron ${plan.stamp.electron} (${result.label}).`);
  } catch (error) {
    console.warn(failureMessage(plan.stamp.electron, [error instanceof Error ? error.message : String(error)]));
  } finally {
    rmSync(result.cleanup, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  console.warn(
    `Loyalty Desk: the Electron build of the database engine was not made: ${error instanceof Error ? error.message : String(error)}.`,
  );
}
process.exitCode = 0;
