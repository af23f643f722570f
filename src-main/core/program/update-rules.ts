// A rule change is a new version; periods already calculated or approved keep the version they used.
import { AppError } from '../app-error';
import { nowIso, type CoreContext } from '../context';
import { recordDecision } from '../operator/operator-log';
import type { ProgramView } from './program-view';
import { parseRules, type Rules } from './program-config';
import { requireProgram, getProgram } from './program-store';

export function validRules(input: unknown) {
  const parsed = parseRules(input);
  if (!parsed.ok)
    throw new AppError(
      'INVALID_RULES',
      `The rules are not valid: ${parsed.problems.map((p) => `rules.${p}`).join('; ')}.`,
      { problems: parsed.issues },
    );
  return parsed.value;
}

/**
 * The rules with the point value they stand for: named only where it is not the program's as created, so that a rules
 * file or form that never names it keeps the value in force and versions saved before it existed read the same.
 */
export function rulesWithPointValue(rules: Rules, pointValueMinor: number, initialPointValueMinor: number): Rules {
  const { pointValueMinor: _named, ...rest } = rules;
  return pointValueMinor === initialPointValueMinor ? rest : { ...rest, pointValueMinor };
}

export function updateRules(ctx: CoreContext, input: unknown, note: string): ProgramView {
  let rules = validRules(input);
  const why = note.trim();
  if (why === '')
    throw new AppError(
      'REASON_REQUIRED',
      'Say what the rule change is for: the note is kept with the new version of the rules.',
    );
  return ctx.store.transaction(() => {
    const program = requireProgram(ctx);
    if (rules.pointValueMinor !== undefined && rules.pointValueMinor !== program.pointValueMinor)
      throw new AppError(
        'INVALID_INPUT',
        "The point value is changed in the program's settings (Settings, or program settings --point-value), with a reason; these rules keep the one in force.",
        { field: 'pointValueMinor' },
      );
    rules = rulesWithPointValue(rules, program.pointValueMinor, program.initialPointValueMinor);
    if (JSON.stringify(rules) === JSON.stringify(program.rules)) {
      throw new AppError(
        'INVALID_INPUT',
        `These rules are the same as version ${program.rulesVersion}; nothing to save.`,
      );
    }
    const version = program.rulesVersion + 1;
    ctx.store.sqlite
      .prepare(
        'INSERT INTO rule_versions (program_id, version, rules_json, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(program.id, version, JSON.stringify(rules), why, nowIso(ctx), ctx.actor);
    recordDecision(ctx, 'rules.update', `version ${version}`, why, { from: program.rulesVersion, to: version });
    return getProgram(ctx)!;
  });
}
