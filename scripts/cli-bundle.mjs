// Where the CLI's bundle is and whether it was built from the sources as they are now.
// bin/loyalty.mjs runs this at every start, so it reads one small file and stats the
// sources the bundle was built from, nothing more (no esbuild, no TypeScript).
//
// Layout: out/cli/build.json names the current build folder (out/cli/build-<id>/, holding
// loyalty.mjs, xlsx-row-worker.mjs and their shared chunks) and lists every source file the
// build read with its size and modification time. Each build has a folder of its own, and
// build.json is replaced in one rename, so a command started from an older build keeps its
// own chunks and reader thread file while another one rebuilds (two commands at once on a
// freshly edited checkout both rebuild, and either result is the same).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const CLI_OUT = join('out', 'cli');
export const CLI_MANIFEST = join(CLI_OUT, 'build.json');

/** The manifest of the current build (types in cli-bundle.d.mts), or null when there is none. */
export function readCliManifest(root) {
  try {
    return JSON.parse(readFileSync(join(root, CLI_MANIFEST), 'utf8'));
  } catch {
    return null;
  }
}

/** The built entry (exports runCli) of a manifest. */
export function cliEntry(root, manifest) {
  return join(root, CLI_OUT, manifest.dir, 'loyalty.mjs');
}

/**
 * Why the bundle cannot be run as it is, or null when it can: missing, or a source it was built
 * from changed, was moved or removed. A copy without the TypeScript sources (src-main/) runs
 * what it was shipped with: there is nothing to compare against.
 */
export function cliBundleStaleness(root, manifest = readCliManifest(root)) {
  if (manifest === null) return 'the CLI has not been built yet';
  if (!existsSync(cliEntry(root, manifest))) return `the CLI build ${manifest.dir} is missing`;
  if (!existsSync(join(root, 'src-main'))) return null;
  for (const [file, seen] of Object.entries(manifest.inputs)) {
    let now;
    try {
      now = statSync(join(root, file));
    } catch {
      return `${file} was moved or removed since the CLI was built`;
    }
    // Equal, not merely older than the build: a file put back with its old time (an unpacked
    // archive, cp -p, an editor's undo of a rename) differs from what was built yet looks old.
    if (now.size !== seen.size || now.mtimeMs !== seen.mtimeMs) return `${file} changed since the CLI was built`;
  }
  return null;
}
