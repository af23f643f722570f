import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, samplesDir } from '../fixtures/repo-paths';
import { makeTempDir } from '../fixtures/client-files';
import { runBin, runLoyalty as loyalty, type CliRun } from '../fixtures/run-cli';

const reference = join(repoRoot, 'examples', 'reference-program.json');

/** The one-line error contract: a single line on stderr, nothing on stdout, non-zero exit. */
function expectOneLineError(run: CliRun, pattern: RegExp) {
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
  it('prints usage with --help and refuses an unknown command (bin/loyalty.mjs, a process of its own)', () => {
    const help = runBin(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/program init --config FILE/);
    expectOneLineError(runBin(['frobnicate', '--db', join(dir, 'u.db')]), /unknown command "frobnicate"/);
    expectOneLineError(runBin(['program', 'show', '--nope']), /Unknown option '--nope'/);
  });

  it('imports a workbook and shows the program from the built bundle (bin/loyalty.mjs, a process of its own)', () => {
    const db = join(dir, 'bundle.db');
    const init = runBin(['program', 'init', '--config', reference, '--db', db, '--json']);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    // An .xlsx is read by the reader thread, a file of the bundle's own; the migrations and the
    // program template are found from the bundle's folder.
    const run = runBin(['import', 'participants', join(samplesDir, 'participants.xlsx'), '--db', db, '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ accepted: 12, rejected: 0, skipped: 0, problems: [] });
    const show = runBin(['program', 'show', '--db', db, '--json']);
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout)).toEqual(JSON.parse(init.stdout));
    expect(JSON.parse(runBin(['participants', 'list', '--db', db, '--json']).stdout)).toHaveLength(12);
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'out', 'cli', 'build.json'), 'utf8')) as {
      dir: string;
      inputs: Record<string, unknown>;
    };
    expect(Object.keys(manifest.inputs)).toContain('src-main/cli/main.ts');
    expect(statSync(join(repoRoot, 'out', 'cli', manifest.dir, 'xlsx-row-worker.mjs')).isFile()).toBe(true);
  });

  it('creates the reference program and shows it as one JSON document', async () => {
    const db = join(dir, 'program.db');
    const init = await loyalty(['program', 'init', '--config', reference, '--db', db, '--json']);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const program = JSON.parse(init.stdout);
    expect(program).toMatchObject({
      name: 'Partner Plus',
      currency: { code: 'PLN', minorDigits: 2 },
      pointValueMinor: 10,
      rulesVersion: 1,
    });
    const show = await loyalty(['program', 'show', '--db', db, '--json']);
    expect(JSON.parse(show.stdout)).toEqual(program);
    const text = await loyalty(['program', 'show', '--db', db]);
    expect(text.stdout).toMatch(/Budget:\s+150\s000,00\szł per period/);
  });

  it('takes the database from LOYALTY_DB when there is no --db', async () => {
    const db = join(dir, 'from-env.db');
    expect((await loyalty(['program', 'init', '--config', reference], { LOYALTY_DB: db })).code).toBe(0);
    expect(statSync(db).size).toBeGreaterThan(0);
  });

  it('refuses a second program, an invalid program and a missing file in one line each', async () => {
    const db = join(dir, 'refusals.db');
    expect((await loyalty(['program', 'init', '--config', reference, '--db', db])).code).toBe(0);
    expectOneLineError(
      await loyalty(['program', 'init', '--config', reference, '--db', db, '--json']),
      /already holds the program "Partner Plus"/,
    );
    const bad = join(dir, 'bad-program.json');
    const doc = JSON.parse(readFileSync(reference, 'utf8'));
    doc.rules.tiers[0].bonusPct = -1;
    writeFileSync(bad, JSON.stringify(doc));
    expectOneLineError(
      await loyalty(['program', 'init', '--config', bad, '--db', join(dir, 'other.db')]),
      /rules\.tiers\[0\]\.bonusPct: must not be negative/,
    );
    expectOneLineError(
      await loyalty(['program', 'show', '--db', join(dir, 'empty.db')]),
      /no program in this database/,
    );
    expectOneLineError(
      await loyalty(['import', 'participants', join(dir, 'nope.xlsx'), '--db', db]),
      /Cannot read .*nope\.xlsx: there is no such file/,
    );
  });

  it('imports the sample participants and lists them as a JSON array', async () => {
    const db = join(dir, 'participants.db');
    expect((await loyalty(['program', 'init', '--config', reference, '--db', db])).code).toBe(0);
    const run = await loyalty(['import', 'participants', join(samplesDir, 'participants.xlsx'), '--db', db, '--json']);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ accepted: 12, rejected: 0, skipped: 0, problems: [] });
    expect(typeof report.batchId).toBe('number');
    const list = JSON.parse((await loyalty(['participants', 'list', '--db', db, '--json'])).stdout);
    expect(Array.isArray(list)).toBe(true);
    expect(list).toHaveLength(12);
    expect(list[0]).toMatchObject({
      code: 'R0001',
      name: 'Barbara Nowicka',
      joinDate: '2026-08-05',
      cardRef: '4000-0001',
      status: 'active',
    });
    expect(list.find((p: { code: string }) => p.code === 'R0005').cardRef).toBeNull();
    const limited = JSON.parse(
      (await loyalty(['participants', 'list', '--db', db, '--json', '--limit', '3', '--search', 'R001'])).stdout,
    );
    expect(limited.map((p: { code: string }) => p.code)).toEqual(['R0010', 'R0011', 'R0012']);

    // Filtered and sorted as the Participants screen is, by the same query.
    type Row = { code: string; name: string; region: string | null; cardRef: string | null; joinDate: string };
    const listed = async (...args: string[]) =>
      JSON.parse((await loyalty(['participants', 'list', '--db', db, '--json', ...args])).stdout) as Row[];
    const byName = await listed('--sort', 'name', '--desc');
    expect(byName.map((p) => p.name)).toEqual(
      [...list].map((p: Row) => p.name).sort((a: string, b: string) => b.localeCompare(a, 'pl')),
    );
    const region = (list as Row[]).find((p) => p.region !== null)!.region!;
    expect((await listed('--region', region)).map((p) => p.code)).toEqual(
      (list as Row[]).filter((p) => p.region === region).map((p) => p.code),
    );
    const withoutDestination = (await listed('--destination', 'none')).map((p) => p.code);
    expect(withoutDestination).toContain('R0005');
    expect(withoutDestination).toEqual(
      (list as Row[]).filter((p) => p.cardRef === null && !('iban' in p && p.iban)).map((p) => p.code),
    );
    expect((await listed('--joined', '2026-08')).every((p) => p.joinDate.startsWith('2026-08'))).toBe(true);
    expectOneLineError(
      await loyalty(['participants', 'list', '--sort', 'salary', '--db', db]),
      /^loyalty: --sort takes code, name, region, joinDate, status, cardRef, iban, email, phone, not "salary"\.\n$/,
    );
  });

  it('leaves the database unchanged when a damaged file is refused, and says why in one line', async () => {
    const db = join(dir, 'damaged.db');
    expect((await loyalty(['program', 'init', '--config', reference, '--db', db])).code).toBe(0);
    const damaged = join(dir, 'damaged.xlsx');
    const good = readFileSync(join(samplesDir, 'participants.xlsx'));
    writeFileSync(damaged, good.subarray(0, Math.floor(good.length / 2)));
    const before = JSON.parse((await loyalty(['participants', 'list', '--db', db, '--json'])).stdout);
    const copy = join(dir, 'damaged-before.db');
    copyFileSync(db, copy);
    expectOneLineError(await loyalty(['import', 'participants', damaged, '--db', db, '--json']), /^loyalty: .+\.\n$/);
    expect(JSON.parse((await loyalty(['participants', 'list', '--db', db, '--json'])).stdout)).toEqual(before);
  });

  it('creates the demo program in one step', async () => {
    const db = join(dir, 'demo.db');
    const run = await loyalty(['demo', '--db', db, '--json']);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result.program.name).toBe('Partner Plus (demo)');
    expect(result.participants.accepted).toBe(39);
    expect(result.participants.rejected).toBe(1);
    expect(result.participants.problems[0]).toMatchObject({ row: 31, column: 'Nr rachunku', code: 'BAD_IBAN' });
    // Products, targets and two months of sales, enough to score, verify and approve.
    expect(
      result.imports.map((r: { kind: string; fileName: string; rejected: number }) => [r.kind, r.fileName, r.rejected]),
    ).toEqual([
      ['products', 'products.xlsx', 0],
      ['targets', 'targets.xlsx', 0],
      ['sales', 'sales-2026-09.xlsx', 0],
      ['sales', 'sales-2026-10.xlsx', 0],
    ]);
    const scored = JSON.parse((await loyalty(['score', '--period', '2026-10', '--db', db, '--json'])).stdout);
    expect(scored.participants.length).toBeGreaterThan(30);
    expect(scored.anomalies.map((a: { code: string }) => a.code)).toEqual(
      expect.arrayContaining(['MISSING_TARGET', 'UNKNOWN_PARTICIPANT', 'UNKNOWN_SKU']),
    );
    expect(scored.participants.find((p: { code: string }) => p.code === 'PH-004').tier).toBe('SILVER');
  });
});
