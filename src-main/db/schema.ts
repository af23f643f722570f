// Tables only; rules live in core/. Money in INTEGER minor units, dates as TEXT
// `YYYY-MM-DD`, instants as TEXT ISO-8601 UTC.
import { sqliteTable, integer, text, uniqueIndex, index, blob, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { LEDGER_KINDS, PERIOD_STATES } from './ledger-kinds';

export { LEDGER_KINDS, PERIOD_STATES, type LedgerKind, type PeriodState } from './ledger-kinds';

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

/**
 * A change of the program's settings after it was created: the name, client, currency, locale and payout settings
 * (payment_json) as they read from then on, with who changed them and why. The programs row keeps what the program
 * was created with (version 1); the newest row here is what every screen, file and report reads. A change of the
 * point value also saved a rules version, since it is money-relevant: `rule_version` is the version in force after
 * the change and `point_value_minor` the value. Only ever added to.
 */
export const programSettingsVersions = sqliteTable(
  'program_settings_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    /** 2, 3, ...: version 1 is the programs row. */
    version: integer('version').notNull(),
    name: text('name').notNull(),
    client: text('client').notNull(),
    /** The currency changes only while nothing was imported, and only to one with as many decimals. */
    currencyCode: text('currency_code').notNull(),
    currencyDigits: integer('currency_digits').notNull(),
    locale: text('locale').notNull(),
    paymentJson: text('payment_json').notNull(),
    pointValueMinor: integer('point_value_minor').notNull(),
    ruleVersion: integer('rule_version').notNull(),
    reason: text('reason').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('program_settings_versions_program_version').on(t.programId, t.version)],
);

/** Every change of a program's rules is a new row; a calculated period records the version it used. */
export const ruleVersions = sqliteTable(
  'rule_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
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
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    kind: text('kind', { enum: ['participants', 'products', 'targets', 'sales', 'confirmations'] }).notNull(),
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
    supersededBy: integer('superseded_by').references((): AnySQLiteColumn => importBatches.id),
    /** Sales: the period `YYYY-MM` the batch's lines belong to. */
    period: text('period'),
    /** The file's header row as written (JSON array), to remember mappings and see layout changes. */
    headersJson: text('headers_json').notNull().default('[]'),
  },
  (t) => [index('import_batches_sha').on(t.programId, t.kind, t.sha256)],
);

/** What could not be taken from a committed batch, kept for the audit trail. */
export const importProblems = sqliteTable(
  'import_problems',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id),
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
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
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
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id),
    sourceRow: integer('source_row'),
    field: text('field').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('participant_changes_participant').on(t.participantId)],
);

/** The client's product list: updated by SKU from each products file, with the history in product_changes. */
export const products = sqliteTable(
  'products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    group: text('product_group'),
    /** 1 when the product earns points, 0 otherwise. */
    promoted: integer('promoted').notNull(),
    /** Points per unit sold; null for value-based points. */
    pointsPerUnit: integer('points_per_unit'),
    createdBatchId: integer('created_batch_id').references(() => importBatches.id),
    updatedBatchId: integer('updated_batch_id').references(() => importBatches.id),
    sourceRow: integer('source_row'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('products_program_sku').on(t.programId, t.sku)],
);

/** The history of a product's fields: what each import changed, from what to what. Append-only. */
export const productChanges = sqliteTable(
  'product_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id),
    sourceRow: integer('source_row'),
    field: text('field').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('product_changes_product').on(t.productId)],
);

/**
 * Monthly targets in money, append-only: the target of a participant for a period is the one
 * from the latest batch that gives one, so that every earlier target stays traceable.
 */
export const targets = sqliteTable(
  'targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    participantCode: text('participant_code').notNull(),
    period: text('period').notNull(),
    targetMinor: integer('target_minor').notNull(),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id),
    sourceRow: integer('source_row').notNull(),
  },
  (t) => [index('targets_program_period').on(t.programId, t.period, t.participantCode)],
);

