// The client's participants file -> the participants table, with the history of every field.
import { eq } from 'drizzle-orm';
import { participantChanges, participants } from '../../db/schema';
import type { CoreContext } from '../context';
import { nowIso } from '../context';
import { defineImport, type FieldTable, type FieldValues } from '../import/field-definitions';
import { CARD, EMAIL, IBAN, JOIN_DATE, PARTICIPANT_CODE, PARTICIPANT_NAME, PHONE, REGION, STATUS } from '../import/header-synonyms';
import { readImportTable, type AcceptedRow } from '../import/import-pipeline';
import type { FieldChange, ImportReport, ParticipantChangeReport } from '../import/import-report';
import { parseDateCell } from '../import/parse-date-cell';
import { parseEmailCell } from '../import/parse-email-cell';
import { parseIbanCell } from '../import/parse-iban';
import { parseStatusCell } from '../import/parse-status-cell';
import { textParser } from '../import/parse-text-cell';
import { insertImportBatch, insertImportProblems, refuseRepeatedFile, sha256Hex } from '../import/record-import-batch';
import { recordDecision } from '../operator/operator-log';
import { requireProgram } from '../program/program-store';

export interface ImportFileInput {
  fileName: string;
  bytes: Uint8Array;
  /** A sheet chosen by name; otherwise the first sheet whose headers are recognised. */
  sheet?: string;
  /** Columns chosen by header text for fields whose headers are not among the synonyms: `{ code: 'Nr' }`. */
  mapping?: Record<string, string>;
}

export const participantFields = {
  // Codes stay within what participants.get accepts, so that every imported code can be looked up.
  code: { required: true, synonyms: PARTICIPANT_CODE, parse: textParser(100) },
  name: { required: true, synonyms: PARTICIPANT_NAME, parse: textParser() },
  email: { required: false, synonyms: EMAIL, parse: (cell) => parseEmailCell(cell) },
  phone: { required: false, synonyms: PHONE, parse: textParser() },
  region: { required: false, synonyms: REGION, parse: textParser() },
  joinDate: { required: false, synonyms: JOIN_DATE, parse: parseDateCell },
  cardRef: { required: false, synonyms: CARD, parse: textParser() },
  iban: { required: false, synonyms: IBAN, parse: parseIbanCell },
  status: { required: false, synonyms: STATUS, parse: parseStatusCell },
} satisfies FieldTable;

export const participantsImport = defineImport({ kind: 'participants', fields: participantFields, duplicateKey: ['code'] });

type ParticipantValues = FieldValues<typeof participantFields>;

/** The fields a file can set on a participant, in the order changes are reported. */
const STORED_FIELDS = ['name', 'email', 'phone', 'region', 'joinDate', 'cardRef', 'iban', 'status'] as const;
type StoredField = (typeof STORED_FIELDS)[number];
interface StoredRecord {
  name: string;
  email: string | null;
  phone: string | null;
  region: string | null;
  joinDate: string | null;
  cardRef: string | null;
  iban: string | null;
  status: 'active' | 'inactive';
}
type Comparable = Record<StoredField, string | null>;

/**
 * What the row says about each field; undefined where the file has no such column.
 * A column that is absent leaves the field as it is: a file of codes and emails must not
 * wipe cards and IBANs. A column that is present but blank clears the field: the client's
 * list is the master, and a card or IBAN they removed must not stay a payout destination.
 * The clearing shows in the changes, from the old value to nothing. A blank status means
 * active, as import-formats.md says.
 */
function incomingValues(values: ParticipantValues, present: ReadonlySet<string>): Partial<StoredRecord> {
  const incoming: Partial<Comparable> = {};
  for (const field of STORED_FIELDS) {
    if (!present.has(field)) continue;
    incoming[field] = field === 'status' ? (values.status ?? 'active') : values[field];
  }
  // name is required (never null in an accepted row) and status was defaulted above.
  return incoming as Partial<StoredRecord>;
}

function changesBetween(before: Comparable, incoming: Partial<Comparable>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of STORED_FIELDS) {
    const to = incoming[field];
    if (to === undefined || to === before[field]) continue;
    changes.push({ field, from: before[field], to });
  }
  return changes;
}

/**
 * Imports the client's participants file: rows with any error are reported and not written;
 * valid rows create participants or update them by code, and every changed field is kept in
 * participant_changes (a creation too, from nothing to its first values, so that the origin
 * of an IBAN or card can always be traced). Participants missing from the file are left as
 * they are. All reading happens first; all writing happens in one transaction.
 */
