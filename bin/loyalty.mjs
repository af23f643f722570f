#!/usr/bin/env node
// `npx loyalty`: runs the CLI from its bundle (out/cli/, built by scripts/build-cli.mjs at
// npm install and npm run build), which starts several times faster than compiling the
// TypeScript at every call.
//
// When the bundle is missing or a source changed since it was built, this rebuilds it first
// (about half a second) rather than run stale code or refuse: a developer who edits the core
// expects the next command to run the edit, as it did when the CLI ran the sources; and the
// rebuild prints nothing, because a warning on stderr would break the contract scripts rely on
// (with --json, one document on stdout; on success, nothing on stderr). A build that fails is
// reported and nothing runs.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliBundleStaleness, cliEntry, readCliManifest } from '../scripts/cli-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function entry() {
  const manifest = readCliManifest(root);
  const stale = cliBundleStaleness(root, manifest);
  if (stale === null) return cliEntry(root, manifest);
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs');
    return await buildCli(root);
  } catch (error) {
    // One line, as every error of the CLI: esbuild's message lists each error on a line of its own.
    const why = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ').trim();
    process.stderr.write(`loyalty: ${stale}, and building it failed: ${why}\n`);
    process.exit(1);
  }
}

const { runCli } = await import(pathToFileURL(await entry()).href);
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