/**
 * The client's sales lines as imported, append-only: a corrected file supersedes a batch
 * (import_batches.superseded_by) and never edits or deletes its lines.
 */
export const salesLines = sqliteTable(
  'sales_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id),
    sourceRow: integer('source_row').notNull(),
    saleDate: text('sale_date').notNull(),
    period: text('period').notNull(),
    participantCode: text('participant_code').notNull(),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    netMinor: integer('net_minor').notNull(),
    documentNo: text('document_no'),
    lineNo: text('line_no'),
    participantName: text('participant_name'),
    productName: text('product_name'),
    /** What makes two lines the same line: see core/sales/sales-line-key.ts. */
    lineKey: text('line_key').notNull(),
  },
  (t) => [
    index('sales_lines_program_period').on(t.programId, t.period),
    index('sales_lines_program_key').on(t.programId, t.lineKey),
    index('sales_lines_batch').on(t.batchId),
  ],
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

/**
 * The points ledger: append-only (triggers refuse UPDATE and DELETE) and hash-chained, each
 * entry's hash covering its content and the previous entry's hash, so that an edit made
 * behind the app's back shows in `audit verify`. Balances are sums of entries.
 */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    participantCode: text('participant_code').notNull(),
    /** The period the entry belongs to (and is settled in). */
    period: text('period').notNull(),
    kind: text('kind', { enum: LEDGER_KINDS }).notNull(),
    points: integer('points').notNull(),
    /** The sales line, its batch and row, for points that come from a line. */
    salesLineId: integer('sales_line_id').references(() => salesLines.id),
    batchId: integer('batch_id').references(() => importBatches.id),
    sourceRow: integer('source_row'),
    /** The rule that gave the points (`baseRate`, `campaign:AUTUMN-DRY`, `tier:SILVER`, ...) and its version. */
    rule: text('rule'),
    ruleVersion: integer('rule_version'),
    /** The operator's reason, or what a correction is about. */
    note: text('note'),
    /** A reversal: the entry it cancels. */
    reversesId: integer('reverses_id').references((): AnySQLiteColumn => ledgerEntries.id),
    /** A correction settled in this period for an earlier, locked one. */
    correctsPeriod: text('corrects_period'),
    /** Free reference: a payout batch, a contest place. */
    reference: text('reference'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('ledger_program_period').on(t.programId, t.period, t.participantCode),
    index('ledger_program_participant').on(t.programId, t.participantCode),
  ],
);

/**
 * A period's life as events, append-only: its state is that of its latest event (open when it
 * has none). `details_json` keeps what the step used: rules version, sources, totals, the
 * ledger's last entry and hash at approval.
 */
export const periodEvents = sqliteTable(
  'period_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    period: text('period').notNull(),
    state: text('state', { enum: PERIOD_STATES }).notNull(),
    ruleVersion: integer('rule_version').notNull(),
    reason: text('reason'),
    detailsJson: text('details_json').notNull().default('{}'),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
  },
  (t) => [index('period_events_program_period').on(t.programId, t.period)],
);

/**
 * The coordinator's decisions on the verification queue, append-only: lines assigned to a
 * participant or excluded, a target set, an anomaly accepted, each with its reason. Scoring
 * applies the latest decision for each line or participant.
 */
export const verificationDecisions = sqliteTable(
  'verification_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    period: text('period').notNull(),
    anomalyKey: text('anomaly_key').notNull(),
    action: text('action', { enum: ['assign', 'exclude', 'setTarget', 'accept'] }).notNull(),
    participantCode: text('participant_code'),
    targetMinor: integer('target_minor'),
    /** JSON array of sales line ids the decision is about. */
    lineIdsJson: text('line_ids_json').notNull().default('[]'),
    reason: text('reason').notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
  },
  (t) => [index('verification_decisions_period').on(t.programId, t.period)],
);

/**
 * A verification decision taken back while its period was open, with its reason: the decision
 * stays; scoring and the queue leave it out from then on. At most one per decision.
 */
