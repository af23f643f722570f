// What an open period's draft says at a glance: participants, points, findings open and resolved. The findings of an
// open period exist only as the draft finds them, so this scores it (nothing written); since the Dashboard and the
// navigation's counts ask again after every change, the answer is kept until the next write to the file.
import type { CoreContext } from '../context';
import type { ProgramView } from '../program/program-view';
import { cachedSinceLastWrite } from '../scoring/draft-cache';
import { draftScore } from '../scoring/period-score';
import { verificationQueue } from '../verification/verification-queue';

export interface OpenPeriodDraft {
  participants: number;
  points: number;
  openFindings: number;
  resolvedFindings: number;
  rows: { code: string; name: string; tier: string | null; attainmentBp: number | null; total: number }[];
}

function scoreDraft(ctx: CoreContext, program: ProgramView, period: string): OpenPeriodDraft {
  const { score } = draftScore(ctx, program, period, { keepLines: true });
  // Counted as the Verification screen lists them: the same queue, kept with the draft until the next write.
  const queue = verificationQueue(ctx, period);
  return {
    participants: score.totals.participants,
    points: score.totals.earned + score.totals.prizes,
    openFindings: queue.open,
    resolvedFindings: queue.resolved,
    rows: score.rows.map((r) => ({
      code: r.code,
      name: r.name,
      tier: r.tier,
      attainmentBp: r.attainmentBp,
      total: r.total,
    })),
  };
}

export function openPeriodDraft(ctx: CoreContext, program: ProgramView, period: string): OpenPeriodDraft {
  return cachedSinceLastWrite(ctx.store.sqlite, `glance ${program.id} ${program.rulesVersion} ${period}`, () =>
    scoreDraft(ctx, program, period),
  );
}
