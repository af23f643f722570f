// The audit package's export and verification in words for the terminal.
import type { AuditExportResult, AuditVerification } from '../core/audit/audit-views';
import type { RecomputeResult } from '../core/audit/verify-audit-package';

const short = (hash: string) => `${hash.slice(0, 16)}...`;

export function formatAuditExport(r: AuditExportResult): string {
  return [
    `Wrote ${r.path} (${r.bytes} bytes): ${r.tables} tables with ${r.rows} rows, ${r.originalFiles} original import files, ${r.files} files in all.`,
    `Ledger head ${r.ledgerHead.id} ${r.ledgerHead.hash}; seal chain head ${r.sealHead.id} ${r.sealHead.hash}.`,
    ...(r.batchesWithoutFile.length > 0
      ? [
          `Import batches ${r.batchesWithoutFile.join(', ')} came in before original files were kept: the package has their rows, not their files.`,
        ]
      : []),
    `Check it anywhere with: npx loyalty audit verify ${r.path}`,
  ].join('\n');
}

export function formatRecompute(r: RecomputeResult): string {
  const c = r.counts;
  const what = `${c.periodsRecomputed} approved period${c.periodsRecomputed === 1 ? '' : 's'} recomputed (${c.participantsCompared} participants, ${c.linesCompared} lines, ${c.payoutsCompared} payouts compared)`;
  if (r.differences === 0) return `${what}: each as approved.`;
  return [
    `${what}: ${r.differences} difference${r.differences === 1 ? '' : 's'} from what was approved:`,
    ...r.problems.filter((p) => p.code.startsWith('RECOMPUTE')).map((p) => `  ${p.message}`),
  ].join('\n');
}

export function formatAuditVerification(v: AuditVerification): string {
  const c = v.counts;
  const counted = `${c.files} files, ${c.tables} tables with ${c.rows} rows, ${c.ledgerEntries} ledger entries, ${c.seals} seals; ${c.periodsRecomputed} approved periods recomputed (${c.participantsCompared} participants, ${c.linesCompared} lines, ${c.payoutsCompared} payouts compared)`;
  const heads = `Ledger head ${v.ledgerHead.id} ${short(v.ledgerHead.hash)}; seal chain head ${v.sealHead.id} ${v.sealHead.hash}.`;
  const made = v.manifest
    ? `Package made ${v.manifest.madeAt}${v.manifest.program ? ` for ${v.manifest.program.name}` : ''}.`
    : '';
  if (v.ok) return [`The audit package verifies: ${counted}; nothing differs.`, made, heads].filter(Boolean).join('\n');
  return [
    `The audit package does not verify (${counted}):`,
    ...v.problems.map((p) => `  ${p.message}`),
    ...(v.truncated ? ['  ... and more; the first ones are listed.'] : []),
    made,
    heads,
  ]
    .filter(Boolean)
    .join('\n');
}
