// A rule change is a new version; periods already calculated or approved keep the version they used.
import { AppError } from '../app-error';
import { nowIso, type CoreContext } from '../context';
import { recordDecision } from '../operator/operator-log';
import type { ProgramView } from './program-view';
import { parseRules } from './program-config';
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

export function updateRules(ctx: CoreContext, input: unknown, note: string): ProgramView {
  const rules = validRules(input);
  const why = note.trim();
  if (why === '')
    throw new AppError(
      'REASON_REQUIRED',
      'Say what the rule change is for: the note is kept with the new version of the rules.',
    );
  return ctx.store.transaction(() => {
    const program = requireProgram(ctx);
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
