// The rules' versions and the difference between two of them, from the command line, in English.
import type { RulesChange, RulesDiff, RulesDiffValue, RulesFieldChange } from '../core/program/rules-diff';
import { minorToDecimalString } from '../core/money/minor-units';
import { requireProgram } from '../core/program/program-store';
import { AppError } from '../core/app-error';
import type { Command, Values } from './command-types';
import { formatTable } from './format-output';

function versionOption(values: Values, name: string): number {
  const raw = values[name];
  if (typeof raw !== 'string' || !/^[1-9]\d{0,8}$/.test(raw))
    throw new AppError(
      'INVALID_INPUT',
      raw === undefined
        ? `Give --${name} N, a version of the rules as rules versions lists them.`
        : `--${name} takes a version number such as 2, not "${String(raw)}".`,
    );
  return Number(raw);
}

const SECTION: Record<RulesChange['section'], string> = {
  pointValueMinor: 'Point value',
  baseRate: 'Base rate',
  capPointsPerPeriod: 'Cap per period',
  budget: 'Budget per period',
  payout: 'Payouts',
  productRates: 'Product rate',
  tiers: 'Tier',
  targetBands: 'Target band',
  campaigns: 'Campaign',
  contests: 'Contest',
};

const pointsText = (points: number) => `${points} ${points === 1 ? 'point' : 'points'}`;

/** One value in words, money in the program's currency. */
function valueText(value: RulesDiffValue, unit: RulesFieldChange['unit'], digits: number, currency: string): string {
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object' && 'points' in value)
    return `${pointsText(value.points)} per ${minorToDecimalString(value.perMinor, digits)} ${currency}`;
  if (typeof value === 'number') {
    if (unit === 'money') return `${minorToDecimalString(value, digits)} ${currency}`;
    if (unit === 'percent') return `${value}%`;
    if (unit === 'basisPoints') return `${minorToDecimalString(value, 2)}%`;
    if (unit === 'points') return pointsText(value);
  }
  return String(value);
}

export function formatRulesDiff(diff: RulesDiff, digits: number, currency: string): string {
  const head = `Rules version ${diff.from.version} -> ${diff.to.version}`;
  if (diff.changes.length === 0) return `${head}: no difference.`;
  const lines = diff.changes.flatMap((c) => {
    const what = c.item === null ? SECTION[c.section] : `${SECTION[c.section]} ${c.itemName ?? c.item}`;
    if (c.change !== 'changed') return [`${what}: ${c.change}`];
    return c.fields.map(
      (f) =>
        `${what}${c.item === null && f.field === c.section ? '' : ` ${f.field}`}: ` +
        `${valueText(f.from, f.unit, digits, currency)} -> ${valueText(f.to, f.unit, digits, currency)}`,
    );
  });
  return [`${head}:`, ...lines.map((line) => `  ${line}`)].join('\n');
}

export function rulesCommands(): Command[] {
  return [
    {
      words: ['rules', 'versions'],
      positionals: [],
      options: '',
      summary: 'list the versions of the rules, newest first, with the note, date and who saved each (reads only)',
      async run(ctx) {
        const { listRulesVersions } = await import('../core/program/rules-versions');
        const versions = listRulesVersions(ctx);
        const table = formatTable(
          ['version', 'saved', 'by', 'note'],
          versions.map((v) => [`${v.version}${v.inForce ? ' (in force)' : ''}`, v.createdAt, v.createdBy, v.note]),
        );
        return { json: versions, text: table };
      },
    },
    {
      words: ['rules', 'diff'],
      positionals: [],
      options: '--from N --to M',
      summary: 'what changed between two versions of the rules, field by field (reads only)',
      async run(ctx, _rest, values) {
        const { diffRulesVersions } = await import('../core/program/rules-versions');
        const diff = diffRulesVersions(ctx, versionOption(values, 'from'), versionOption(values, 'to'));
        const program = requireProgram(ctx);
        return { json: diff, text: formatRulesDiff(diff, program.currency.minorDigits, program.currency.code) };
      },
    },
  ];
}