export const decisionWithdrawals = sqliteTable(
  'decision_withdrawals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    period: text('period').notNull(),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => verificationDecisions.id),
    reason: text('reason').notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
  },
  (t) => [uniqueIndex('decision_withdrawals_decision').on(t.decisionId)],
);

/**
 * A decision that holds for later periods too ("lines under PH-027 belong to PH-026 from now on"):
 * applied to every period from from_period on, until an end (standing_decision_ends) or until_period.
 */
export const standingDecisions = sqliteTable(
  'standing_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    fromPeriod: text('from_period').notNull(),
    untilPeriod: text('until_period'),
    anomalyKey: text('anomaly_key').notNull(),
    action: text('action', { enum: ['assign', 'exclude', 'accept'] }).notNull(),
    participantCode: text('participant_code'),
    /** The decision of the period it was taken in. */
    decisionId: integer('decision_id')
      .notNull()
      .references(() => verificationDecisions.id),
    reason: text('reason').notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
  },
  (t) => [index('standing_decisions_program').on(t.programId)],
);

/** A standing decision ended: it holds no longer after last_period. At most one per standing decision. */
export const standingDecisionEnds = sqliteTable(
  'standing_decision_ends',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    standingId: integer('standing_id')
      .notNull()
      .references(() => standingDecisions.id),
    lastPeriod: text('last_period').notNull(),
    reason: text('reason').notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
  },
  (t) => [uniqueIndex('standing_decision_ends_standing').on(t.standingId)],
);

/** One top-up per participant and approval: immutable; what happens to it is in payout_events. */
export const payouts = sqliteTable(
  'payouts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    period: text('period').notNull(),
    participantCode: text('participant_code').notNull(),
    participantName: text('participant_name').notNull(),
    /** Unique: the key of the issuer's confirmation and of the double-payment guard. */
    reference: text('reference').notNull(),
    points: integer('points').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    method: text('method', { enum: ['card', 'transfer'] }).notNull(),
    cardRef: text('card_ref'),
    iban: text('iban'),
    /** The redemption entry in the ledger. */
    ledgerEntryId: integer('ledger_entry_id')
      .notNull()
      .references(() => ledgerEntries.id),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('payouts_reference').on(t.reference), index('payouts_period').on(t.programId, t.period)],
);

/** An exported payout file, kept byte for byte so that exporting again returns the same file. */
export const payoutBatches = sqliteTable(
  'payout_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    period: text('period').notNull(),
    batchRef: text('batch_ref').notNull(),
    format: text('format', { enum: ['xlsx', 'csv', 'sepa'] }).notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    rowCount: integer('row_count').notNull(),
    controlSumMinor: integer('control_sum_minor').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    /** The head of record_seals when the file was written: `audit verify --anchor` checks it later. */
    auditAnchor: text('audit_anchor'),
  },
  (t) => [uniqueIndex('payout_batches_ref').on(t.batchRef)],
);

/** Which top-ups a batch holds. A top-up is in one batch, ever: the unique index refuses a second. */
export const payoutBatchItems = sqliteTable(
  'payout_batch_items',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => payoutBatches.id),
    payoutId: integer('payout_id')
      .notNull()
      .references(() => payouts.id),
  },
  (t) => [uniqueIndex('payout_batch_items_payout').on(t.payoutId), index('payout_batch_items_batch').on(t.batchId)],
);

/**
 * A batch written again in the issuer's other format (xlsx <-> csv): the same top-ups,
 * references and control sum, kept byte for byte so that asking again returns the same file.
 * It is a copy of a batch, never a batch: it has no items and moves no top-up.
 */
export const payoutBatchFiles = sqliteTable(
  'payout_batch_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => payoutBatches.id),
    format: text('format', { enum: ['xlsx', 'csv'] }).notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('payout_batch_files_format').on(t.batchId, t.format)],
);

