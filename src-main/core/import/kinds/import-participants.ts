// The client's participants file -> the participants table, with the history of every field.
import { eq, sql, type SQL } from 'drizzle-orm';
import { participantChanges, participants } from '../../../db/schema';
import type { CoreContext } from '../../context';
import { defineImport, type FieldTable, type FieldValues } from '../table/field-definitions';
import {
  CARD,
  EMAIL,
  IBAN,
  JOIN_DATE,
  PARTICIPANT_CODE,
  PARTICIPANT_NAME,
  PHONE,
  REGION,
  STATUS,
} from '../table/header-synonyms';
import type { ImportKindRunner } from '../jobs/import-job-types';
import type { ImportFile } from '../jobs/import-pipeline';
import type { ImportProblem, ImportReport } from '../report/import-report';
import { parseDateCell } from '../cells/parse-date-cell';
import { parseEmailCell } from '../cells/parse-email-cell';
import { parseIbanCell } from '../cells/parse-iban';
import { parseStatusCell } from '../cells/parse-status-cell';
import { textParser } from '../cells/parse-text-cell';
import { beginImport, commitImportBatch, layoutChangeOf, NO_PROGRESS, readClientTable } from '../jobs/prepare-import';
import { upsertKeyedRecords } from '../jobs/upsert-keyed-records';
import { previewFromTable } from '../table/preview-from-table';
import type { ParticipantRow } from '../../program/participants/participant-types';

/** A client file as handed over: name, bytes, and optionally the sheet and columns chosen (`{ code: 'Nr' }`). */
export type ImportFileInput = ImportFile;

const participantFields = {
  // Codes stay within what participants.get accepts, so that every imported code can be looked up.
  code: { required: true, synonyms: PARTICIPANT_CODE, parse: textParser(100) },
  name: { required: true, synonyms: PARTICIPANT_NAME, parse: textParser() },
  // Contact details and region are for people, not for scoring or payouts: a cell of them that
  // cannot be read is a warning and the participant is taken, that field left as it was. The join date, card,
  // IBAN and status decide points and payouts, so a bad one still rejects the row.
  email: { required: false, informational: true, synonyms: EMAIL, parse: (cell) => parseEmailCell(cell) },
  phone: { required: false, informational: true, synonyms: PHONE, parse: textParser() },
  region: { required: false, informational: true, synonyms: REGION, parse: textParser() },
  joinDate: { required: false, synonyms: JOIN_DATE, parse: parseDateCell },
  cardRef: { required: false, synonyms: CARD, parse: textParser() },
  iban: { required: false, synonyms: IBAN, parse: parseIbanCell },
  status: { required: false, synonyms: STATUS, parse: parseStatusCell },
} satisfies FieldTable;

export const participantsImport = defineImport({
  kind: 'participants',
  fields: participantFields,
  duplicateKey: ['code'],
});

type ParticipantValues = FieldValues<typeof participantFields>;

/** The fields a file can set on a participant, in the order changes are reported. */
const STORED_FIELDS = ['name', 'email', 'phone', 'region', 'joinDate', 'cardRef', 'iban', 'status'] as const;
type StoredField = (typeof STORED_FIELDS)[number];
type StoredRecord = Omit<ParticipantRow, 'code'>;
type Comparable = Record<StoredField, string | null>;

const EMPTY_RECORD: StoredRecord = {
  name: '',
  email: null,
  phone: null,
  region: null,
  joinDate: null,
  cardRef: null,
  iban: null,
  status: 'active',
};
const placeholders = Object.fromEntries(STORED_FIELDS.map((f) => [f, sql.placeholder(f)])) as Record<
  StoredField,
  ReturnType<typeof sql.placeholder>
>;
// update().set() takes SQL rather than bare placeholders.
const setPlaceholders = Object.fromEntries(STORED_FIELDS.map((f) => [f, sql`${sql.placeholder(f)}`])) as Record<
  StoredField,
  SQL
>;

/**
 * What the row says about each field; undefined where the file has no such column.
 * A column that is absent leaves the field as it is: a file of codes and emails must not
 * wipe cards and IBANs. A column that is present but blank clears the field: the client's
 * list is the master, and a card or IBAN they removed must not stay a payout destination.
 * The clearing shows in the changes, from the old value to nothing. A blank status means
 * active, as import-formats.md says.
 */
function incomingValues(
  values: ParticipantValues,
  present: ReadonlySet<string>,
  unread: ReadonlySet<string> | undefined,
): Partial<StoredRecord> {
  const incoming: Partial<Comparable> = {};
  for (const field of STORED_FIELDS) {
    // A cell that could not be read says nothing about the field: what is stored stays.
    if (!present.has(field) || unread?.has(field)) continue;
    incoming[field] = field === 'status' ? (values.status ?? 'active') : values[field];
  }
  // name is required (never null in an accepted row) and status was defaulted above.
  return incoming as Partial<StoredRecord>;
}

/**
 * The informational fields of each accepted row whose cell could not be read: a warning on
 * their column and no value (a cell that was read, with a warning, has its value).
 */
