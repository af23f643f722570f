// Contests: among eligible participants with earned > 0, by earned descending; ties by the
// contest's tie-break keys (earlier join date, then lower code in plain string order).
import type { Rules } from '../program/program-config';
import type { PrizeAward } from './score-types';

type Contest = Rules['contests'][number];

export interface ContestEntrant {
  code: string;
  joinDate: string | null;
  earned: number;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders entrants by the contest's ranking; a missing join date ranks after any date. */
function rankEntrants(contest: Contest, entrants: readonly ContestEntrant[]): ContestEntrant[] {
  return [...entrants].sort((a, b) => {
    if (a.earned !== b.earned) return b.earned - a.earned;
    for (const key of contest.tieBreak) {
      if (key === 'joinDate') {
        if (a.joinDate === b.joinDate) continue;
        if (a.joinDate === null) return 1;
        if (b.joinDate === null) return -1;
        return compareText(a.joinDate, b.joinDate);
      }
      const byCode = compareText(a.code, b.code);
      if (byCode !== 0) return byCode;
    }
    // Codes are unique, so this only happens with a tie-break list that leaves out the code.
    return compareText(a.code, b.code);
  });
}

/** Prizes of one contest for the period, by participant code. */
export function awardPrizes(
  contest: Contest,
  period: string,
  entrants: readonly ContestEntrant[],
): Map<string, PrizeAward> {
  const eligible = entrants.filter(
    (e) => e.earned > 0 && contest.eligibility === 'joinedInPeriod' && e.joinDate?.slice(0, 7) === period,
  );
  const awards = new Map<string, PrizeAward>();
  rankEntrants(contest, eligible)
    .slice(0, contest.prizes.length)
    .forEach((entrant, index) => {
      awards.set(entrant.code, { contestId: contest.id, place: index + 1, points: contest.prizes[index] ?? 0 });
    });
  return awards;
}
