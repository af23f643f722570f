// Each test gets a web server of its own, started in this process on a fresh temporary
// data file, and stopped afterwards: tests never share data and can run in parallel.
import { test as base, expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src-main/db/open-database';
import { createImportJobs } from '../../src-main/core/import/jobs/import-jobs';
import { IMPORT_RUNNERS } from '../../src-main/ipc/import-kinds';
import { importParticipants } from '../../src-main/core/import/kinds/import-participants';
import { createProgram, readReferenceTemplate } from '../../src-main/core/program/program-store';
import type { ImportKind, ImportReport, ProgramView } from '../../src-main/ipc/contract';
import { startWebServer, type WebServerHandle, type WebServerOptions } from '../../src-main/web/web-server';

export { expect };

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const rendererDir = join(repoRoot, 'out', 'renderer');
export const samplesDir = resolve(repoRoot, '..', 'shared', 'samples');

interface Fixtures {
  /** A temporary folder for this test, removed afterwards. */
  dataDir: string;
  dbFile: string;
  server: WebServerHandle;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  dbFile: async ({ dataDir }, use) => {
    await use(join(dataDir, 'loyalty.db'));
  },
  server: async ({ dbFile }, use) => {
    const server = await startTestServer(dbFile);
    await use(server);
    await server.close();
  },
});

/**
 * A web server on the data file with the built renderer and core host, as the `server` fixture starts it; `options`
 * change the operator or fix the core's clock. Refused when the renderer is not built.
 */
export async function startTestServer(
  dbFile: string,
  options: Pick<WebServerOptions, 'actor' | 'fixedNow'> = {},
): Promise<WebServerHandle> {
  const server = await startWebServer({ dbFile, rendererDir, actor: 'e2e', coreHost: 'built', ...options });
  if (!server.rendererBuilt) {
    await server.close();
    throw new Error(`The renderer is not built (${rendererDir}/index.html is missing): run "npm run build" first.`);
  }
  return server;
}

/** Creates the reference program in the data file directly, as the CLI would. */
export function seedProgram(dbFile: string, overrides: Record<string, unknown> = {}): ProgramView {
  const store = openDatabase(dbFile);
  try {
    const ctx = { store, actor: 'e2e', now: () => new Date('2026-09-01T08:00:00Z') };
    return createProgram(ctx, { ...readReferenceTemplate(), ...overrides });
  } finally {
    store.close();
  }
}

function seedContext(store: ReturnType<typeof openDatabase>) {
  return { store, actor: 'e2e', now: () => new Date('2026-09-01T08:00:00Z') };
}

/** Imports the client's participants file into the data file through the core, as the CLI would. */
export async function seedParticipantsFile(dbFile: string, path: string): Promise<ImportReport> {
  const store = openDatabase(dbFile);
  try {
    return await importParticipants(seedContext(store), { fileName: basename(path), bytes: readFileSync(path) });
  } finally {
    store.close();
  }
}

/**
 * Imports a client file of any kind through the core's job runner: read, then commit.
 * Null when the core has no runner for that kind (yet), so that a test can say so.
 */
export async function seedImportFile(dbFile: string, kind: ImportKind, path: string): Promise<ImportReport | null> {
  if (!IMPORT_RUNNERS.some((runner) => runner.kind === kind)) return null;
  const store = openDatabase(dbFile);
  try {
    const jobs = createImportJobs(seedContext(store), IMPORT_RUNNERS);
    const jobId = jobs.start(kind, { fileName: basename(path), bytes: readFileSync(path) });
    const status = await jobs.settled(jobId);
    if (status.state !== 'ready')
      throw new Error(`Seeding ${kind} from ${path} failed: ${status.error?.message ?? status.state}`);
    return jobs.commit(jobId);
  } finally {
    store.close();
  }
}

export function participantCode(i: number): string {
  return `P${String(i).padStart(6, '0')}`;
}

/**
 * Inserts `count` participants P000001... straight into the table in one transaction:
 * seeding 100,000 rows through the UI would test the seeding, not the table.
 */
export function seedParticipants(dbFile: string, programId: number, count: number): void {
  const db = new Database(dbFile);
  try {
    db.pragma('journal_mode = WAL');
    const insert = db.prepare(
      `INSERT INTO participants (program_id, code, name, email, phone, region, join_date, card_ref, iban, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, NULL, ?, ?, ?, NULL, ?, ?, ?)`,
    );
    const regions = ['North', 'South', 'East', 'West', 'Central'];
    const at = '2026-09-01T08:00:00.000Z';
    db.transaction(() => {
      for (let i = 1; i <= count; i++) {
        const code = participantCode(i);
        const day = String((i % 28) + 1).padStart(2, '0');
        insert.run(
          programId,
          code,
          `Participant ${i}`,
          `${code.toLowerCase()}@client.example`,
          regions[i % regions.length],
          `2026-08-${day}`,
          i % 10 === 0 ? null : `4000-${String(i).padStart(6, '0')}`,
          i % 17 === 0 ? 'inactive' : 'active',
          at,
          at,
        );
      }
    })();
  } finally {
    db.close();
  }
}

/** Opens the app at a screen and waits until its title is shown. */
export async function openScreen(
  page: Page,
  server: WebServerHandle,
  route: string,
  title: string | RegExp,
): Promise<void> {
  await page.goto(`${server.url}#/${route}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}