/** What happened to each top-up: exported, paid, failed, voided. Append-only; the latest is its status. */
export const payoutEvents = sqliteTable(
  'payout_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    payoutId: integer('payout_id')
      .notNull()
      .references(() => payouts.id),
    event: text('event', { enum: ['exported', 'paid', 'failed', 'voided'] }).notNull(),
    batchId: integer('batch_id').references(() => payoutBatches.id),
    reason: text('reason'),
    detailsJson: text('details_json').notNull().default('{}'),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
  },
  (t) => [index('payout_events_payout').on(t.payoutId)],
);

/**
 * The seal chain (core/ledger/record-seals.ts): every write transaction appends, for each
 * guarded table it added rows to, one seal over those rows' canonical content (a SHA-256
 * digest, and a CRC-32 per row to name a changed row), chained by hash to the seal before.
 * Append-only; its head is the anchor that payout files and `audit head` show.
 */
export const recordSeals = sqliteTable(
  'record_seals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tableName: text('table_name').notNull(),
    /** The columns sealed, comma-separated, in order (rowid first). */
    columns: text('columns').notNull(),
    firstRowid: integer('first_rowid').notNull(),
    lastRowid: integer('last_rowid').notNull(),
    rowCount: integer('row_count').notNull(),
    /** SHA-256 (hex) of the rows' canonical lines. */
    digest: text('digest').notNull(),
    /**
     * CRC-32 of each row's line, 4 bytes each; with the rowid offset before each when the rowids are not consecutive.
     */
    checks: blob('checks', { mode: 'buffer' }).notNull(),
    /** 'write' for a transaction of the app, 'baseline' for the rows found when sealing began. */
    origin: text('origin', { enum: ['write', 'baseline'] }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('record_seals_table').on(t.tableName, t.lastRowid)],
);

/**
 * A period as approved, once: the facts of the approval and its totals. The approval's
 * 'approved' period event keeps only what the ledger audit and the late corrections read (the
 * sources, the batches of corrected periods, the ledger head); everything a screen, explain or
 * a report shows of an approved period is in this table and the approved_* tables under it, so
 * that it is read as it was approved, never re-scored with today's code. Append-only.
 */
export const approvedPeriods = sqliteTable(
  'approved_periods',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    period: text('period').notNull(),
    periodEventId: integer('period_event_id')
      .notNull()
      .references(() => periodEvents.id),
    ruleVersion: integer('rule_version').notNull(),
    approvedAt: text('approved_at').notNull(),
    approvedBy: text('approved_by').notNull(),
    reason: text('reason'),
    overBudgetReason: text('over_budget_reason'),
    acceptedFindingsReason: text('accepted_findings_reason'),
    /** 1 when the payouts were fitted pro rata to the budget. */
    fitted: integer('fitted').notNull(),
    budgetMinor: integer('budget_minor'),
    participants: integer('participants').notNull(),
    lines: integer('lines').notNull(),
    earned: integer('earned').notNull(),
    prizes: integer('prizes').notNull(),
    payablePoints: integer('payable_points').notNull(),
    payoutMinor: integer('payout_minor').notNull(),
    heldParticipants: integer('held_participants').notNull(),
    heldPoints: integer('held_points').notNull(),
    /** The payout proposal as approved: what was paid, of what was payable to the participants with a destination. */
    paidPoints: integer('paid_points').notNull(),
    paidMinor: integer('paid_minor').notNull(),
    proposedPayablePoints: integer('proposed_payable_points').notNull(),
    proposedPayableMinor: integer('proposed_payable_minor').notNull(),
    overBudget: integer('over_budget').notNull(),
    openAnomalies: integer('open_anomalies').notNull(),
  },
  (t) => [
    uniqueIndex('approved_periods_program_period').on(t.programId, t.period),
    uniqueIndex('approved_periods_event').on(t.periodEventId),
  ],
);

