// Plain-text output of the CLI, for a person at a terminal. --json bypasses all of this.
import type { ImportReport, ParticipantRow, ProgramView } from '../ipc/contract';
import { formatMoney } from '../core/money/minor-units';

/** Left-aligned columns separated by two spaces; enough for a terminal, no dependency. */
export function formatTable(headers: string[], rows: (string | number | null)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => (c ?? '').padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

export function formatProgram(p: ProgramView): string {
  const money = (minor: number) => formatMoney(minor, p.currency.code, p.currency.minorDigits, p.locale);
  return [
    `Program:       ${p.name}`,
    `Client:        ${p.client}`,
    `Currency:      ${p.currency.code} (${p.currency.minorDigits} decimals), locale ${p.locale}`,
    `Point value:   ${money(p.pointValueMinor)}`,
    `First period:  ${p.firstPeriod}`,
    `Rules:         version ${p.rulesVersion}: ${p.rules.tiers.length} tiers, ${p.rules.targetBands.length} target bands, ${p.rules.campaigns.length} campaigns, ${p.rules.contests.length} contests`,
    `Cap:           ${p.rules.capPointsPerPeriod === null ? 'none' : `${p.rules.capPointsPerPeriod} points per period`}`,
    `Budget:        ${p.rules.budget === null ? 'none' : `${money(p.rules.budget.perPeriodMinor)} per period`}`,
  ].join('\n');
}

export function formatImportReport(r: ImportReport): string {
  const lines = [
    `Batch ${r.batchId}: ${r.fileName}${r.sheet ? ` (sheet "${r.sheet}", header on row ${r.headerRow})` : ''}`,
    `Rows read ${r.rowsRead}: accepted ${r.accepted} (new ${r.created}, changed ${r.updated}, unchanged ${r.unchanged}), rejected ${r.rejected}, skipped ${r.skipped}.`,
  ];
  if (r.changes.length > 0) {
    lines.push('', 'Changes:');
    for (const c of r.changes) {
      for (const f of c.changes) lines.push(`  ${c.code} (row ${c.row}) ${f.field}: ${f.from ?? '(blank)'} -> ${f.to ?? '(blank)'}`);
    }
  }
  if (r.problems.length > 0) {
    lines.push('', 'Problems:', formatTable(['Row', 'Column', 'Value', 'Reason'], r.problems.map((p) => [p.row, p.column, p.value, p.reason])));
  }
  return lines.join('\n');
}

export function formatParticipants(rows: ParticipantRow[], total: number): string {
  const table = formatTable(
    ['Code', 'Name', 'Status', 'Joined', 'Card', 'Region'],
    rows.map((p) => [p.code, p.name, p.status, p.joinDate, p.cardRef, p.region]),
  );
  return `${table}\n${rows.length === total ? `${total} participants` : `${rows.length} of ${total} participants`}`;
}
