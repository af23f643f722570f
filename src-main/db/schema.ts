// Tables only; rules live in core/. Money in INTEGER minor units, dates as TEXT
// `YYYY-MM-DD`, instants as TEXT ISO-8601 UTC.
import { sqliteTable, integer, text, uniqueIndex, index } from 'drizzle-orm/sqlite-core';

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const programs = sqliteTable('programs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  client: text('client').notNull(),
  currencyCode: text('currency_code').notNull(),
  currencyDigits: integer('currency_digits').notNull(),
  locale: text('locale').notNull(),
  pointValueMinor: integer('point_value_minor').notNull(),
  firstPeriod: text('first_period').notNull(),
  paymentJson: text('payment_json').notNull().default('{}'),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
});

/** Every change of a program's rules is a new row; a calculated period records the version it used. */
export const ruleVersions = sqliteTable(
  'rule_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id').notNull().references(() => programs.id),
    version: integer('version').notNull(),
    rulesJson: text('rules_json').notNull(),
    note: text('note').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('rule_versions_program_version').on(t.programId, t.version)],
);

export const importBatches = sqliteTable(
  'import_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id').notNull().references(() => programs.id),
    kind: text('kind', { enum: ['participants', 'products', 'targets', 'sales'] }).notNull(),
    fileName: text('file_name').notNull(),
    fileSize: integer('file_size').notNull(),
    sha256: text('sha256').notNull(),
    sheet: text('sheet'),
    headerRow: integer('header_row'),
    mappingJson: text('mapping_json').notNull(),
    rowsRead: integer('rows_read').notNull(),
    accepted: integer('accepted').notNull(),
    rejected: integer('rejected').notNull(),
    skipped: integer('skipped').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    supersededBy: integer('superseded_by'),
  },
  (t) => [index('import_batches_sha').on(t.programId, t.kind, t.sha256)],
);

/** What could not be taken from a committed batch, kept for the audit trail. */
export const importProblems = sqliteTable(
  'import_problems',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id').notNull().references(() => importBatches.id),
    row: integer('row'),
    column: text('column'),
    value: text('value'),
    code: text('code').notNull(),
    reason: text('reason').notNull(),
    severity: text('severity', { enum: ['error', 'skipped', 'warning'] }).notNull(),
  },
  (t) => [index('import_problems_batch').on(t.batchId)],
);

export const participants = sqliteTable(
  'participants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id').notNull().references(() => programs.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    region: text('region'),
    joinDate: text('join_date'),
    cardRef: text('card_ref'),
    iban: text('iban'),
    status: text('status', { enum: ['active', 'inactive'] }).notNull(),
    createdBatchId: integer('created_batch_id').references(() => importBatches.id),
    updatedBatchId: integer('updated_batch_id').references(() => importBatches.id),
    sourceRow: integer('source_row'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('participants_program_code').on(t.programId, t.code),
    index('participants_name').on(t.programId, t.name),
  ],
);

/** The history of a participant's fields: what each import changed, from what to what. */
export const participantChanges = sqliteTable(
  'participant_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    participantId: integer('participant_id').notNull().references(() => participants.id),
    batchId: integer('batch_id').notNull().references(() => importBatches.id),
    sourceRow: integer('source_row'),
    field: text('field').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('participant_changes_participant').on(t.participantId)],
);

/** Who did what, why and when: every operator decision. Append-only. */
export const operatorLog = sqliteTable('operator_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  subject: text('subject'),
  reason: text('reason'),
  detailsJson: text('details_json').notNull().default('{}'),
});
