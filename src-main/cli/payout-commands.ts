// Verification, approval's proposal, payout files, confirmations and the budget from the command line.
import { readFileSync } from 'node:fs';
import { AppError } from '../core/app-error';
import type { CoreContext } from '../core/context';
import { minorToDecimalString } from '../core/money/minor-units';
import { parseDecimalToMinor } from '../core/money/parse-decimal';
import { requireProgram } from '../core/program/program-store';

function readTemplate(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AppError('INVALID_INPUT', `Cannot read the template file ${path}: ${(error as Error).message}.`);
  }
}
import { VERIFICATION_ACTIONS, type VerificationAction } from '../core/decisions/decision-views';
import type { VerificationQueue } from '../core/verification/verification-views';
import type { Command, Values } from './command-types';
import { asFindingKey, decodeFindingKey, encodeFindingKey, type FindingKey } from '../core/decisions/finding-key';
import { requiredOption, textOption } from './option-values';
import { formatTable } from './format-output';

function money(ctx: CoreContext) {
  const program = requireProgram(ctx);
  return (minor: number) => `${minorToDecimalString(minor, program.currency.minorDigits)} ${program.currency.code}`;
}

/** Fitting lands on the budget to the point value; what is left of the budget is said, not hidden. */
function fittedNote(t: { amountMinor: number; budgetMinor: number | null }, m: (minor: number) => string): string {
  const left = (t.budgetMinor ?? t.amountMinor) - t.amountMinor;
  return left > 0
    ? `, fitted to the budget to the point value (${m(left)} of the budget is less than one point and stays unpaid)`
    : ', fitted to the budget';
}

function formatQueue(q: VerificationQueue): string {
  const rows = q.items.map((i) => [
    i.status,
    i.code,
    encodeFindingKey(i.key),
    i.lineCount || '',
    i.status === 'resolved'
      ? decisionsText(i.decisions)
      : [i.actions.join('/'), ...(i.decisions.length ? [`(${decisionsText(i.decisions)})`] : [])].join(' '),
  ]);
  const rules = q.standingRules ?? [];
  return [
    `Verification of ${q.period}${q.locked ? ' (locked)' : ''}: ${q.open} open, ${q.resolved} resolved.`,
    '',
    formatTable(['Status', 'Finding', 'Key', 'Lines', 'Actions / decisions'], rows),
    '',
    ...q.items.filter((i) => i.status === 'open').map((i) => `  ${encodeFindingKey(i.key)}: ${i.message}`),
    ...(rules.length === 0
      ? []
      : [
          '',
          'Standing decisions (for later periods too):',
          formatTable(
            ['Rule', 'Key', 'Action', 'From', 'Until', 'Reason', 'Ended'],
            rules.map((r) => [
              r.id,
              r.anomalyKey,
              r.action === 'assign' ? `assign to ${r.participantCode ?? ''}` : r.action,
              r.fromPeriod,
              r.ended?.lastPeriod ?? r.untilPeriod ?? 'no end',
              r.reason,
              r.ended ? `after ${r.ended.lastPeriod}: ${r.ended.reason}` : '',
            ]),
          ),
        ]),
  ].join('\n');
}

function decisionsText(decisions: VerificationQueue['items'][number]['decisions']): string {
  return decisions
    .map((d) => {
      const what = `${d.standingRuleId && d.id === 0 ? `standing rule ${d.standingRuleId} ` : d.id ? `#${d.id} ` : ''}${d.action}: ${d.reason}`;
      return d.withdrawal ? `${what} (withdrawn: ${d.withdrawal.reason})` : what;
    })
    .join('; ');
}

function keyOptions(values: Values): FindingKey[] {
  const raw = values.key;
  const list = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  if (list.length === 0) throw new AppError('INVALID_INPUT', 'This command needs --key KEY (see "verify --period").');
  return list.map(findingKeyOption);
}

function idOption(values: Values, name: string, what: string): number {
  const raw = requiredOption(values, name, what);
  if (!/^[1-9]\d{0,14}$/.test(raw.trim()))
    throw new AppError('INVALID_INPUT', `--${name} takes ${what}, not "${raw}".`, { field: name });
  return Number(raw.trim());
}