function unreadInformationalFields(
  mapping: Readonly<Record<string, string>>,
  problems: readonly ImportProblem[],
  accepted: readonly { row: number; values: ParticipantValues }[],
): Map<number, Set<string>> {
  const fieldOfHeader = new Map(
    Object.entries(mapping)
      .filter(([field]) => (participantFields as Record<string, { informational?: true }>)[field]?.informational)
      .map(([field, header]) => [header, field as keyof ParticipantValues]),
  );
  const valuesOf = new Map(accepted.map((a) => [a.row, a.values]));
  const unread = new Map<number, Set<string>>();
  for (const p of problems) {
    const field =
      p.severity === 'warning' && p.row !== null && p.column !== null ? fieldOfHeader.get(p.column) : undefined;
    const values = field !== undefined && p.row !== null ? valuesOf.get(p.row) : undefined;
    if (!field || !values || values[field] !== null) continue;
    const set = unread.get(p.row!) ?? new Set<string>();
    set.add(field);
    unread.set(p.row!, set);
  }
  return unread;
}

/**
 * The client's participants file: rows with any error are reported and not written; valid
 * rows create participants or update them by code, and every changed field is kept in
 * participant_changes (a creation too, from nothing to its first values, so that the origin
 * of an IBAN or card can always be traced). Participants missing from the file are left as
 * they are. All reading happens in prepare; all writing in commit, in one transaction.
 */
export const participantsRunner: ImportKindRunner = {
  kind: 'participants',
  async prepare(ctx, file, options, progress) {
    const start = beginImport(ctx, 'participants', file, options);
    const table = await readClientTable(ctx, start, participantsImport, progress);
    const preview = previewFromTable({
      kind: 'participants',
      file,
      sha256: start.sha256,
      definition: participantsImport,
      table,
      layoutChange: layoutChangeOf(ctx, start, table.headers),
    });
    const present = new Set<string>(table.presentFields);
    const unread = unreadInformationalFields(table.mapping, table.problems, table.accepted);
    return {
      preview,
      commit: () =>
        commitImportBatch(ctx, {
          start,
          table,
          problems: table.problems,
          write: (batchId, at) =>
            writeParticipants(ctx, start.program.id, batchId, at, table.accepted, present, unread),
        }),
    };
  },
};

/** Imports a participants file in one step: prepare, then commit (the CLI, the demo and the one-shot IPC call). */
export async function importParticipants(ctx: CoreContext, input: ImportFileInput): Promise<ImportReport> {
  const prepared = await participantsRunner.prepare(ctx, input, {}, NO_PROGRESS);
  return prepared.commit();
}

function writeParticipants(
  ctx: CoreContext,
  programId: number,
  batchId: number,
  at: string,
  accepted: readonly { row: number; values: ParticipantValues }[],
  present: ReadonlySet<string>,
  unread: ReadonlyMap<number, ReadonlySet<string>>,
) {
  // Prepared once: a file of 100,000 participants is 100,000 statements in this transaction.
  const insertParticipant = ctx.store.db
    .insert(participants)
    .values({
      programId,
      code: sql.placeholder('code'),
      ...placeholders,
      createdBatchId: batchId,
      updatedBatchId: batchId,
      sourceRow: sql.placeholder('sourceRow'),
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: participants.id })
    .prepare();
  // source_row stays the row that created the participant: it goes with created_batch_id.
  const updateParticipant = ctx.store.db
    .update(participants)
    .set({ ...setPlaceholders, updatedBatchId: batchId, updatedAt: at })
    .where(eq(participants.id, sql.placeholder('id')))
    .prepare();
  const insertChange = ctx.store.db
    .insert(participantChanges)
    .values({
      participantId: sql.placeholder('participantId'),
      batchId,
      sourceRow: sql.placeholder('sourceRow'),
      field: sql.placeholder('field'),
      oldValue: sql.placeholder('oldValue'),
      newValue: sql.placeholder('newValue'),
      createdAt: at,
    })
    .prepare();
  const existing = new Map<string, { id: number; record: Comparable }>();
  for (const p of ctx.store.db.select().from(participants).where(eq(participants.programId, programId)).all()) {
    const { id, code, name, email, phone, region, joinDate, cardRef, iban, status } = p;
    existing.set(code, { id, record: { name, email, phone, region, joinDate, cardRef, iban, status } });
  }
  // The pipeline rejects rows without code or name, so accepted rows have both.
  const rows = accepted.map(({ row, values }) => ({
    row,
    key: values.code as string,
    incoming: incomingValues(values, present, unread.get(row)),
  }));
  return upsertKeyedRecords(STORED_FIELDS, EMPTY_RECORD, rows, {
    existing,
    // A stored record's name is never null and its status is active or inactive (EMPTY_RECORD, incomingValues).
    insert: (code, sourceRow, record) => insertParticipant.get({ code, sourceRow, ...(record as StoredRecord) }).id,
    update: (id, record) => updateParticipant.run({ id, ...(record as StoredRecord) }),
    recordChange: (participantId, sourceRow, c) =>
      insertChange.run({ participantId, sourceRow, field: c.field, oldValue: c.from, newValue: c.to }),
  });
}
