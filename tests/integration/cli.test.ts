import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, samplesDir } from '../fixtures/repo-paths';
import { makeTempDir } from '../fixtures/client-files';

const bin = join(repoRoot, 'bin', 'loyalty.mjs');
const reference = join(repoRoot, 'examples', 'reference-program.json');

function loyalty(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, LOYALTY_ACTOR: 'cli-test', LOYALTY_DB: '', ...env },
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The one-line error contract: a single line on stderr, nothing on stdout, non-zero exit. */
function expectOneLineError(run: ReturnType<typeof loyalty>, pattern: RegExp) {
  expect(run.code).not.toBe(0);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
}

let dir: string;
beforeAll(() => {
  dir = makeTempDir('loyalty-cli-');
});

describe('loyalty CLI', () => {
  it('prints usage with --help and refuses an unknown command', () => {
    const help = loyalty(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/program init --config FILE/);
    expectOneLineError(loyalty(['frobnicate', '--db', join(dir, 'u.db')]), /unknown command "frobnicate"/);
    expectOneLineError(loyalty(['program', 'show', '--nope']), /Unknown option '--nope'/);
  });

  it('creates the reference program and shows it as one JSON document', () => {
    const db = join(dir, 'program.db');
    const init = loyalty(['program', 'init', '--config', reference, '--db', db, '--json']);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const program = JSON.parse(init.stdout);
    expect(program).toMatchObject({ name: 'Partner Plus', currency: { code: 'PLN', minorDigits: 2 }, pointValueMinor: 10, rulesVersion: 1 });
    const show = loyalty(['program', 'show', '--db', db, '--json']);
    expect(JSON.parse(show.stdout)).toEqual(program);
    const text = loyalty(['program', 'show', '--db', db]);
    expect(text.stdout).toMatch(/Budget:\s+150\s000,00\szł per period/);
  });

  it('takes the database from LOYALTY_DB when there is no --db', () => {
    const db = join(dir, 'from-env.db');
    expect(loyalty(['program', 'init', '--config', reference], { LOYALTY_DB: db }).code).toBe(0);
    expect(statSync(db).size).toBeGreaterThan(0);
  });

  it('refuses a second program, an invalid program and a missing file in one line each', () => {
    const db = join(dir, 'refusals.db');
    expect(loyalty(['program', 'init', '--config', reference, '--db', db]).code).toBe(0);
    expectOneLineError(loyalty(['program', 'init', '--config', reference, '--db', db, '--json']), /already holds the program "Partner Plus"/);
    const bad = join(dir, 'bad-program.json');
    const doc = JSON.parse(readFileSync(reference, 'utf8'));
    doc.rules.tiers[0].bonusPct = -1;
    writeFileSync(bad, JSON.stringify(doc));
    expectOneLineError(loyalty(['program', 'init', '--config', bad, '--db', join(dir, 'other.db')]), /rules\.tiers\[0\]\.bonusPct: must not be negative/);
    expectOneLineError(loyalty(['program', 'show', '--db', join(dir, 'empty.db')]), /no program in this database/);
    expectOneLineError(loyalty(['import', 'participants', join(dir, 'nope.xlsx'), '--db', db]), /Cannot read .*nope\.xlsx: there is no such file/);
  });

  it('imports the sample participants and lists them as a JSON array', () => {
    const db = join(dir, 'participants.db');
    expect(loyalty(['program', 'init', '--config', reference, '--db', db]).code).toBe(0);
    const run = loyalty(['import', 'participants', join(samplesDir, 'participants.xlsx'), '--db', db, '--json']);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ accepted: 12, rejected: 0, skipped: 0, problems: [] });
    expect(typeof report.batchId).toBe('number');
    const list = JSON.parse(loyalty(['participants', 'list', '--db', db, '--json']).stdout);
    expect(Array.isArray(list)).toBe(true);
    expect(list).toHaveLength(12);
    expect(list[0]).toMatchObject({ code: 'R0001', name: 'Barbara Nowicka', joinDate: '2026-08-05', cardRef: '4000-0001', status: 'active' });
    expect(list.find((p: { code: string }) => p.code === 'R0005').cardRef).toBeNull();
    const limited = JSON.parse(loyalty(['participants', 'list', '--db', db, '--json', '--limit', '3', '--search', 'R001']).stdout);
    expect(limited.map((p: { code: string }) => p.code)).toEqual(['R0010', 'R0011', 'R0012']);
  });

  it('leaves the database unchanged when a damaged file is refused, and says why in one line', () => {
    const db = join(dir, 'damaged.db');
    expect(loyalty(['program', 'init', '--config', reference, '--db', db]).code).toBe(0);
    const damaged = join(dir, 'damaged.xlsx');
    const good = readFileSync(join(samplesDir, 'participants.xlsx'));
    writeFileSync(damaged, good.subarray(0, Math.floor(good.length / 2)));
    const before = JSON.parse(loyalty(['participants', 'list', '--db', db, '--json']).stdout);
    const copy = join(dir, 'damaged-before.db');
    copyFileSync(db, copy);
    expectOneLineError(loyalty(['import', 'participants', damaged, '--db', db, '--json']), /^loyalty: .+\.\n$/);
    expect(JSON.parse(loyalty(['participants', 'list', '--db', db, '--json']).stdout)).toEqual(before);
  });

  it('creates the demo program in one step', () => {
    const db = join(dir, 'demo.db');
    const run = loyalty(['demo', '--db', db, '--json']);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result.program.name).toBe('Partner Plus (demo)');
    expect(result.participants.accepted).toBe(39);
    expect(result.participants.rejected).toBe(1);
    expect(result.participants.problems[0]).toMatchObject({ row: 31, column: 'Nr rachunku', code: 'BAD_IBAN' });
    // Products, targets and two months of sales, enough to score, verify and approve.
    expect(result.imports.map((r: { kind: string; fileName: string; rejected: number }) => [r.kind, r.fileName, r.rejected])).toEqual([
      ['products', 'products.xlsx', 0],
      ['targets', 'targets.xlsx', 0],
      ['sales', 'sales-2026-09.xlsx', 0],
      ['sales', 'sales-2026-10.xlsx', 0],
    ]);
    const scored = JSON.parse(loyalty(['score', '--period', '2026-10', '--db', db, '--json']).stdout);
    expect(scored.participants.length).toBeGreaterThan(30);
    expect(scored.anomalies.map((a: { code: string }) => a.code)).toEqual(expect.arrayContaining(['MISSING_TARGET', 'UNKNOWN_PARTICIPANT', 'UNKNOWN_SKU']));
    expect(scored.participants.find((p: { code: string }) => p.code === 'PH-004').tier).toBe('SILVER');
  });
});
