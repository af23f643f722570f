// The wrong client's file, or the right client's file of another program, is read without
// a single refused row: its codes are simply unknown. Row-by-row warnings bury that under
// a hundred lines; this summary says it once, at the top of the preview, before commit.
import type { UnknownCodesSummary } from '../report/import-report';

const EXAMPLES = 5;

/**
 * Counts distinct participant codes and lines over the whole file, and says whether most
 * codes are unknown.
 *
 * Threshold: more than half of the distinct codes. A month of the right program brings a few
 * recruits the participants file has not caught up with (the demo and the samples: under
 * 10 %, a recruiting drive perhaps a quarter); a file of another program or client shares
 * almost none (over 90 %). Half sits far from both, so it neither cries wolf every month nor
 * misses a wrong file. A program that knows no participant yet is not flagged here: every
 * code is unknown by necessity and the file-wide warning of unknown-values.ts says so.
 */
export class UnknownCodesCounter {
  private readonly all = new Set<string>();
  private readonly unknown = new Set<string>();
  private readonly examples: string[] = [];
  private lines = 0;
  private unknownLines = 0;

  constructor(private readonly known: ReadonlySet<string>) {}

  note(code: string): void {
    this.lines++;
    this.all.add(code);
    if (this.known.has(code)) return;
    this.unknownLines++;
    if (this.unknown.has(code)) return;
    this.unknown.add(code);
    if (this.examples.length < EXAMPLES) this.examples.push(code);
  }

  /** The figures when most codes are unknown to a program that knows some; otherwise null. */
  summary(): UnknownCodesSummary | null {
    if (this.known.size === 0 || this.unknown.size * 2 <= this.all.size) return null;
    return {
      codes: this.all.size,
      unknownCodes: this.unknown.size,
      lines: this.lines,
      unknownLines: this.unknownLines,
      examples: [...this.examples],
    };
  }
}
