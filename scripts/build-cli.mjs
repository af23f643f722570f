#!/usr/bin/env node
// Builds the CLI's bundle (out/cli/, see cli-bundle.mjs) with esbuild, so that `npx loyalty`
// starts from JavaScript instead of compiling the TypeScript at every call. Run by the
// postinstall (npm install, npm ci), by `npm run build`, and by bin/loyalty.mjs itself when
// the sources changed since the last build.
//
// drizzle-orm and zod, which every command loads, are bundled too: Node loads one file faster
// than the two hundred small ones they come in. What stays outside, found at run time:
// - every other package, loaded from node_modules when a command needs it: better-sqlite3 is
//   native; exceljs, saxes and csv-parse are CommonJS or read by the import only (bundled,
//   saxes's class came out of a dynamic import() as undefined in the reader thread);
// - what the core reads by path from the project folder (drizzle/ migrations, examples/),
//   found by findProjectRoot walking up from out/cli/build-<id>/;
// - the import reader thread: xlsx-row-worker.mjs is a second entry, written beside
//   loyalty.mjs, where rowWorkerFile() looks first. Chunks go to the same folder, not a
//   subfolder, because import.meta.url in rowWorkerFile is that of whichever chunk holds it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLI_MANIFEST, CLI_OUT } from './cli-bundle.mjs';

const WORKER_FILE = 'xlsx-row-worker.mjs';
const BUNDLED_PACKAGES = new Set(['drizzle-orm', 'zod']);

/** `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const packagesOutside = {
  name: 'packages-outside',
  setup(build) {
    // Bare specifiers only (not ./ ../ or absolute): Node's own modules and packages.
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED_PACKAGES.has(packageName(args.path)) ? undefined : { path: args.path, external: true },
    );
  },
};
const THIS_FILE = relative(dirname(dirname(fileURLToPath(import.meta.url))), fileURLToPath(import.meta.url));
// A build folder no longer named by build.json is removed once it is this old: a command
// started from it a moment before a rebuild may still start its reader thread from it.
const KEEP_OLD_BUILDS_MS = 10 * 60 * 1000;

function filesUnder(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(path, found);
    else found.push(path);
  }
  return found;
}

const posix = (path) => path.split(sep).join('/');

function removeOldBuilds(outDir, keep) {
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === keep || !/^(build-|\.tmp-)/.test(entry.name)) continue;
    const path = join(outDir, entry.name);
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_BUILDS_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another build meanwhile.
    }
  }
}

/** Builds the bundle from the sources under root and makes it the current one; returns its entry. */
export async function buildCli(root) {
  const { build } = await import('esbuild');
  const sources = filesUnder(join(root, 'src-main'));
  const worker = sources.find((path) => path.endsWith(`${sep}${WORKER_FILE}`));
  if (!worker)
    throw new Error(`No ${WORKER_FILE} under ${join(root, 'src-main')}: the import reader thread cannot be built.`);
  // Taken before the build: a source saved while esbuild reads it then counts as changed, and
  // the next start rebuilds, rather than the build passing for newer than it is.
  const seen = new Map(sources.map((path) => [posix(relative(root, path)), statSync(path)]));
  seen.set(posix(THIS_FILE), statSync(join(root, THIS_FILE)));

  const outDir = join(root, CLI_OUT);
  mkdirSync(outDir, { recursive: true });
  const tmp = join(outDir, `.tmp-${process.pid}-${Date.now()}`);
  const result = await build({
    absWorkingDir: root,
    entryPoints: [
      { in: 'src-main/cli/main.ts', out: 'loyalty' },
      { in: posix(relative(root, worker)), out: 'xlsx-row-worker' },
      // Statement drawing threads (statement-render-pool.ts looks for this file beside its chunk).
      { in: 'src-main/core/reports/statements/statement-render-worker.ts', out: 'statement-render-worker' },
      // The audit's recomputation beside its ledger and seal checks (recompute-thread.ts looks for it there).
      { in: 'src-main/core/audit/recompute-worker.ts', out: 'recompute-worker' },
      // The audit package's ledger workbook beside its tables (ledger-workbook-thread.ts).
      { in: 'src-main/core/audit/ledger-workbook-worker.ts', out: 'ledger-workbook-worker' },
    ],
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [packagesOutside],
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    metafile: true,
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'silent',
  });

  const hash = createHash('sha256');
  for (const file of Object.keys(result.metafile.outputs).sort())
    hash.update(file.slice(posix(relative(root, tmp)).length)).update(readFileSync(join(root, file)));
  const id = `build-${hash.digest('hex').slice(0, 16)}`;
  try {
    renameSync(tmp, join(outDir, id));
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    // Unless the same build is there already (another command built the same sources at the same time).
    if (!existsSync(join(outDir, id, 'loyalty.mjs'))) throw error;
  }

  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), posix(THIS_FILE)].sort()) {
    const stat = seen.get(file) ?? statSync(join(root, file));
    inputs[file] = { size: stat.size, mtimeMs: stat.mtimeMs };
  }
  const manifest = join(root, CLI_MANIFEST);
  const manifestTmp = `${manifest}.${process.pid}.tmp`;
  writeFileSync(manifestTmp, `${JSON.stringify({ dir: id, inputs }, null, 1)}\n`);
  renameSync(manifestTmp, manifest);
  removeOldBuilds(outDir, id);
  return join(outDir, id, 'loyalty.mjs');
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  try {
    const entry = await buildCli(root);
    console.log(`Built the CLI: ${relative(root, entry)}`);
  } catch (error) {
    console.error(`The CLI could not be built: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
