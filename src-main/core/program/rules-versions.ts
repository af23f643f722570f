// The saved versions of the rules, with who saved each and why, and the difference between any two.
import { AppError } from '../app-error';
import type { CoreContext } from '../context';
import { parseRules, type Rules } from './program-config';
import { pointValueOfRules, requireProgram } from './program-store';
import { diffRules, type RulesDiff, type RulesVersionView } from './rules-diff';

interface VersionRow {
  version: number;
  note: string;
  createdAt: string;
  createdBy: string;
  rulesJson: string;
}

function versionRows(ctx: CoreContext, programId: number): VersionRow[] {
  return ctx.store.sqlite
    .prepare(
      `SELECT version, note, created_at AS createdAt, created_by AS createdBy, rules_json AS rulesJson
         FROM rule_versions WHERE program_id = ? ORDER BY version DESC`,
    )
    .all(programId) as VersionRow[];
}

const viewOf = (row: VersionRow, newest: number): RulesVersionView => ({
  version: row.version,
  note: row.note,
  createdAt: row.createdAt,
  createdBy: row.createdBy,
  inForce: row.version === newest,
});

/** Every version of the program's rules, newest first. */
export function listRulesVersions(ctx: CoreContext): RulesVersionView[] {
  const program = requireProgram(ctx);
  const rows = versionRows(ctx, program.id);
  return rows.map((row) => viewOf(row, rows[0]?.version ?? 0));
}

/** What changed from version `from` to version `to` (either may be the older one). */
export function diffRulesVersions(ctx: CoreContext, from: number, to: number): RulesDiff {
  const program = requireProgram(ctx);
  const rows = versionRows(ctx, program.id);
  const newest = rows[0]?.version ?? 0;
  const find = (version: number) => {
    const row = rows.find((r) => r.version === version);
    if (!row)
      throw new AppError('NOT_FOUND', `There is no version ${version} of the rules; the versions are 1 to ${newest}.`, {
        rulesVersion: version,
      });
    return row;
  };
  const a = find(from);
  const b = find(to);
  const named = (rules: Rules): Rules => ({
    ...rules,
    pointValueMinor: pointValueOfRules(rules, program.initialPointValueMinor),
  });
  return {
    from: viewOf(a, newest),
    to: viewOf(b, newest),
    changes: diffRules(named(rulesOf(a)), named(rulesOf(b))),
  };
}

function rulesOf(row: VersionRow): Rules {
  // Stored versions were valid when saved; parsing again fills the defaults a version saved before a field existed.
  const parsed = parseRules(JSON.parse(row.rulesJson));
  if (!parsed.ok)
    throw new AppError(
      'DATABASE_INCONSISTENT',
      `Version ${row.version} of the rules in the database is not valid rules: ${parsed.problems.join('; ')}.`,
    );
  return parsed.value;
}