export async function importParticipants(ctx: CoreContext, input: ImportFileInput): Promise<ImportReport> {
  const program = requireProgram(ctx);
  const sha256 = sha256Hex(input.bytes);
  refuseRepeatedFile(ctx, program.id, 'participants', sha256);
  const table = await readImportTable(
    { fileName: input.fileName, bytes: input.bytes, ...(input.sheet !== undefined ? { sheet: input.sheet } : {}), ...(input.mapping ? { mapping: input.mapping } : {}) },
    participantsImport,
    { locale: program.locale, currencyDigits: program.currency.minorDigits },
  );
  const present = new Set<string>(table.presentFields);

  return ctx.store.transaction(() => {
    // Another import of the same bytes may have finished while this one was reading.
    refuseRepeatedFile(ctx, program.id, 'participants', sha256);
    const at = nowIso(ctx);
    const batchId = insertImportBatch(ctx, {
      programId: program.id,
      kind: 'participants',
      fileName: input.fileName,
      fileSize: input.bytes.byteLength,
      sha256,
      sheet: table.sheet,
      headerRow: table.headerRow,
      mapping: table.mapping,
      rowsRead: table.rowsRead,
      accepted: table.accepted.length,
      rejected: table.rejected,
      skipped: table.skipped,
    });
    insertImportProblems(ctx, batchId, table.problems);

    const existing = new Map(
      ctx.store.db
        .select()
        .from(participants)
        .where(eq(participants.programId, program.id))
        .all()
        .map((p) => [p.code, p]),
    );
    const history: (typeof participantChanges.$inferInsert)[] = [];
    const reports: ParticipantChangeReport[] = [];
    let created = 0;
    let updated = 0;
    let unchanged = 0;

    const write = ({ row, values }: AcceptedRow<typeof participantFields>) => {
      // The pipeline rejects rows without code or name, so accepted rows have both.
      const code = values.code as string;
      const incoming = incomingValues(values, present);
      const before = existing.get(code);
      if (!before) {
        const record: StoredRecord = {
          name: incoming.name ?? '',
          email: incoming.email ?? null,
          phone: incoming.phone ?? null,
          region: incoming.region ?? null,
          joinDate: incoming.joinDate ?? null,
          cardRef: incoming.cardRef ?? null,
          iban: incoming.iban ?? null,
          status: incoming.status ?? 'active',
        };
        const inserted = ctx.store.db
          .insert(participants)
          .values({
            programId: program.id,
            code,
            ...record,
            createdBatchId: batchId,
            updatedBatchId: batchId,
            sourceRow: row,
            createdAt: at,
            updatedAt: at,
          })
          .returning()
          .get();
        existing.set(code, inserted);
        created++;
        for (const change of changesBetween({ name: null, email: null, phone: null, region: null, joinDate: null, cardRef: null, iban: null, status: null }, record)) {
          history.push({ participantId: inserted.id, batchId, sourceRow: row, field: change.field, oldValue: change.from, newValue: change.to, createdAt: at });
        }
        return;
      }
      const changes = changesBetween(before, incoming);
      if (changes.length === 0) {
        unchanged++;
        return;
      }
      // source_row stays the row that created the participant: it goes with created_batch_id.
      // Safe: incomingValues never gives null for name (required) or status (blank = active).
      const set = Object.fromEntries(changes.map((c) => [c.field, c.to])) as Partial<StoredRecord>;
      const after = ctx.store.db
        .update(participants)
        .set({ ...set, updatedBatchId: batchId, updatedAt: at })
        .where(eq(participants.id, before.id))
        .returning()
        .get();
      existing.set(code, after);
      updated++;
      reports.push({ code, row, changes });
      for (const change of changes) {
        history.push({ participantId: before.id, batchId, sourceRow: row, field: change.field, oldValue: change.from, newValue: change.to, createdAt: at });
      }
    };
    table.accepted.forEach(write);

    // SQLite binds at most 32,766 variables per statement; 7 per change row.
    for (let i = 0; i < history.length; i += 1000) ctx.store.db.insert(participantChanges).values(history.slice(i, i + 1000)).run();

    const counts = { rowsRead: table.rowsRead, accepted: table.accepted.length, rejected: table.rejected, skipped: table.skipped, created, updated, unchanged };
    recordDecision(ctx, 'import.participants', input.fileName, null, { batchId, sha256, sheet: table.sheet, ...counts });
    return {
      batchId,
      kind: 'participants',
      fileName: input.fileName,
      sha256,
      sheet: table.sheet,
      headerRow: table.headerRow,
      mapping: table.mapping,
      ...counts,
      changes: reports,
      problems: table.problems,
      source: {
        format: table.format,
        ...(table.encoding !== undefined ? { encoding: table.encoding } : {}),
        ...(table.separator !== undefined ? { separator: table.separator } : {}),
      },
    };
  });
}
