// Publishing statements, one transaction per call: every participant's statement is computed from what was approved
// and compared, by the SHA-256 of its content, with the participant's current one (the end of its replaces_id
// line). A participant without one gets a first; a changed one (a correction settled in a later approval, a top-up
// failed or voided) gets a new statement that names the one it replaces; an equal one gets nothing. A published
// statement is never changed (the table's triggers refuse it), so what a participant was shown stays provable.
import { createHash } from 'node:crypto';
import { AppError } from '../../app-error';
import { nowIso, type CoreContext } from '../../context';
import { sealHead } from '../../../db/record-seals';
import { recordDecision } from '../../operator/operator-log';
import { progressEvery, reportProgress } from '../../progress';
import { pointValueOfVersion, requireProgram } from '../../program/program-store';
import type { ProgramView } from '../../program/program-view';
import { periodStatementContents, requireApproval, ruleVersionDate, statementProgram } from './statement-content';
import type {
  PublishCounts,
  PublishedStatement,
  StatementContent,
  YearStatementContent,
  YearStatementPeriod,
} from './statement-types';

interface Candidate {
  code: string;
  approvalId: number | null;
  ruleVersion: number;
  content: StatementContent;
}

export function contentSha256(content: StatementContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * What a statement says about the participant: its content without the program's name, client and locale, which
 * are how it is presented. A new statement is published when this changes (a correction, a failed top-up), not
 * when the program is renamed: that would reissue every participant's statement with the same figures.
 */
function figuresOf(content: StatementContent): string {
  const { name: _name, client: _client, locale: _locale, ...program } = content.program;
  return JSON.stringify({ ...content, program });
}

interface StatementRow {
  id: number;
  kind: 'period' | 'year';
  period: string;
  participant_code: string;
  replaces_id: number | null;
  replaces_at: string | null;
  content_json: string;
  content_sha256: string;
  chain_head: string;
  published_at: string;
}

const CURRENT = `SELECT s.id, s.kind, s.period, s.participant_code, s.replaces_id, r.published_at AS replaces_at,
       s.content_json, s.content_sha256, s.chain_head, s.published_at
  FROM statements s LEFT JOIN statements r ON r.id = s.replaces_id
 WHERE s.program_id = ? AND s.kind = ? AND s.period = ?
   AND NOT EXISTS (SELECT 1 FROM statements n WHERE n.replaces_id = s.id)`;

function publishedOf(row: StatementRow): PublishedStatement {
  return {
    id: row.id,
    kind: row.kind,
    period: row.period,
    participantCode: row.participant_code,
    replaces: row.replaces_id === null ? null : { id: row.replaces_id, publishedAt: row.replaces_at! },
    chainHead: row.chain_head,
    publishedAt: row.published_at,
    content: JSON.parse(row.content_json) as StatementContent,
  };
}

/** The current statement of each participant of a period (or a year), in code order; only `code` when given. */
export function currentStatements(
  ctx: CoreContext,
  kind: 'period' | 'year',
  period: string,
  code?: string,
): PublishedStatement[] {
  const program = requireProgram(ctx);
  const rows = ctx.store.sqlite
    .prepare(`${CURRENT}${code === undefined ? '' : ' AND s.participant_code = ?'} ORDER BY s.participant_code`)
    .all(...(code === undefined ? [program.id, kind, period] : [program.id, kind, period, code])) as StatementRow[];
  return rows.map(publishedOf);
}

function publishCandidates(
  ctx: CoreContext,
  program: ProgramView,
  kind: 'period' | 'year',
  period: string,
  candidates: readonly Candidate[],
): PublishCounts {
  const sqlite = ctx.store.sqlite;
  // The head the figures were read under: the seals of this transaction's own rows come after it.
  const chainHead = sealHead(sqlite).hash;
  const current = new Map(
    (sqlite.prepare(CURRENT).all(program.id, kind, period) as StatementRow[]).map((r) => [r.participant_code, r]),
  );
  const insert = sqlite.prepare(
    `INSERT INTO statements (program_id, kind, period, participant_code, approval_id, rule_version, replaces_id,
       content_json, content_sha256, chain_head, published_at, published_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = nowIso(ctx);
  const counts: PublishCounts = { kind, period, published: 0, replaced: 0, unchanged: 0, chainHead };
  const tick = progressEvery('publishing', candidates.length, 200);
  candidates.forEach((c, i) => {
    const json = JSON.stringify(c.content);
    const sha = createHash('sha256').update(json).digest('hex');
    const before = current.get(c.code);
    if (
      before &&
      (before.content_sha256 === sha ||
        figuresOf(JSON.parse(before.content_json) as StatementContent) === figuresOf(c.content))
    )
      counts.unchanged += 1;
    else {
      insert.run(
        program.id,
        kind,
        period,
        c.code,
        c.approvalId,
        c.ruleVersion,
        before?.id ?? null,
        json,
        sha,
        chainHead,
        at,
        ctx.actor,
      );
      if (before) counts.replaced += 1;
      else counts.published += 1;
    }
    tick(i + 1);
  });
  if (counts.published + counts.replaced > 0)
    recordDecision(ctx, `statements.publish.${kind}`, period, null, {
      published: counts.published,
      replaced: counts.replaced,
      unchanged: counts.unchanged,
    });
  return counts;
}

/** Publishes the statements of every participant of an approved period. */
export function publishStatements(ctx: CoreContext, period: string): PublishCounts {
  return ctx.store.transaction(() => {
    const program = requireProgram(ctx);
    const approval = requireApproval(ctx, program, period);
    reportProgress('publishing');
    const contents = periodStatementContents(ctx, program, approval);
    return publishCandidates(
      ctx,
      program,
      'period',
      period,
      [...contents].map(([code, content]) => ({
        code,
        approvalId: approval.id,
        ruleVersion: approval.ruleVersion,
        content,
      })),
    );
  });
}

function requireYear(year: string): void {
  if (!/^\d{4}$/.test(year))
    throw new AppError('INVALID_INPUT', `A year is written YYYY, such as 2026, not "${year}".`);
}

function yearContents(ctx: CoreContext, program: ProgramView, year: string, code?: string): Candidate[] {
  const approvals = ctx.store.sqlite
    .prepare(`SELECT period FROM approved_periods WHERE program_id = ? AND period LIKE ? || '-%' ORDER BY period`)
    .all(program.id, year) as { period: string }[];
  if (approvals.length === 0)
    throw new AppError('PERIOD_NOT_APPROVED', `No period of ${year} is approved: there is nothing to sum.`, { year });
  const byCode = new Map<
    string,
    { name: string; approvalId: number; ruleVersion: number; rows: YearStatementPeriod[] }
  >();
  for (const { period } of approvals) {
    const approval = requireApproval(ctx, program, period);
    for (const [c, s] of periodStatementContents(ctx, program, approval, code)) {
      const sum = (status: string) =>
        s.payouts
          .filter((p) => (status === 'loaded' ? p.status === 'loaded' : p.status !== 'loaded'))
          .reduce((total, p) => total + p.amountMinor, 0);
      const entry = byCode.get(c) ?? { name: s.participant.name, approvalId: 0, ruleVersion: 0, rows: [] };
      entry.name = s.participant.name;
      entry.approvalId = approval.id;
      entry.ruleVersion = approval.ruleVersion;
      entry.rows.push({
        period,
        rulesVersion: approval.ruleVersion,
        earned: s.figures.earned,
        prize: s.figures.prize,
        total: s.figures.total,
        adjustments: s.figures.adjustments,
        corrections: s.figures.corrections,
        payablePoints: s.figures.payablePoints,
        loadedMinor: sum('loaded'),
        failedMinor: sum('failed'),
        balancePoints: s.balancePoints,
      });
      byCode.set(c, entry);
    }
  }
  if (code !== undefined && !byCode.has(code))
    throw new AppError('NOT_FOUND', `${code} has no statement in any approved period of ${year}.`, { code });
  // The point value the year's last period was approved under (as a period statement names its own), not today's.
  const programAt = new Map<number, ReturnType<typeof statementProgram>>();
  return [...byCode].map(([c, e]) => {
    let program_ = programAt.get(e.ruleVersion);
    if (!program_) {
      program_ = statementProgram(program, pointValueOfVersion(ctx, program, e.ruleVersion));
      programAt.set(e.ruleVersion, program_);
    }
    const add = (key: keyof Omit<YearStatementPeriod, 'period' | 'rulesVersion'>) =>
      e.rows.reduce((total, r) => total + r[key], 0);
    const content: YearStatementContent = {
      kind: 'year',
      program: program_,
      year,
      participant: { code: c, name: e.name },
      rules: { version: e.ruleVersion, createdAt: ruleVersionDate(ctx.store.sqlite, program.id, e.ruleVersion) },
      periods: e.rows,
      totals: {
        earned: add('earned'),
        prize: add('prize'),
        total: add('total'),
        adjustments: add('adjustments'),
        corrections: add('corrections'),
        payablePoints: add('payablePoints'),
        loadedMinor: add('loadedMinor'),
        failedMinor: add('failedMinor'),
        balancePoints: e.rows.at(-1)!.balancePoints,
      },
    };
    return { code: c, approvalId: e.approvalId, ruleVersion: e.ruleVersion, content };
  });
}

/** Publishes the year statements of `year` (YYYY): every participant's, or only `code`'s. */
export function publishYearStatements(ctx: CoreContext, year: string, code?: string): PublishCounts {
  requireYear(year);
  return ctx.store.transaction(() => {
    const program = requireProgram(ctx);
    return publishCandidates(ctx, program, 'year', year, yearContents(ctx, program, year, code));
  });
}
