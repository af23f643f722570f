import { desc, eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { programSettingsVersions, programs, ruleVersions } from '../../db/schema';
import type { ProgramPayment } from './program-settings-views';
import { findProjectRoot } from '../../db/project-paths';
import type { ProgramView } from './program-view';
import { AppError } from '../app-error';
import { nowIso, type CoreContext } from '../context';
import { recordDecision } from '../operator/operator-log';
import { parseProgramConfig, PROGRAM_CREATED_NOTE, type ProgramConfigInput, type Rules } from './program-config';

const settingsTableKnown = new WeakMap<object, boolean>();

/**
 * Whether the file has the settings versions of migration 0014. Every file the app opens is migrated; a schema from
 * before it (an older version's file the tests keep) has none: the program reads as it was created.
 */
export function hasSettingsVersions(sqlite: CoreContext['store']['sqlite']): boolean {
  let known = settingsTableKnown.get(sqlite);
  if (known === undefined) {
    known =
      sqlite
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'program_settings_versions'")
        .get() !== undefined;
    settingsTableKnown.set(sqlite, known);
  }
  return known;
}

/** The point value a rules version stands for: its own, or the program's as created where it names none. */
export function pointValueOfRules(rules: Pick<Rules, 'pointValueMinor'>, initialPointValueMinor: number): number {
  return rules.pointValueMinor ?? initialPointValueMinor;
}

/** The program of this database, with its newest settings and rules; a database holds one program. */
export function getProgram(ctx: CoreContext): ProgramView | null {
  const program = ctx.store.db.select().from(programs).orderBy(programs.id).limit(1).get();
  if (!program) return null;
  const rules = ctx.store.db
    .select()
    .from(ruleVersions)
    .where(eq(ruleVersions.programId, program.id))
    .orderBy(desc(ruleVersions.version))
    .limit(1)
    .get();
  if (!rules) throw new Error(`Program ${program.id} has no rules version`);
  const settings = hasSettingsVersions(ctx.store.sqlite)
    ? ctx.store.db
        .select()
        .from(programSettingsVersions)
        .where(eq(programSettingsVersions.programId, program.id))
        .orderBy(desc(programSettingsVersions.version))
        .limit(1)
        .get()
    : undefined;
  const current = settings ?? { ...program, version: 1 };
  const parsedRules = JSON.parse(rules.rulesJson) as Rules;
  return {
    id: program.id,
    name: current.name,
    client: current.client,
    currency: { code: current.currencyCode, minorDigits: current.currencyDigits },
    locale: current.locale,
    pointValueMinor: pointValueOfRules(parsedRules, program.pointValueMinor),
    initialPointValueMinor: program.pointValueMinor,
    payment: JSON.parse(current.paymentJson) as ProgramPayment,
    settingsVersion: current.version,
    firstPeriod: program.firstPeriod,
    rulesVersion: rules.version,
    rules: parsedRules,
    createdAt: program.createdAt,
  };
}

export function requireProgram(ctx: CoreContext): ProgramView {
  const program = getProgram(ctx);
  if (!program)
    throw new AppError(
      'NO_PROGRAM',
      'There is no program in this database yet: create one first (program init, or the first screen of the app).',
    );
  return program;
}

/** Validates a program document and stores it with its rules as version 1. */
export function createProgram(ctx: CoreContext, input: unknown): ProgramView {
  const parsed = parseProgramConfig(input);
  if (!parsed.ok) {
    throw new AppError('INVALID_PROGRAM', `The program is not valid: ${parsed.problems.join('; ')}.`, {
      problems: parsed.issues,
    });
  }
  const config = parsed.value;
  return ctx.store.transaction(() => {
    const existing = getProgram(ctx);
    if (existing) {
      throw new AppError(
        'PROGRAM_EXISTS',
        `This database already holds the program "${existing.name}"; use another database file for another program.`,
      );
    }
    const at = nowIso(ctx);
    const inserted = ctx.store.db
      .insert(programs)
      .values({
        name: config.name,
        client: config.client,
        currencyCode: config.currency.code,
        currencyDigits: config.currency.minorDigits,
        locale: config.locale,
        pointValueMinor: config.pointValueMinor,
        firstPeriod: config.firstPeriod,
        paymentJson: JSON.stringify(config.payment),
        createdAt: at,
        createdBy: ctx.actor,
      })
      .returning({ id: programs.id })
      .get();
    ctx.store.db
      .insert(ruleVersions)
      .values({
        programId: inserted.id,
        version: 1,
        rulesJson: JSON.stringify(config.rules),
        note: PROGRAM_CREATED_NOTE,
        createdAt: at,
        createdBy: ctx.actor,
      })
      .run();
    recordDecision(ctx, 'program.create', config.name, null, { programId: inserted.id });
    const view = getProgram(ctx);
    if (!view) throw new Error('program vanished after insert');
    return view;
  });
}

function referenceProgramPath(): string {
  return join(findProjectRoot(), 'examples', 'reference-program.json');
}

/** The reference program as a starting point for a new program. */
export function readReferenceTemplate(): ProgramConfigInput {
  return JSON.parse(readFileSync(referenceProgramPath(), 'utf8')) as ProgramConfigInput;
}

/** What one point was worth under a version of the rules: a period keeps its version's value. */
export function pointValueOfVersion(ctx: CoreContext, program: ProgramView, version: number): number {
  if (version === program.rulesVersion) return program.pointValueMinor;
  const json = ctx.store.sqlite
    .prepare('SELECT rules_json FROM rule_versions WHERE program_id = ? AND version = ?')
    .pluck()
    .get(program.id, version) as string | undefined;
  if (json === undefined) return program.initialPointValueMinor;
  return pointValueOfRules(JSON.parse(json) as Rules, program.initialPointValueMinor);
}
