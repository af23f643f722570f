// The participants' table saved as a workbook: every participant the filters keep, in the table's order and with the
// columns shown, not only the page in view. Written here rather than from the window's rows, since the window holds
// a few pages of a list that may have 100,000 participants.
import { allParticipants } from '../program/participants/participants-query';
import type { ParticipantField, ParticipantsFilter } from '../program/participants/participant-types';
import type { CoreContext } from '../context';
import { requireProgram } from '../program/program-store';
import { isSecretParticipantField, maskReference } from '../program/participants/mask-reference';
import type { ReportFile } from './report-types';
import { writeTableWorkbook } from './table-workbook';

export interface ParticipantsWorkbookInput {
  filter: ParticipantsFilter;
  /** The sheet's name and the file's, as the screen titles the table. */
  title: string;
  /** The columns shown, in their order, under the headers the screen gives them (in the coordinator's language). */
  columns: readonly { field: ParticipantField; label: string }[];
  /** The words for the two statuses as the screen shows them. */
  statusWords: { active: string; inactive: string };
  /** Card references and IBANs in full (the screen shows them so); by their last four characters otherwise. */
  revealSecrets?: boolean;
}

export async function writeParticipantsWorkbook(
  ctx: CoreContext,
  input: ParticipantsWorkbookInput,
): Promise<ReportFile & { rows: number }> {
  const program = requireProgram(ctx);
  const rows = allParticipants(ctx, input.filter).map((participant) =>
    input.columns.map(({ field }) => {
      if (field === 'status') return input.statusWords[participant.status];
      const value = participant[field] ?? null;
      return value !== null && !input.revealSecrets && isSecretParticipantField(field) ? maskReference(value) : value;
    }),
  );
  const file = await writeTableWorkbook({
    title: input.title,
    currency: program.currency,
    // A join date is a date cell, which the client's spreadsheet sorts and formats as its own.
    columns: input.columns.map((column) => ({
      label: column.label,
      kind: column.field === 'joinDate' ? ('date' as const) : ('text' as const),
    })),
    rows,
  });
  return { ...file, rows: rows.length };
}
