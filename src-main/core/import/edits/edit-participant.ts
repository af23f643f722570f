// A participant corrected in the app: the same record of history as a participants file's update (a batch, a
// participant_changes row per field, sealed), so that the detail panel, the audit's recomputation of earlier periods
// and the audit package read an edit exactly as they read an import. Who and why go to the operator log.
import { isSecretParticipantField, maskReference } from '../../program/participants/mask-reference';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../app-error';
import { nowIso, type CoreContext } from '../../context';
import { importBatches, participantChanges, participants } from '../../../db/schema';
import { recordDecision } from '../../operator/operator-log';
import { requireProgram } from '../../program/program-store';
import { getParticipant } from '../../program/participants/participants-query';
import type { ParticipantDetail } from '../../program/participants/participant-types';
import { parseIban } from '../cells/parse-iban';
import { insertImportFile } from '../jobs/record-import-batch';
import {
  EDITABLE_PARTICIPANT_FIELDS,
  participantEditSchema,
  type EditableValues,
  type ParticipantEdit,
} from './participant-edit-schema';

/** The file name the edit's batch carries in the import history and the audit package. */
export function participantEditFileName(code: string, at: string): string {
  return `participant-edit-${code}-${at.replace(/[:.]/g, '-')}.json`;
}

function blankToNull(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** The values as they will be stored, each judged as an import would judge the cell. */
function cleanValues(values: EditableValues): EditableValues {
  const name = values.name.trim();
  if (name === '')
    throw new AppError('INVALID_INPUT', 'A participant needs a name; the name field is empty.', { field: 'name' });
  const ibanText = blankToNull(values.iban);
  let iban: string | null = null;
  if (ibanText !== null) {
    const parsed = parseIban(ibanText);
    if (!parsed.ok)
      throw new AppError('INVALID_INPUT', `The IBAN "${ibanText}" ${parsed.reason}; nothing was saved.`, {
        field: 'iban',
        value: ibanText,
      });
    iban = parsed.iban;
  }
  const joinDate = blankToNull(values.joinDate);
  if (joinDate !== null && !isCalendarDate(joinDate))
    throw new AppError('INVALID_INPUT', `The join date "${joinDate}" is not a date (YYYY-MM-DD); nothing was saved.`, {
      field: 'joinDate',
      value: joinDate,
    });
  return {
    name,
    cardRef: blankToNull(values.cardRef),
    iban,
    status: values.status,
    region: blankToNull(values.region),
    joinDate,
  };
}

function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    date.getUTCFullYear() === Number(m[1]) &&
    date.getUTCMonth() === Number(m[2]) - 1 &&
    date.getUTCDate() === Number(m[3])
  );
}

/**
 * Saves the corrected fields as a new version of the participant, in one transaction: a batch named after the edit
 * (its JSON kept as the batch's file), one participant_changes row per changed field, the operator log with the
 * reason. What the form started from is compared with the participant inside that transaction: an import or another
 * window that changed any of these fields since is refused (PARTICIPANT_CHANGED), never overwritten.
 */
export function editParticipant(ctx: CoreContext, input: ParticipantEdit): ParticipantDetail {
  const edit = participantEditSchema.parse(input);
  const reason = edit.reason.trim();
  if (reason === '')
    throw new AppError('REASON_REQUIRED', 'Say why the participant is corrected: the reason is kept with the change.');
  const values = cleanValues(edit.values);
  ctx.store.transaction(() => {
    const program = requireProgram(ctx);
    const row = ctx.store.db
      .select()
      .from(participants)
      .where(and(eq(participants.programId, program.id), eq(participants.code, edit.code)))
      .get();
    if (!row)
      throw new AppError('NOT_FOUND', `There is no participant with the code "${edit.code}".`, { code: edit.code });
    const moved = EDITABLE_PARTICIPANT_FIELDS.filter((f) => (row[f] ?? null) !== (edit.expected[f] ?? null));
    if (moved.length > 0)
      throw new AppError(
        'PARTICIPANT_CHANGED',
        `Participant ${edit.code} was changed since the form was opened (${moved.join(', ')}: now ` +
          `${moved.map((f) => JSON.stringify(row[f])).join(', ')}); nothing was saved. Open the participant again.`,
        { code: edit.code, fields: moved },
      );
    const changes = EDITABLE_PARTICIPANT_FIELDS.filter((f) => (row[f] ?? null) !== values[f]).map((field) => ({
      field,
      from: row[field] ?? null,
      to: values[field],
    }));
    if (changes.length === 0)
      throw new AppError('INVALID_INPUT', `Nothing to save: participant ${edit.code} already has these values.`, {
        code: edit.code,
      });
    const at = nowIso(ctx);
    const fileName = participantEditFileName(edit.code, at);
    const bytes = Buffer.from(
      JSON.stringify({ participant: edit.code, at, by: ctx.actor, reason, changes }, null, 2),
      'utf8',
    );
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // Written here rather than by insertImportBatch: an edit has no sheet and no header row.
    const batchId = ctx.store.db
      .insert(importBatches)
      .values({
        programId: program.id,
        kind: 'participants',
        fileName,
        fileSize: bytes.byteLength,
        sha256,
        mappingJson: '{}',
        rowsRead: 1,
        accepted: 1,
        rejected: 0,
        skipped: 0,
        createdAt: at,
        createdBy: ctx.actor,
      })
      .returning({ id: importBatches.id })
      .get().id;
    insertImportFile(ctx, batchId, bytes);
    ctx.store.db
      .update(participants)
      .set({ ...values, updatedBatchId: batchId, updatedAt: at })
      .where(eq(participants.id, row.id))
      .run();
    for (const c of changes)
      ctx.store.db
        .insert(participantChanges)
        .values({
          participantId: row.id,
          batchId,
          sourceRow: null,
          field: c.field,
          oldValue: c.from,
          newValue: c.to,
          createdAt: at,
        })
        .run();
    // The log says which fields changed; a card or an account only by its last four characters (the record and its
    // history keep the full value).
    const logged = changes.map((c) =>
      isSecretParticipantField(c.field)
        ? { ...c, from: c.from === null ? null : maskReference(c.from), to: c.to === null ? null : maskReference(c.to) }
        : c,
    );
    recordDecision(ctx, 'participant.edit', edit.code, reason, { batchId, changes: logged });
  });
  return getParticipant(ctx, edit.code);
}