/** One participant's row as approved (score-types.ts ScoreRow), and its line of the payout proposal. */
export const approvedScores = sqliteTable(
  'approved_scores',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    approvalId: integer('approval_id')
      .notNull()
      .references(() => approvedPeriods.id),
    participantCode: text('participant_code').notNull(),
    name: text('name').notNull(),
    volumeMinor: integer('volume_minor').notNull(),
    previousVolumeMinor: integer('previous_volume_minor'),
    tier: text('tier'),
    tierBonusPct: integer('tier_bonus_pct').notNull(),
    base: integer('base').notNull(),
    campaign: integer('campaign').notNull(),
    subtotal: integer('subtotal').notNull(),
    tierBonus: integer('tier_bonus').notNull(),
    promotedMinor: integer('promoted_minor').notNull(),
    targetMinor: integer('target_minor'),
    attainmentBp: integer('attainment_bp'),
    targetBonusPct: integer('target_bonus_pct').notNull(),
    targetBonus: integer('target_bonus').notNull(),
    beforeCap: integer('before_cap').notNull(),
    capCut: integer('cap_cut').notNull(),
    earned: integer('earned').notNull(),
    prize: integer('prize').notNull(),
    total: integer('total').notNull(),
    carry: integer('carry').notNull(),
    adjustments: integer('adjustments').notNull(),
    corrections: integer('corrections').notNull(),
    payablePoints: integer('payable_points').notNull(),
    payoutMinor: integer('payout_minor').notNull(),
    held: text('held', { enum: ['noDestination', 'inactive'] }),
    lineCount: integer('line_count').notNull(),
    /** 1 when the row was in the payout proposal (payable, not held); the fields below are then set. */
    proposed: integer('proposed').notNull(),
    method: text('method', { enum: ['card', 'transfer'] }),
    /** The card or account as shown at approval, masked. */
    destination: text('destination'),
    selected: integer('selected'),
    /** What the approval paid (less than payable when fitted to the budget or not selected). */
    paidPoints: integer('paid_points'),
    paidMinor: integer('paid_minor'),
    unpaidPoints: integer('unpaid_points'),
  },
  (t) => [uniqueIndex('approved_scores_participant').on(t.approvalId, t.participantCode)],
);

/** The contest prizes of an approved row. */
export const approvedPrizes = sqliteTable(
  'approved_prizes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    approvalId: integer('approval_id')
      .notNull()
      .references(() => approvedPeriods.id),
    participantCode: text('participant_code').notNull(),
    contestId: text('contest_id').notNull(),
    place: integer('place').notNull(),
    points: integer('points').notNull(),
  },
  (t) => [index('approved_prizes_approval').on(t.approvalId, t.participantCode)],
);

/** Every line's score as approved: the rule that gave its points, the rate, the points (explain shows these). */
export const approvedLines = sqliteTable(
  'approved_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    approvalId: integer('approval_id')
      .notNull()
      .references(() => approvedPeriods.id),
    salesLineId: integer('sales_line_id')
      .notNull()
      .references(() => salesLines.id),
    /**
     * Who the line counted for (a verification decision may have assigned it to another participant than the file's).
     */
    participantCode: text('participant_code').notNull(),
    rule: text('rule', { enum: ['baseRate', 'productRate', 'notPromoted', 'unknownSku'] }).notNull(),
    pointsPerUnit: integer('points_per_unit'),
    points: integer('points').notNull(),
    campaignPoints: integer('campaign_points').notNull(),
    promoted: integer('promoted').notNull(),
  },
  (t) => [index('approved_lines_participant').on(t.approvalId, t.participantCode)],
);

/** The campaign bonuses of an approved line (a line is scored once per approval, so its id names it). */
export const approvedLineCampaigns = sqliteTable(
  'approved_line_campaigns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    approvalId: integer('approval_id')
      .notNull()
      .references(() => approvedPeriods.id),
    salesLineId: integer('sales_line_id')
      .notNull()
      .references(() => salesLines.id),
    campaignId: text('campaign_id').notNull(),
    bonusPct: integer('bonus_pct').notNull(),
    points: integer('points').notNull(),
  },
  (t) => [index('approved_line_campaigns_line').on(t.approvalId, t.salesLineId)],
);

