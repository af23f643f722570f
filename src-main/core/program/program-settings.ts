// The program's settings after it was created: name, client, currency, locale, point value and what the payout files
// need. Each change is a new version with who, when and why (program_settings_versions, append-only); a change of the
// point value is money-relevant and also saves a rules version, so that a period keeps the value it was calculated and
// approved under. A payout file already exported is stored as written and never changes.
import { AppError } from '../app-error';
import { nowIso, type CoreContext } from '../context';
import { recordDecision } from '../operator/operator-log';
import { parseProgramSettings, type ProgramSettingsValues } from './program-config';
import type {
  ProgramPayment,
  ProgramSettingsChangeInput,
  ProgramSettingsField,
  ProgramSettingsFieldChange,
  ProgramSettingsVersionView,
  ProgramSettingsView,
} from './program-settings-views';
import { getProgram, hasSettingsVersions, requireProgram } from './program-store';
import type { ProgramView } from './program-view';
import { rulesWithPointValue } from './update-rules';

interface SettingsState {
  name: string;
  client: string;
  currency: { code: string; minorDigits: number };
  locale: string;
  pointValueMinor: number;
  sepaDebtor: ProgramPayment['sepaDebtor'] | null;
}

interface VersionRow {
  version: number;
  name: string;
  client: string;
  currencyCode: string;
  currencyDigits: number;
  locale: string;
  paymentJson: string;
  pointValueMinor: number;
  ruleVersion: number | null;
  reason: string | null;
  at: string;
  actor: string;
}

const stateOf = (row: VersionRow): SettingsState => ({
  name: row.name,
  client: row.client,
  currency: { code: row.currencyCode, minorDigits: row.currencyDigits },
  locale: row.locale,
  pointValueMinor: row.pointValueMinor,
  sepaDebtor: (JSON.parse(row.paymentJson) as ProgramPayment).sepaDebtor ?? null,
});

/** Each field that differs between two states, in the order the Settings card shows them. */
function settingsChanges(from: SettingsState, to: SettingsState): ProgramSettingsFieldChange[] {
  const pairs: [ProgramSettingsField, string | number | null, string | number | null][] = [
    ['name', from.name, to.name],
    ['client', from.client, to.client],
    ['currency', from.currency.code, to.currency.code],
    ['locale', from.locale, to.locale],
    ['pointValueMinor', from.pointValueMinor, to.pointValueMinor],
    ['sepaDebtor.name', from.sepaDebtor?.name ?? null, to.sepaDebtor?.name ?? null],
    ['sepaDebtor.iban', from.sepaDebtor?.iban ?? null, to.sepaDebtor?.iban ?? null],
    ['sepaDebtor.bic', from.sepaDebtor?.bic ?? null, to.sepaDebtor?.bic ?? null],
  ];
  return pairs.filter(([, a, b]) => a !== b).map(([field, a, b]) => ({ field, from: a, to: b }));
}

/** Version 1 (the program as created) and every change after it, oldest first. */
function versionRows(ctx: CoreContext, program: ProgramView): VersionRow[] {
  const first = ctx.store.sqlite
    .prepare(
      `SELECT 1 AS version, name, client, currency_code AS currencyCode, currency_digits AS currencyDigits, locale,
              payment_json AS paymentJson, point_value_minor AS pointValueMinor, NULL AS ruleVersion, NULL AS reason,
              created_at AS at, created_by AS actor FROM programs WHERE id = ?`,
    )
    .get(program.id) as VersionRow;
  if (!hasSettingsVersions(ctx.store.sqlite)) return [first];
  const later = ctx.store.sqlite
    .prepare(
      `SELECT version, name, client, currency_code AS currencyCode, currency_digits AS currencyDigits, locale,
              payment_json AS paymentJson, point_value_minor AS pointValueMinor, rule_version AS ruleVersion, reason,
              created_at AS at, created_by AS actor
         FROM program_settings_versions WHERE program_id = ? ORDER BY version`,
    )
    .all(program.id) as VersionRow[];
  return [first, ...later];
}

