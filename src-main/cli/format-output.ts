// Plain-text output of the CLI, for a person at a terminal. --json bypasses all of this.
import type { ImportPreview, ImportProblem, ImportReport } from '../ipc/contract';
import type { ParticipantRow } from '../core/program/participants/participant-types';
import type { ProgramView } from '../core/program/program-view';
import { formatMoney } from '../core/money/minor-units';

/** Left-aligned columns separated by two spaces; enough for a terminal, no dependency. */
export function formatTable(headers: string[], rows: (string | number | null)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => (c ?? '').padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
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

function problemsTable(problems: readonly ImportProblem[]): string {
  return formatTable(
    ['Row', 'Column', 'Value', 'Reason'],
    problems.map((p) => [p.row, p.column, p.value, p.reason]),
  );
}

/** What --dry-run shows: everything the import would do, with nothing written. */
export function formatImportPreview(p: ImportPreview): string {
  const lines = [
    `Preview, nothing written: ${p.kind} from ${p.fileName}${p.sheet ? ` (sheet "${p.sheet}", header on row ${p.headerRow})` : ` (header on row ${p.headerRow})`}`,
  ];
  if (p.period) lines.push(`Period: ${p.period}`);
  lines.push(
    `Rows read ${p.rowsRead}: accepted ${p.accepted}, rejected ${p.rejected}, skipped ${p.skipped}, duplicates ${p.duplicates}.`,
  );
  const mapped = p.fields
    .filter((f) => f.header !== null)
    .map(
      (f) =>
        `${f.field} <- "${f.header}"${f.source === 'remembered' || f.source === 'explicit' ? ` (${f.source})` : ''}`,
    );
  lines.push(`Columns: ${mapped.join(', ')}`);
  const change = p.layoutChange;
  if (change) {
    const parts = [
      change.added.length > 0 ? `new ${change.added.map((h) => `"${h}"`).join(', ')}` : '',
      change.removed.length > 0 ? `gone ${change.removed.map((h) => `"${h}"`).join(', ')}` : '',
    ].filter(Boolean);
    lines.push(
      `The columns changed since batch ${change.previousBatchId} (${change.previousFileName}): ${parts.join('; ')}.`,
    );
  }
  const r = p.replacement;
  if (r) {
    lines.push(
      `Replaces batch ${r.replacesBatchId} (${r.replacesFileName}): lines added ${r.added}, removed ${r.removed}, changed ${r.changed}, unchanged ${r.unchanged}.`,
    );
    for (const e of r.examples) lines.push(`  ${e.change} ${e.key}: ${e.before ?? '-'} -> ${e.after ?? '-'}`);
  }
  if (p.problems.length > 0) lines.push('', 'Problems:', problemsTable(p.problems));
  return lines.join('\n');
}

/** What the accepted rows did: sales lines are stored as they are; a targets row may hold several months. */
function acceptedDetail(r: ImportReport): string {
  if (r.kind === 'sales') return '';
  const what = r.kind === 'targets' ? 'targets: ' : '';
  return ` (${what}new ${r.created}, changed ${r.updated}, unchanged ${r.unchanged})`;
}

export function formatImportReport(r: ImportReport): string {
  const duplicates = r.duplicates ? `, duplicates ${r.duplicates}` : '';
  const lines = [
    `Batch ${r.batchId}: ${r.kind} from ${r.fileName}${r.sheet ? ` (sheet "${r.sheet}", header on row ${r.headerRow})` : ''}`,
    `Rows read ${r.rowsRead}: accepted ${r.accepted}${acceptedDetail(r)}, rejected ${r.rejected}, skipped ${r.skipped}${duplicates}.`,
  ];
  if (r.period) lines.push(`Period: ${r.period}`);
  if (r.replacedBatchId) lines.push(`Batch ${r.replacedBatchId} is superseded by this one; its lines stay on record.`);
  if (r.changes.length > 0) {
    lines.push('', 'Changes:');
    for (const c of r.changes) {
      for (const f of c.changes)
        lines.push(`  ${c.code} (row ${c.row}) ${f.field}: ${f.from ?? '(blank)'} -> ${f.to ?? '(blank)'}`);
    }
  }
  if (r.problems.length > 0) {
    lines.push('', 'Problems:', problemsTable(r.problems));
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