/** The scoring anomalies of an approved period (unknown participant or SKU, missing target). */
export const approvedAnomalies = sqliteTable(
  'approved_anomalies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    approvalId: integer('approval_id')
      .notNull()
      .references(() => approvedPeriods.id),
    code: text('code', { enum: ['UNKNOWN_PARTICIPANT', 'UNKNOWN_SKU', 'MISSING_TARGET'] }).notNull(),
    participantCode: text('participant_code'),
    sku: text('sku'),
    netMinor: integer('net_minor').notNull(),
  },
  (t) => [index('approved_anomalies_approval').on(t.approvalId)],
);

/** The lines that showed an approved anomaly, as they were referred to then. */
export const approvedAnomalyLines = sqliteTable(
  'approved_anomaly_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    anomalyId: integer('anomaly_id')
      .notNull()
      .references(() => approvedAnomalies.id),
    salesLineId: integer('sales_line_id')
      .notNull()
      .references(() => salesLines.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id),
    sourceRow: integer('source_row').notNull(),
  },
  (t) => [index('approved_anomaly_lines_anomaly').on(t.anomalyId)],
);

/** Differences in locked earlier periods settled by an approval (posted as adjustments naming the period). */
export const approvedCorrections = sqliteTable(
  'approved_corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    approvalId: integer('approval_id')
      .notNull()
      .references(() => approvedPeriods.id),
    correctsPeriod: text('corrects_period').notNull(),
    participantCode: text('participant_code').notNull(),
    points: integer('points').notNull(),
  },
  (t) => [index('approved_corrections_approval').on(t.approvalId)],
);

/**
 * The sales batches a corrected period was settled with before ('settled') and counted with at this approval
 * ('current').
 */
export const approvedCorrectionBatches = sqliteTable(
  'approved_correction_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    approvalId: integer('approval_id')
      .notNull()
      .references(() => approvedPeriods.id),
    correctsPeriod: text('corrects_period').notNull(),
    role: text('role', { enum: ['settled', 'current'] }).notNull(),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id),
  },
  (t) => [index('approved_correction_batches_approval').on(t.approvalId)],
);

/**
 * The file an import batch was made from, byte for byte, so that the audit package can carry the original the client
 * sent. Its SHA-256 is the batch's own (sealed with the batch); files imported before this table existed have none.
 */
export const importFiles = sqliteTable('import_files', {
  batchId: integer('batch_id')
    .primaryKey()
    .references(() => importBatches.id),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
});

/**
 * A participant's statement as published: the figures it showed, frozen (`content_json`), so that a PDF or workbook
 * made from it later says the same. A correction publishes a new statement that names the one it replaces
 * (`replaces_id`); none is ever changed. `kind` 'period' covers one approved period (`period` YYYY-MM), 'year' sums
 * a calendar year's approved periods (`period` YYYY).
 */
export const statements = sqliteTable(
  'statements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    kind: text('kind', { enum: ['period', 'year'] }).notNull(),
    period: text('period').notNull(),
    participantCode: text('participant_code').notNull(),
    /** The approval the figures come from (the latest one the statement covers, for a year). */
    approvalId: integer('approval_id').references(() => approvedPeriods.id),
    /** The rules version the figures were computed under (the latest one, for a year). */
    ruleVersion: integer('rule_version').notNull(),
    replacesId: integer('replaces_id').references((): AnySQLiteColumn => statements.id),
    contentJson: text('content_json').notNull(),
    contentSha256: text('content_sha256').notNull(),
    /** The head of record_seals when it was published. */
    chainHead: text('chain_head').notNull(),
    publishedAt: text('published_at').notNull(),
    publishedBy: text('published_by').notNull(),
  },
  (t) => [
    // A statement is replaced at most once, so the current one of a participant's period is the end of one line.
    uniqueIndex('statements_replaces').on(t.replacesId),
    index('statements_subject').on(t.programId, t.kind, t.period, t.participantCode),
  ],
);
