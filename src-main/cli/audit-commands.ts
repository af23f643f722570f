// The audit package from the command line: `audit export` writes it; `audit verify FILE.zip` (scoring-commands.ts, with
// the live file's `audit verify`) checks one.
import type { Command } from './command-types';
import { requiredOption } from './option-values';
import { formatAuditExport } from './format-audit';

export const AUDIT_COMMANDS: Command[] = [
  {
    words: ['audit', 'export'],
    positionals: [],
    options: '--out FILE.zip',
    summary:
      'write the audit package: every table as CSV, the ledger also as xlsx, the original import files, every rule version, the payout files, and a manifest with the SHA-256 of each file and the chain heads (reads only)',
    readOnly: true,
    async run(ctx, _rest, values) {
      const out = requiredOption(values, 'out', 'FILE.zip');
      const { exportAuditPackage } = await import('../core/audit/export-audit-package');
      const result = exportAuditPackage(ctx, out);
      return { json: result, text: formatAuditExport(result) };
    },
  },
];
