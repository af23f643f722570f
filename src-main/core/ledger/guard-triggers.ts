// The append-only triggers a database must have, as the app's own migrations create them: read
// from drizzle/*.sql in journal order (a later DROP TRIGGER takes one out), so that a trigger
// added by a future migration is checked without a list to keep up to date, and a trigger that
// someone replaced by one of the same name that refuses nothing (`WHEN 0`, another table) is
// told apart from the real one by its text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '../../db/project-paths';

export interface GuardTrigger {
  name: string;
  table: string;
  /** The CREATE TRIGGER statement as SQLite keeps it in sqlite_master, whitespace collapsed. */
  sql: string;
}

export function normalizeSql(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}

/**
 * The triggers of the migrations the file went through (`applied`: their journal `when`, as
 * __drizzle_migrations keeps it; all when unknown), or null when the migrations cannot be read
 * (the caller then checks names only). A file not yet migrated is not blamed for a later trigger.
 */
export function expectedGuardTriggers(applied?: ReadonlySet<number>, folder?: string): GuardTrigger[] | null {
  try {
    const dir = folder ?? join(findProjectRoot(), 'drizzle');
    const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string; when: number }[];
    };
    const guards = new Map<string, GuardTrigger>();
    for (const { tag, when } of journal.entries) {
      if (applied && !applied.has(when)) continue;
      for (const chunk of readFileSync(join(dir, `${tag}.sql`), 'utf8').split('--> statement-breakpoint')) {
        const dropped = /DROP TRIGGER (?:IF EXISTS )?[`"]?(\w+)/i.exec(chunk);
        if (dropped) guards.delete(dropped[1]!);
        const start = chunk.search(/CREATE TRIGGER/i);
        if (start < 0) continue;
        const statement = chunk.slice(start, chunk.lastIndexOf('END') + 3);
        const head = /CREATE TRIGGER [`"]?(\w+)[`"]?[\s\S]*? ON [`"]?(\w+)/i.exec(statement);
        if (!head) continue;
        guards.set(head[1]!, { name: head[1]!, table: head[2]!, sql: normalizeSql(statement) });
      }
    }
    return [...guards.values()];
  } catch {
    return null;
  }
}
