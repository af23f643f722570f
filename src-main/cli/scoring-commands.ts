// Scoring, periods, the ledger and the audit from the command line.
import type { CoreContext } from '../core/context';
import { AppError } from '../core/app-error';
import { MAX_SAFE_AMOUNT, MAX_SAFE_AMOUNT_TEXT } from '../core/money/minor-units';
import { requireProgram } from '../core/program/program-store';
import { sealHead } from '../db/record-seals';
import {
  formatExplanation,
  formatPeriodResult,
  formatPeriods,
  formatVerification,
  formatWhatIf,
} from './format-scoring';
import { formatTable } from './format-output';
import { formatApprovedPayouts } from './format-approved-payouts';
import type { Command, Values } from './command-types';
import { requiredOption, textOption } from './option-values';

/** A seal's hash as `audit head` prints it: 64 hexadecimal digits. */
function anchorOption(values: Values): string | undefined {
  const raw = values.anchor;
  if (raw === undefined) return undefined;
  const anchor = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (!/^[0-9a-f]{64}$/.test(anchor))
    throw new AppError(
      'INVALID_INPUT',
      `--anchor takes a seal hash of 64 hexadecimal digits, as audit head prints it, not "${String(raw)}".`,
    );
  return anchor;
}

function programMoney(ctx: CoreContext) {
  const program = requireProgram(ctx);
  return { digits: program.currency.minorDigits, currency: program.currency.code };
}

