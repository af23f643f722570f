// `npx loyalty` runs from a bundle built ahead of time (scripts/build-cli.mjs), never from
// stale code: a bundle that is missing, or older than a source it was built from, is rebuilt
// before the command runs, and a build that fails runs nothing.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../fixtures/client-files';
import { repoRoot } from '../fixtures/repo-paths';
import { cliBundleStaleness, readCliManifest } from '../../scripts/cli-bundle.mjs';

function writeManifest(root: string, dir: string, files: string[]): void {
  const inputs = Object.fromEntries(
    files.map((file) => {
      const stat = statSync(join(root, file));
      return [file, { size: stat.size, mtimeMs: stat.mtimeMs }];
    }),
  );
  mkdirSync(join(root, 'out', 'cli', dir), { recursive: true });
  writeFileSync(join(root, 'out', 'cli', dir, 'loyalty.mjs'), '');
  writeFileSync(join(root, 'out', 'cli', 'build.json'), JSON.stringify({ dir, inputs }));
}

describe('whether the CLI bundle may run as it is', () => {
  it('says why not when it is missing or a source changed, moved or went', () => {
    const root = makeTempDir('loyalty-cli-stale-');
    mkdirSync(join(root, 'src-main', 'cli'), { recursive: true });
    const source = join(root, 'src-main', 'cli', 'main.ts');
    writeFileSync(source, 'export const a = 1;\n');
    expect(cliBundleStaleness(root)).toBe('the CLI has not been built yet');

    writeManifest(root, 'build-1', ['src-main/cli/main.ts']);
    expect(cliBundleStaleness(root)).toBeNull();

    // Other contents, though the file looks older than the build.
    const { mtime } = statSync(source);
    writeFileSync(source, 'export const a = 12;\n');
    utimesSync(source, mtime, mtime);
    expect(cliBundleStaleness(root)).toBe('src-main/cli/main.ts changed since the CLI was built');
    // The same size, saved again later.
    writeManifest(root, 'build-2', ['src-main/cli/main.ts']);
    utimesSync(source, new Date(), new Date(mtime.getTime() + 5000));
    expect(cliBundleStaleness(root)).toBe('src-main/cli/main.ts changed since the CLI was built');

    writeManifest(root, 'build-3', ['src-main/cli/main.ts']);
    rmSync(join(root, 'out', 'cli', 'build-3'), { recursive: true });
    expect(cliBundleStaleness(root)).toBe('the CLI build build-3 is missing');

    writeManifest(root, 'build-4', ['src-main/cli/main.ts']);
    rmSync(source);
    expect(cliBundleStaleness(root)).toBe('src-main/cli/main.ts was moved or removed since the CLI was built');
    // A copy shipped without the sources runs what it was built with.
    rmSync(join(root, 'src-main'), { recursive: true });
    expect(cliBundleStaleness(root)).toBeNull();
  });

  it('bin/loyalty.mjs builds the bundle when there is none, rebuilds it after an edit, and runs nothing when the build fails', () => {
    // A copy of the project, so that its sources can be edited: what the CLI reads, and node_modules linked.
    const root = makeTempDir('loyalty-cli-copy-');
    for (const part of ['package.json', 'bin', 'scripts', 'drizzle', 'examples'])
      cpSync(join(repoRoot, part), join(root, part), { recursive: true });
    cpSync(join(repoRoot, 'src-main'), join(root, 'src-main'), {
      recursive: true,
      filter: (path) => !path.endsWith('.test.ts'),
    });
    symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
    const loyalty = (...args: string[]) =>
      spawnSync(process.execPath, [join(root, 'bin', 'loyalty.mjs'), ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, LOYALTY_DB: '' },
        timeout: 120_000,
      });

    const first = loyalty('--help');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Loyalty Desk from the command line\./);
    const built = readCliManifest(root);
    expect(built).not.toBeNull();
    expect(existsSync(join(root, 'out', 'cli', built!.dir, 'loyalty.mjs'))).toBe(true);
    expect(existsSync(join(root, 'out', 'cli', built!.dir, 'xlsx-row-worker.mjs'))).toBe(true);
    expect(cliBundleStaleness(root)).toBeNull();

    const commands = join(root, 'src-main', 'cli', 'commands.ts');
    const text = readFileSync(commands, 'utf8');
    writeFileSync(
      commands,
      text.replace("'Loyalty Desk from the command line.'", "'Loyalty Desk, edited, from the command line.'"),
    );
    const edited = loyalty('--help');
    expect(edited.stderr).toBe('');
    expect(edited.stdout).toMatch(/^Loyalty Desk, edited, from the command line\./);
    expect(readCliManifest(root)!.dir).not.toBe(built!.dir);

    writeFileSync(commands, `${text}\nexport const broken = ;\n`);
    const failed = loyalty('--help');
    expect(failed.status).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(
      /^loyalty: src-main\/cli\/commands\.ts changed since the CLI was built, and building it failed: .+\n$/,
    );
  }, 180_000);
});
