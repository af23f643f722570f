#!/usr/bin/env node
// `npm start` and `npm run dev`: electron-vite's preview or development server, once Electron's program is known to
// be there. Without it, electron-vite throws "Electron uninstall" with a stack trace; this says what happened and what
// to do instead, in one sentence, and exits with 1.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronProgram, noElectronSentence } from './first-start.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [mode = 'preview', ...rest] = process.argv.slice(2);
const program = electronProgram(root);
if (!program.found) {
  console.error(noElectronSentence(program.why));
  process.exit(1);
}
const require = createRequire(import.meta.url);
const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [bin, mode, ...rest], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
