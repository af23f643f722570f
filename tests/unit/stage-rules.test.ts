// The stage rule (.dependency-cruiser.cjs, run by `npm run lint`) is proved on a copy of the
// sources: clean as they are, and failing, naming the rule, once a backward import, an import
// of the IPC contract from the core, or a loop is added.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../fixtures/repo-paths';

const CRUISER = join(repoRoot, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

let copy: string;

function freshCopy(name: string): string {
  const dir = join(copy, name);
  cpSync(join(repoRoot, 'src-main'), join(dir, 'src-main'), { recursive: true });
  for (const file of ['.dependency-cruiser.cjs', 'tsconfig.node.json', 'tsconfig.base.json', 'package.json'])
    cpSync(join(repoRoot, file), join(dir, file));
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function cruise(dir: string) {
  const run = spawnSync(
    process.execPath,
    [CRUISER, 'src-main', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
    { cwd: dir, encoding: 'utf8', timeout: 120_000 },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'stage-rules-'));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('the stage rule', () => {
  it('passes the sources as they are', () => {
    const result = cruise(freshCopy('clean'));
    expect(result.output).toContain('no dependency violations found');
    expect(result.status).toBe(0);
  }, 120_000);

  it('fails on a backward import (money reaching for payouts), naming the stage and both files', () => {
    const dir = freshCopy('backward');
    writeFileSync(
      join(dir, 'src-main/core/money/backward-probe.ts'),
      "import type { PayoutView } from '../payouts/payout-types';\nexport type Probe = PayoutView;\n",
    );
    const result = cruise(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(
      /stage-money-looks-back: src-main\/core\/money\/backward-probe\.ts → src-main\/core\/payouts\/payout-types\.ts/,
    );
  }, 120_000);

  it('fails when the core imports the IPC contract', () => {
    const dir = freshCopy('shell');
    writeFileSync(
      join(dir, 'src-main/core/scoring/shell-probe.ts'),
      "import type { Channel } from '../../ipc/contract';\nexport type Probe = Channel;\n",
    );
    const result = cruise(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(
      /core-imports-the-shell: src-main\/core\/scoring\/shell-probe\.ts → src-main\/ipc\/contract\.ts/,
    );
  }, 120_000);

  it('fails on a loop inside one stage', () => {
    const dir = freshCopy('loop');
    writeFileSync(
      join(dir, 'src-main/core/periods/loop-a.ts'),
      "import { b } from './loop-b';\nexport const a = () => b;\n",
    );
    writeFileSync(
      join(dir, 'src-main/core/periods/loop-b.ts'),
      "import { a } from './loop-a';\nexport const b = () => a;\n",
    );
    const result = cruise(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/no-circular: src-main\/core\/periods\/loop-[ab]\.ts/);
  }, 120_000);
});