/** --key as "verify" prints it (UNKNOWN_PARTICIPANT:R0099), or as the JSON of the key that "verify --json" gives. */
function findingKeyOption(raw: string): FindingKey {
  let key: FindingKey | null = null;
  if (raw.trim().startsWith('{')) {
    try {
      key = asFindingKey(JSON.parse(raw));
    } catch {
      key = null;
    }
  } else key = decodeFindingKey(raw);
  if (!key)
    throw new AppError(
      'INVALID_INPUT',
      `--key takes a finding's key as "verify --period" lists it, such as UNKNOWN_PARTICIPANT:R0099, not "${raw}".`,
    );
  return key;
}

export const PAYOUT_COMMANDS: Command[] = [
  {
    words: ['verify', 'resolve'],
    positionals: [],
    options:
      '--period YYYY-MM --key KEY [--key KEY ...] --action accept|exclude|assign|setTarget [--participant CODE] [--target AMOUNT] [--lines ID,ID] [--standing [--until YYYY-MM]] --reason "why"',
    summary:
      'resolve findings of the verification queue, each recorded on its own with the same reason, all or none; --standing: for later periods too',
    async run(ctx, _rest, values) {
      const { resolveFindings } = await import('../core/verification/verification-queue');
      const action = requiredOption(values, 'action', VERIFICATION_ACTIONS.join('|')) as VerificationAction;
      if (!VERIFICATION_ACTIONS.includes(action))
        throw new AppError('INVALID_INPUT', `--action takes ${VERIFICATION_ACTIONS.join(', ')}, not "${action}".`);
      const program = requireProgram(ctx);
      const target = textOption(values, 'target');
      let targetMinor: number | undefined;
      if (target !== undefined) {
        const parsed = parseDecimalToMinor(target, program.currency.minorDigits, program.locale);
        if (!parsed.ok && parsed.code === 'AMOUNT_TOO_LARGE')
          throw new AppError('AMOUNT_TOO_LARGE', `--target ${target} ${parsed.message}; nothing was written.`);
        if (!parsed.ok)
          throw new AppError('INVALID_INPUT', `--target takes an amount such as 2500,00, not "${target}".`);
        targetMinor = parsed.minor;
      }
      const lines = textOption(values, 'lines');
      const keys = keyOptions(values);
      const outcome = resolveFindings(
        ctx,
        {
          period: requiredOption(values, 'period', 'YYYY-MM'),
          keys,
          action,
          ...(textOption(values, 'participant') ? { participantCode: textOption(values, 'participant') } : {}),
          ...(targetMinor !== undefined ? { targetMinor } : {}),
          reason: textOption(values, 'reason') ?? '',
          standing: values.standing === true ? { untilPeriod: textOption(values, 'until') ?? null } : null,
        },
        lines ? lines.split(',').map((id) => Number(id.trim())) : undefined,
      );
      const { queue } = outcome;
      const standing = outcome.standingRuleIds.length
        ? ` Standing rule${outcome.standingRuleIds.length === 1 ? '' : 's'} ${outcome.standingRuleIds.join(', ')} ` +
          'will settle the same findings in later periods.'
        : '';
      return {
        json: { ...queue, resolvedKeys: outcome.resolved, standingRuleIds: outcome.standingRuleIds },
        text:
          `Resolved ${outcome.resolved.length} finding${outcome.resolved.length === 1 ? '' : 's'} ` +
          `(${outcome.resolved.join(', ')}); they are listed as resolved.${standing}\n${formatQueue(queue)}`,
      };
    },
  },
  {
    words: ['verify', 'withdraw'],
    positionals: [],
    options: '--period YYYY-MM --decision ID --reason "why"',
    summary:
      'withdraw a decision of an open period (its id as "verify" lists it): it stays recorded, the finding opens again',
    async run(ctx, _rest, values) {
      const { withdrawDecision } = await import('../core/verification/verification-queue');
      const queue = withdrawDecision(ctx, {
        period: requiredOption(values, 'period', 'YYYY-MM'),
        decisionId: idOption(values, 'decision', 'a decision id'),
        reason: textOption(values, 'reason') ?? '',
      });
      return { json: queue, text: formatQueue(queue) };
    },
  },
  {
    words: ['verify', 'end-standing'],
    positionals: [],
    options: '--rule ID --last YYYY-MM --reason "why"',
    summary: 'end a standing decision: it holds up to the period --last and no later',
    async run(ctx, _rest, values) {
      const { endStandingRule } = await import('../core/verification/verification-queue');
      const rules = endStandingRule(ctx, {
        standingRuleId: idOption(values, 'rule', 'a standing rule id'),
        lastPeriod: requiredOption(values, 'last', 'YYYY-MM'),
        reason: textOption(values, 'reason') ?? '',
      });
      const rule = rules.find((r) => r.ended && r.id === Number(values.rule));
      return {
        json: rules,
        text: `Standing rule ${rule?.id ?? ''} (${rule?.anomalyKey ?? ''}) ends after ${rule?.ended?.lastPeriod ?? ''}.`,
      };
    },
  },
  {
    words: ['verify'],
    positionals: [],
    options: '--period YYYY-MM',
    summary: "the period's verification queue: anomalies with their evidence, open or resolved",
    async run(ctx, _rest, values) {
      const { verificationQueueWithEvidence } = await import('../core/verification/verification-queue');
      const queue = verificationQueueWithEvidence(ctx, requiredOption(values, 'period', 'YYYY-MM'));
      return { json: queue, text: formatQueue(queue) };
    },
  },
  {
    words: ['payouts', 'template'],
    positionals: [],
    options: '[--file TEMPLATE.json | --reset]',
    summary:
      "show the card issuer's template for xlsx and csv payout files; --file saves another, --reset goes back to the built-in one",
    async run(ctx, _rest, values) {
      const { payoutTemplate, setPayoutTemplate } = await import('../core/payouts/payout-template-setting');
      const file = textOption(values, 'file');
      const view =
        values.reset === true
          ? setPayoutTemplate(ctx, null)
          : file
            ? setPayoutTemplate(ctx, readTemplate(file))
            : payoutTemplate(ctx);
      const t = view.template;
      return {
        json: view,
        text: [
          `${view.builtIn ? 'The built-in template' : `The template "${t.name}"`}: ${t.columns.map((c) => `${c.header} (${c.field})`).join(', ')}`,
          `decimal separator "${t.decimalSeparator}", csv separator ${JSON.stringify(t.csvSeparator)}, encoding ${t.encoding}, dates ${t.dateFormat}${t.includeTotalsRow ? ', with a totals row' : ''}.`,
        ].join('\n'),
      };
    },
  },
  {
    words: ['payouts', 'void'],
    positionals: [],
    options: '--batch REF --reason "why"',
    summary: 'void an exported payout batch: its unconfirmed top-ups go back to the balances, to be paid again',
    async run(ctx, _rest, values) {
      const { voidPayoutBatch } = await import('../core/payouts/export-payouts');
      const batch = voidPayoutBatch(
        ctx,
        requiredOption(values, 'batch', 'REF (such as PB-2026-10-1)'),
        textOption(values, 'reason') ?? '',
      );
      return { json: batch, text: `Voided ${batch.batchRef}: its unconfirmed top-ups are back in the balances.` };
    },
  },
  {
    words: ['payouts'],
    positionals: [],
    options: '--period YYYY-MM [--fit-budget] [--only CODE,CODE]',
    summary: 'the top-ups an approval would make (or made): amounts, masked cards, budget, held payouts',
    async run(ctx, _rest, values) {
      const { payoutProposal } = await import('../core/approval/proposal-view');
      const only = textOption(values, 'only')
        ?.split(',')
        .map((c) => c.trim())
        .filter(Boolean);
      const proposal = payoutProposal(ctx, requiredOption(values, 'period', 'YYYY-MM'), {
        fitBudget: values['fit-budget'] === true,
        ...(only ? { only } : {}),
      });
      const m = money(ctx);
      const t = proposal.totals;
      return {
        json: proposal,
        text: [
          `Payouts of ${proposal.period} (${proposal.state}${proposal.locked ? ', as approved' : ''}):`,
          '',
          formatTable(
            ['Code', 'Name', 'Method', 'To', 'Payable', 'Paid now', 'Amount', 'Stays in balance'],
            proposal.rows.map((r) => [
              r.code,
              r.name,
              r.method,
              r.destination,
              r.payablePoints,
              r.points,
              m(r.amountMinor),
              r.unpaidPoints || '',
            ]),
          ),
          '',
          `Total ${t.points} points = ${m(t.amountMinor)}${t.budgetMinor === null ? '' : ` of a budget of ${m(t.budgetMinor)}${t.overBudget ? ' (OVER BUDGET)' : ''}`}${t.fitted ? fittedNote(t, m) : ''}.`,
          proposal.held.length > 0
            ? `Held (stay in the balance): ${proposal.held.map((h) => `${h.code} ${h.points} points (${h.reason === 'inactive' ? 'inactive' : 'no card or IBAN'})`).join('; ')}.`
            : 'Nothing held.',
          proposal.openAnomalies > 0 ? `${proposal.openAnomalies} findings are open in the verification queue.` : '',
        ].join('\n'),
      };
    },
  },
  {
    words: ['export', 'payouts'],
    positionals: [],
    options: '(--period YYYY-MM | --batch REF) --format xlsx|csv|sepa --out FILE',
    summary:
      'write the payout file of an approved period (card issuer: xlsx, csv; bank: sepa), or a batch again in the other card format; again gives the same file',
    async run(ctx, _rest, values) {
      const format = requiredOption(values, 'format', 'xlsx|csv|sepa');
      if (format !== 'xlsx' && format !== 'csv' && format !== 'sepa')
        throw new AppError('INVALID_INPUT', `--format takes xlsx, csv or sepa, not "${format}".`);
      const out = requiredOption(values, 'out', 'FILE');
      const batchRef = textOption(values, 'batch');
      if (batchRef !== undefined && textOption(values, 'period') !== undefined)
        throw new AppError(
          'INVALID_INPUT',
          'Give --period or --batch, not both: --batch names one batch, which has its own period.',
        );
      const [{ prepareBatchExport, prepareExport }, { saveExport }] = await Promise.all([
        import('../core/payouts/export-payouts'),
        import('../core/payouts/export-to-file'),
      ]);
      const result = await saveExport(
        () =>
          batchRef !== undefined
            ? prepareBatchExport(ctx, batchRef, format)
            : prepareExport(ctx, requiredOption(values, 'period', 'YYYY-MM'), format),
        out,
      );
      const m = money(ctx);
      const { bytes: _bytes, ...summary } = result;
      void _bytes;
      const what = result.copy
        ? `${result.reused ? 'Wrote again' : 'Wrote'} ${out}: batch ${result.batch.batchRef} (exported as ${result.batch.format}) as ${format}, the same ${result.batch.rowCount} top-ups, control sum ${m(result.batch.controlSumMinor)}; no new payment`
        : `${result.reused ? 'Nothing new to pay: wrote the earlier file again' : 'Wrote'} ${out}: batch ${result.batch.batchRef}, ${result.batch.rowCount} top-ups, control sum ${m(result.batch.controlSumMinor)}, SHA-256 ${result.batch.sha256.slice(0, 16)}...`;
      return { json: summary, text: what };
    },
  },
  {
    words: ['period', 'close'],
    positionals: [],
    options: '--period YYYY-MM',
    summary: 'close a period once its top-ups are all confirmed paid or failed (or voided)',
    async run(ctx, _rest, values) {
      const { closePeriod } = await import('../core/payouts/close-period');
      const period = requiredOption(values, 'period', 'YYYY-MM');
      closePeriod(ctx, period);
      return { json: { period, state: 'closed' }, text: `Closed ${period}.` };
    },
  },
  {
    words: ['budget'],
    positionals: [],
    options: '',
    summary: 'budgeted, approved, paid and held per period and for the program to date',
    async run(ctx) {
      const { budgetView } = await import('../core/payouts/payout-views');
      const view = budgetView(ctx);
      const m = money(ctx);
      return {
        json: view,
        text: [
          formatTable(
            ['Period', 'State', 'Budget', 'Approved', 'Paid', 'Failed', 'Held'],
            view.periods.map((p) => [
              p.period,
              p.state,
              p.budgetedMinor === null ? '' : m(p.budgetedMinor),
              m(p.approvedMinor),
              m(p.paidMinor),
              m(p.failedMinor),
              m(p.heldMinor),
            ]),
          ),
          '',
          `To date: budget ${m(view.toDate.budgetedMinor)}, approved ${m(view.toDate.approvedMinor)}, paid ${m(view.toDate.paidMinor)}, held ${m(view.toDate.heldMinor)}.`,
        ].join('\n'),
      };
    },
  },
];