/** Whether anything was imported or posted: from then on amounts are written in the currency, which stays. */
function currencyLocked(ctx: CoreContext, programId: number): boolean {
  return (
    ctx.store.sqlite
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM import_batches WHERE program_id = ?)
             OR EXISTS (SELECT 1 FROM ledger_entries WHERE program_id = ?)`,
      )
      .pluck()
      .get(programId, programId) === 1
  );
}

/** The settings in force and the history of their versions, newest first. Reads only. */
export function programSettings(ctx: CoreContext): ProgramSettingsView {
  const program = requireProgram(ctx);
  const rows = versionRows(ctx, program);
  const history: ProgramSettingsVersionView[] = rows.map((row, i) => ({
    version: row.version,
    at: row.at,
    actor: row.actor,
    reason: row.reason,
    // The rules version a change saved: only a change of the point value saves one.
    rulesVersion: i > 0 && row.pointValueMinor !== rows[i - 1]!.pointValueMinor ? row.ruleVersion : null,
    currency: { code: row.currencyCode, minorDigits: row.currencyDigits },
    changes: i === 0 ? [] : settingsChanges(stateOf(rows[i - 1]!), stateOf(row)),
  }));
  return {
    name: program.name,
    client: program.client,
    currency: program.currency,
    locale: program.locale,
    pointValueMinor: program.pointValueMinor,
    payment: program.payment,
    currencyLocked: currencyLocked(ctx, program.id),
    budgetPerPeriodMinor: program.rules.budget?.perPeriodMinor ?? null,
    rulesVersion: program.rulesVersion,
    history: history.reverse(),
  };
}

function currentState(program: ProgramView): SettingsState {
  return {
    name: program.name,
    client: program.client,
    currency: program.currency,
    locale: program.locale,
    pointValueMinor: program.pointValueMinor,
    sepaDebtor: program.payment.sepaDebtor ?? null,
  };
}

function validSettings(input: SettingsState): ProgramSettingsValues {
  const parsed = parseProgramSettings(input);
  if (!parsed.ok)
    throw new AppError('INVALID_INPUT', `The settings are not valid: ${parsed.problems.join('; ')}.`, {
      problems: parsed.issues,
    });
  return parsed.value;
}

/**
 * Saves a change of the settings as a new version, with its reason, in one transaction that judges it against the
 * settings as they are at that moment. Only the fields given change. A new point value also saves a rules version
 * (the note is the reason): open periods are scored with it, approved ones keep theirs.
 */
export function updateProgramSettings(ctx: CoreContext, input: ProgramSettingsChangeInput): ProgramSettingsView {
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (reason === '')
    throw new AppError(
      'REASON_REQUIRED',
      "Say why the program's settings change: the reason is kept with the new version of the settings.",
    );
  return ctx.store.transaction(() => {
    const program = requireProgram(ctx);
    const before = currentState(program);
    const next = validSettings({
      name: input.name ?? before.name,
      client: input.client ?? before.client,
      currency: input.currency ?? before.currency,
      locale: input.locale ?? before.locale,
      pointValueMinor: input.pointValueMinor ?? before.pointValueMinor,
      sepaDebtor: input.sepaDebtor === undefined ? before.sepaDebtor : input.sepaDebtor,
    });
    const changes = settingsChanges(before, next);
    const currencyChanged =
      next.currency.code !== before.currency.code || next.currency.minorDigits !== before.currency.minorDigits;
    if (currencyChanged && currencyLocked(ctx, program.id))
      throw new AppError(
        'INVALID_INPUT',
        `The currency stays ${before.currency.code}: files were already imported in it, and every amount of the program is written in it.`,
        { field: 'currency' },
      );
    if (currencyChanged && next.currency.minorDigits !== before.currency.minorDigits)
      throw new AppError(
        'INVALID_INPUT',
        `The currency can change only to one with ${before.currency.minorDigits} decimal places, as ${before.currency.code} has: the rules' amounts are kept in its minor units.`,
        { field: 'currency' },
      );
    if (changes.length === 0)
      throw new AppError(
        'INVALID_INPUT',
        `These settings are the ones in force (version ${program.settingsVersion}); nothing to save.`,
        {
          field: 'settings',
        },
      );
    const at = nowIso(ctx);
    let rulesVersion = program.rulesVersion;
    if (next.pointValueMinor !== before.pointValueMinor) {
      rulesVersion += 1;
      const rules = rulesWithPointValue(program.rules, next.pointValueMinor, program.initialPointValueMinor);
      ctx.store.sqlite
        .prepare(
          'INSERT INTO rule_versions (program_id, version, rules_json, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(program.id, rulesVersion, JSON.stringify(rules), reason, at, ctx.actor);
    }
    const version = program.settingsVersion + 1;
    const payment: ProgramPayment = { ...program.payment };
    if (next.sepaDebtor) payment.sepaDebtor = next.sepaDebtor;
    else delete payment.sepaDebtor;
    ctx.store.sqlite
      .prepare(
        `INSERT INTO program_settings_versions (program_id, version, name, client, currency_code, currency_digits, locale,
           payment_json, point_value_minor, rule_version, reason, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        program.id,
        version,
        next.name,
        next.client,
        next.currency.code,
        next.currency.minorDigits,
        next.locale,
        JSON.stringify(payment),
        next.pointValueMinor,
        rulesVersion,
        reason,
        at,
        ctx.actor,
      );
    recordDecision(ctx, 'program.settings', next.name, reason, {
      version,
      fields: changes.map((c) => c.field).join(', '),
      rulesVersion: rulesVersion === program.rulesVersion ? null : rulesVersion,
    });
    if (!getProgram(ctx)) throw new Error('program vanished after a settings change');
    return programSettings(ctx);
  });
}