export function scoringCommands(readJson: (path: string, what: string) => unknown): Command[] {
  return [
    {
      words: ['periods'],
      positionals: [],
      options: '',
      summary: 'list the periods with their state (open, calculated, approved, exported, closed)',
      async run(ctx) {
        const { listPeriods } = await import('../core/scoring/list-periods');
        const periods = listPeriods(ctx);
        return { json: periods, text: formatPeriods(periods) };
      },
    },
    {
      words: ['score'],
      positionals: [],
      options: '--period YYYY-MM | --all [--record]',
      summary:
        "compute every participant's points for a period (a draft while the period is open, nothing written); --all recomputes every open period in order; --record notes each open period as calculated",
      async run(ctx, _rest, values) {
        const record = values.record === true;
        const [{ calculatePeriod, periodResult, recalculatePeriods }, { listPeriods }] = await Promise.all([
          import('../core/scoring/period-score'),
          import('../core/scoring/list-periods'),
        ]);
        if (values.all === true) {
          const results = recalculatePeriods(
            ctx,
            listPeriods(ctx).map((p) => p.period),
            { record },
          );
          const table = formatTable(
            ['Period', 'State', 'Participants', 'Lines', 'Earned', 'Payable', 'Anomalies'],
            results.map((r) => [
              r.period,
              r.state,
              r.totals.participants,
              r.totals.lines,
              r.totals.earned,
              r.totals.payablePoints,
              r.anomalies.length,
            ]),
          );
          return { json: { periods: results.map((r) => ({ ...r, participants: r.rows })) }, text: table };
        }
        const period = requiredOption(values, 'period', 'YYYY-MM');
        const result = record ? calculatePeriod(ctx, period) : periodResult(ctx, period);
        const { digits, currency } = programMoney(ctx);
        return { json: { ...result, participants: result.rows }, text: formatPeriodResult(result, digits, currency) };
      },
    },
    {
      words: ['explain'],
      positionals: [],
      options: '--period YYYY-MM --participant CODE',
      summary: "show how every point of a participant's period came about, line by line",
      async run(ctx, _rest, values) {
        const { explainParticipant } = await import('../core/scoring/explain');
        const explanation = explainParticipant(
          ctx,
          requiredOption(values, 'period', 'YYYY-MM'),
          requiredOption(values, 'participant', 'CODE'),
        );
        return { json: explanation, text: formatExplanation(explanation) };
      },
    },
    {
      words: ['approve'],
      positionals: [],
      options:
        '--period YYYY-MM [--accept-open-anomalies "reason"] [--override-budget "reason" | --fit-budget] [--only CODE,CODE]',
      summary:
        'post the period to the ledger, create its top-ups and lock it (refused with open findings or over budget unless told how)',
      async run(ctx, _rest, values) {
        const [{ approvePeriod }, { payoutProposal }] = await Promise.all([
          import('../core/approval/approve-period'),
          import('../core/approval/proposal-view'),
        ]);
        const text = (name: string) => textOption(values, name);
        const only = text('only')
          ?.split(',')
          .map((c) => c.trim())
          .filter(Boolean);
        const result = approvePeriod(ctx, requiredOption(values, 'period', 'YYYY-MM'), {
          overrideBudget: text('override-budget'),
          acceptOpenAnomalies: text('accept-open-anomalies'),
          fitBudget: values['fit-budget'] === true,
          ...(only ? { only } : {}),
        });
        const { digits, currency } = programMoney(ctx);
        const paid = formatApprovedPayouts(payoutProposal(ctx, result.period));
        return {
          json: { ...result, participants: result.rows },
          text: `Approved ${result.period}: posted to the ledger and locked.\n\n${formatPeriodResult(result, digits, currency)}\n\n${paid}`,
        };
      },
    },
    {
      words: ['adjust'],
      positionals: [],
      options: '--period YYYY-MM --participant CODE --points N --reason "why" (to take points: --points=-N)',
      summary: 'post a manual adjustment (points may be negative) with its reason',
      async run(ctx, _rest, values) {
        const { addManualAdjustment } = await import('../core/decisions/manual-adjustment');
        const raw = requiredOption(values, 'points', 'N (a whole number, negative to take points)');
        if (!/^-?\d+$/.test(raw.trim()))
          throw new AppError('INVALID_INPUT', `--points takes a whole number, not "${raw}".`);
        // Judged on the digits typed: past 2^53 Number() would already have rounded them.
        const typed = BigInt(raw.trim());
        if (typed > BigInt(MAX_SAFE_AMOUNT) || typed < -BigInt(MAX_SAFE_AMOUNT)) {
          throw new AppError(
            'AMOUNT_TOO_LARGE',
            `--points ${raw.trim()} is past ${MAX_SAFE_AMOUNT_TEXT}, the largest number of points Loyalty Desk counts exactly; nothing was written.`,
            { value: raw.trim(), limit: MAX_SAFE_AMOUNT },
          );
        }
        const result = addManualAdjustment(ctx, {
          period: requiredOption(values, 'period', 'YYYY-MM'),
          participantCode: requiredOption(values, 'participant', 'CODE'),
          points: Number(raw.trim()),
          reason: typeof values.reason === 'string' ? values.reason : '',
        });
        return {
          json: result,
          text: `Posted entry ${result.entryId}: ${result.points > 0 ? '+' : ''}${result.points} points for ${result.participantCode} in ${result.period} (${result.reason}).`,
        };
      },
    },
    {
      words: ['ledger'],
      positionals: [],
      options: '--participant CODE',
      summary: "a participant's ledger entries and balance",
      async run(ctx, _rest, values) {
        const { participantLedger } = await import('../core/ledger/ledger-query');
        const ledger = participantLedger(ctx, requireProgram(ctx).id, requiredOption(values, 'participant', 'CODE'));
        const table = formatTable(
          ['Entry', 'Period', 'Kind', 'Points', 'Rule', 'Source', 'Note'],
          ledger.entries.map((e) => [
            e.id,
            e.period,
            e.kind,
            e.points,
            e.rule,
            e.batchId
              ? `batch ${e.batchId} row ${e.sourceRow}`
              : e.correctsPeriod
                ? `corrects ${e.correctsPeriod}`
                : '',
            e.note,
          ]),
        );
        return {
          json: ledger,
          text: `${table}\n\nBalance of ${ledger.participantCode}: ${ledger.balance} points (${ledger.entryCount} entries).`,
        };
      },
    },
    {
      words: ['rules', 'what-if'],
      positionals: [],
      options: '--period YYYY-MM --rules FILE',
      summary:
        "compare each participant's total and the payout under the current rules and the rules in FILE (nothing saved)",
      async run(ctx, _rest, values) {
        const { whatIf } = await import('../core/scoring/what-if');
        const result = whatIf(
          ctx,
          requiredOption(values, 'period', 'YYYY-MM'),
          readJson(requiredOption(values, 'rules', 'FILE'), 'rules'),
        );
        return { json: result, text: formatWhatIf(result, programMoney(ctx).digits) };
      },
    },
    {
      words: ['rules', 'set'],
      positionals: [],
      options: '--rules FILE --note "why"',
      summary: 'save the rules in FILE as a new version of the program’s rules',
      async run(ctx, _rest, values) {
        const { updateRules } = await import('../core/program/update-rules');
        const program = updateRules(
          ctx,
          readJson(requiredOption(values, 'rules', 'FILE'), 'rules'),
          typeof values.note === 'string' ? values.note : '',
        );
        return { json: program, text: `Saved the rules as version ${program.rulesVersion}.` };
      },
    },
    {
      words: ['audit', 'verify'],
      positionals: ['FILE.zip'],
      positionalsOptional: true,
      options: '[--anchor HASH]',
      summary:
        "recompute the ledger's hash chain and every seal of the money inputs, report any row changed, removed or added behind the app's back, and recompute every approved period; --anchor checks that the chain still holds a head noted earlier; with FILE.zip, the same on an audit package, without any database (reads only)",
      readOnly: true,
      async offline([file], values) {
        if (file === undefined) return null;
        if (values.db !== undefined || values.anchor !== undefined)
          throw new AppError(
            'INVALID_INPUT',
            'audit verify checks either an audit package (FILE.zip) or a database (--db FILE, --anchor), not both.',
          );
        const [{ verifyAuditPackage }, { formatAuditVerification }] = await Promise.all([
          import('../core/audit/verify-audit-package'),
          import('./format-audit'),
        ]);
        const result = verifyAuditPackage(file);
        return { json: result, text: formatAuditVerification(result), exitCode: result.ok ? 0 : 3 };
      },
      async run(ctx, _rest, values) {
        const [{ verifyLiveDatabase }, { formatRecompute }] = await Promise.all([
          import('../core/audit/verify-audit-package'),
          import('./format-audit'),
        ]);
        const anchor = anchorOption(values);
        const { ledger, recompute } = verifyLiveDatabase(ctx.store.sqlite, anchor === undefined ? {} : { anchor });
        const ok = ledger.ok && recompute.differences === 0;
        // A broken ledger is a finding, not a failure to run: the report is printed, and the exit code says it.
        return {
          json: { ...ledger, ok, recompute },
          text: `${formatVerification(ledger)}\n${formatRecompute(recompute)}`,
          exitCode: ok ? 0 : 3,
        };
      },
    },
    {
      words: ['audit', 'head'],
      positionals: [],
      options: '',
      summary:
        'print the head of the seal chain: note it outside the file, and check it later with audit verify --anchor (reads only)',
      readOnly: true,
      run(ctx) {
        const head = sealHead(ctx.store.sqlite);
        return { json: head, text: `Seal ${head.id}: ${head.hash}` };
      },
    },
  ];
}
