// `program settings`: the program's settings and their versions, or a change of them with a reason, in English.
import { AppError } from '../core/app-error';
import { minorToDecimalString } from '../core/money/minor-units';
import { parseDecimalToMinor } from '../core/money/parse-decimal';
import { requireProgram } from '../core/program/program-store';
import type {
  ProgramSettingsChangeInput,
  ProgramSettingsField,
  ProgramSettingsView,
} from '../core/program/program-settings-views';
import type { Command, Values } from './command-types';
import { textOption } from './option-values';

const FIELD_NAMES: Record<ProgramSettingsField, string> = {
  name: 'Name',
  client: 'Client',
  currency: 'Currency',
  locale: 'Locale',
  pointValueMinor: 'Point value',
  'sepaDebtor.name': 'SEPA debtor name',
  'sepaDebtor.iban': 'SEPA debtor IBAN',
  'sepaDebtor.bic': 'SEPA debtor BIC',
};

const CHANGE_OPTIONS = ['name', 'client', 'currency', 'locale', 'point-value', 'sepa-name', 'sepa-iban', 'sepa-bic'];

/** The decimal places Intl keeps a currency's amounts to (2 for PLN and EUR). */
function currencyDigits(code: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2
    );
  } catch {
    throw new AppError('INVALID_INPUT', `--currency takes a currency's ISO code such as PLN or EUR, not "${code}".`, {
      field: 'currency',
    });
  }
}

function changeOf(values: Values, program: ReturnType<typeof requireProgram>): ProgramSettingsChangeInput | null {
  const given = CHANGE_OPTIONS.some((o) => textOption(values, o) !== undefined) || values['no-sepa'] === true;
  if (!given) return null;
  const change: ProgramSettingsChangeInput = { reason: textOption(values, 'reason') ?? '' };
  const name = textOption(values, 'name');
  const client = textOption(values, 'client');
  const locale = textOption(values, 'locale');
  const currencyCode = textOption(values, 'currency')?.trim().toUpperCase();
  if (name !== undefined) change.name = name;
  if (client !== undefined) change.client = client;
  if (locale !== undefined) change.locale = locale;
  if (currencyCode !== undefined) change.currency = { code: currencyCode, minorDigits: currencyDigits(currencyCode) };
  const pointValue = textOption(values, 'point-value');
  if (pointValue !== undefined) {
    const digits = change.currency?.minorDigits ?? program.currency.minorDigits;
    const parsed = parseDecimalToMinor(pointValue, digits, change.locale ?? program.locale);
    if (!parsed.ok && parsed.code === 'AMOUNT_TOO_LARGE')
      throw new AppError('AMOUNT_TOO_LARGE', `--point-value ${pointValue} ${parsed.message}; nothing was written.`);
    if (!parsed.ok)
      throw new AppError(
        'INVALID_INPUT',
        `--point-value takes what one point is worth, as money such as 0,10, not "${pointValue}".`,
        { field: 'pointValueMinor' },
      );
    change.pointValueMinor = parsed.minor;
  }
  if (values['no-sepa'] === true) change.sepaDebtor = null;
  else {
    const sepa = {
      name: textOption(values, 'sepa-name'),
      iban: textOption(values, 'sepa-iban'),
      bic: textOption(values, 'sepa-bic'),
    };
    if (sepa.name !== undefined || sepa.iban !== undefined || sepa.bic !== undefined) {
      const current = program.payment.sepaDebtor;
      change.sepaDebtor = {
        name: sepa.name ?? current?.name ?? '',
        iban: sepa.iban ?? current?.iban ?? '',
        bic: sepa.bic ?? current?.bic ?? '',
      };
    }
  }
  return change;
}

function valueText(field: ProgramSettingsField, value: string | number | null, digits: number, currency: string) {
  if (value === null) return 'none';
  if (field === 'pointValueMinor' && typeof value === 'number')
    return `${minorToDecimalString(value, digits)} ${currency}`;
  return String(value);
}

export function formatProgramSettings(view: ProgramSettingsView, saved: boolean): string {
  const money = (minor: number) => `${minorToDecimalString(minor, view.currency.minorDigits)} ${view.currency.code}`;
  const newest = view.history[0];
  const lines = [
    ...(saved && newest
      ? [
          `Saved as version ${newest.version} of the settings.` +
            (newest.rulesVersion !== null
              ? ` The point value is in rules version ${newest.rulesVersion}: periods calculated from now on use it; approved periods keep theirs.`
              : ''),
        ]
      : []),
    `Name:          ${view.name}`,
    `Client:        ${view.client}`,
    `Currency:      ${view.currency.code}${view.currencyLocked ? ' (files were imported in it: it stays)' : ''}`,
    `Locale:        ${view.locale}`,
    `Point value:   ${money(view.pointValueMinor)} (rules version ${view.rulesVersion})`,
    `Budget:        ${view.budgetPerPeriodMinor === null ? 'none' : `${money(view.budgetPerPeriodMinor)} per period`} (in the rules: rules set)`,
    `SEPA debtor:   ${view.payment.sepaDebtor ? `${view.payment.sepaDebtor.name}, ${view.payment.sepaDebtor.iban}, ${view.payment.sepaDebtor.bic}` : 'none'}`,
    '',
    'Versions of the settings, newest first:',
  ];
  for (const v of view.history) {
    lines.push(`  ${v.version}  ${v.at}  ${v.actor}  ${v.reason ?? 'Program created'}`);
    for (const c of v.changes)
      lines.push(
        `       ${FIELD_NAMES[c.field]}: ${valueText(c.field, c.from, v.currency.minorDigits, v.currency.code)} -> ${valueText(c.field, c.to, v.currency.minorDigits, v.currency.code)}`,
      );
  }
  return lines.join('\n');
}

export const PROGRAM_SETTINGS_COMMANDS: Command[] = [
  {
    words: ['program', 'settings'],
    positionals: [],
    options:
      '[--name TEXT] [--client TEXT] [--currency CODE] [--locale pl-PL] [--point-value AMOUNT] [--sepa-name TEXT --sepa-iban IBAN --sepa-bic BIC | --no-sepa] --reason "why"',
    summary:
      "the program's settings and their versions; with a change, saves it as a new version (a new point value also as a rules version)",
    async run(ctx, _rest, values) {
      const { programSettings, updateProgramSettings } = await import('../core/program/program-settings');
      const change = changeOf(values, requireProgram(ctx));
      if (change === null) {
        const view = programSettings(ctx);
        return { json: view, text: formatProgramSettings(view, false) };
      }
      const view = updateProgramSettings(ctx, change);
      return { json: view, text: formatProgramSettings(view, true) };
    },
  },
];
