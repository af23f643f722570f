#!/usr/bin/env node
// `npm run web`: Loyalty Desk in a browser on this machine. Serves the built renderer and
// the real handlers on 127.0.0.1 with a random port and a random access key, and prints
// the one address to open.
//
//   node bin/loyalty-web.mjs [--db FILE] [--port N]
//
// The data file: --db FILE, else the LOYALTY_DB environment variable, else the user's
// data folder, the same file the desktop app and the CLI use (~/.config/Loyalty Desk/
// loyalty.db on Linux, %APPDATA%\Loyalty Desk on Windows, ~/Library/Application Support/
// Loyalty Desk on macOS).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';
import { rendererBuilt } from '../scripts/first-start.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h')) {
  console.log('Usage: npm run web -- [--db FILE] [--port N]\nServes Loyalty Desk to a browser on this machine only.');
  process.exit(0);
}

// A fresh clone has no built window yet: it is built here once (electron-vite, about a minute), not refused.
if (!rendererBuilt(root)) {
  console.log('Building Loyalty Desk for the browser (once, about a minute)...');
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const built = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0 || !rendererBuilt(root)) {
    console.error('Loyalty Desk could not be built for the browser: the build above says why.');
    process.exit(1);
  }
}

function portArgument() {
  const i = args.indexOf('--port');
  const text = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith('--port='))?.slice(7);
  if (text === undefined) return 0;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    console.error(`"--port ${text}" is not a port number (0 to 65535).`);
    process.exit(2);
  }
  return Number(text);
}

register();
const { startWebServer } = await import(pathToFileURL(join(root, 'src-main', 'web', 'web-server.ts')).href);
// The same data file as the desktop app and the CLI, unless told otherwise.
const { resolveDataFile } = await import(pathToFileURL(join(root, 'src-main', 'host', 'data-file-location.ts')).href);

function dbArgument() {
  const i = args.indexOf('--db');
  if (i >= 0) {
    if (!args[i + 1]) {
      console.error('"--db" needs a file name: npm run web -- --db FILE');
      process.exit(2);
    }
    return args[i + 1];
  }
  return args.find((a) => a.startsWith('--db='))?.slice(5) || undefined;
}

const dbFile = resolveDataFile({ flag: dbArgument(), env: process.env });
let server;
try {
  server = await startWebServer({ dbFile, port: portArgument(), coreHost: 'built' });
} catch (error) {
  console.error(`Loyalty Desk could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

console.log(`Loyalty Desk is running at ${server.url}`);
console.log(`Data file: ${server.dataFile}. Press Ctrl+C to stop.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
