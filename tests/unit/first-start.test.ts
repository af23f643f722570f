// The first start where Electron's program could not be downloaded: `npm start` says so in one sentence and points to
// `npm run web`, instead of electron-vite's "Electron uninstall" and a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronProgram, noElectronSentence, rendererBuilt } from '../../scripts/first-start.mjs';
import { repoRoot } from '../fixtures/repo-paths';

const made: string[] = [];
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'first-start-'));
  made.push(root);
  return root;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('electronProgram', () => {
  it('tells a missing package from a program that was never downloaded, and finds one that was', () => {
    const root = project();
    expect(electronProgram(root, {})).toEqual({ found: false, why: 'package' });
    const dir = join(root, 'node_modules', 'electron');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"name":"electron"}');
    // ELECTRON_SKIP_BINARY_DOWNLOAD=1, or a blocked download: no path.txt.
    expect(electronProgram(root, {})).toEqual({ found: false, why: 'download' });
    // path.txt written but the program removed (or a download cut short before dist/ was filled).
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(electronProgram(root, {})).toEqual({ found: false, why: 'download' });
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(electronProgram(root, {})).toEqual({ found: true, path: join(dir, 'dist', 'electron') });
    expect(electronProgram(root, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toEqual({
      found: true,
      path: join('/opt/electron', 'electron'),
    });
  });
});

describe('noElectronSentence', () => {
  it('is one sentence that names npm run web', () => {
    for (const why of ['package', 'download'] as const) {
      const sentence = noElectronSentence(why);
      expect(sentence).not.toContain('\n');
      expect(sentence).toContain('"npm run web"');
      expect(sentence.endsWith('.')).toBe(true);
    }
  });
});

describe('rendererBuilt', () => {
  it('is true only once out/renderer/index.html is there', () => {
    const root = project();
    expect(rendererBuilt(root)).toBe(false);
    mkdirSync(join(root, 'out', 'renderer'), { recursive: true });
    writeFileSync(join(root, 'out', 'renderer', 'index.html'), '<!doctype html>');
    expect(rendererBuilt(root)).toBe(true);
  });
});

// Only where the program is missing (this machine, CI): elsewhere `npm start` would open the app.
describe.runIf(!electronProgram(repoRoot).found)('npm start without Electron’s program', () => {
  it('says so in one sentence on stderr and exits with 1, with no stack trace', () => {
    for (const mode of ['preview', 'dev']) {
      const run = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'start-window.mjs'), mode], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`${noElectronSentence('download')}\n`);
    }
  });
});
