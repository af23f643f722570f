// The names of the contract's calls, in a module without zod or the core: the sandboxed
// preload is bundled whole, and importing contract.ts at run time would pull zod (and
// the core's schemas) into it. contract.ts re-exports these and checks, at type level,
// that the list names exactly its calls.

export const CHANNEL_NAMES = [
  'app.info',
  'settings.getLanguage',
  'settings.setLanguage',
  'program.get',
  'program.create',
  'program.referenceTemplate',
  'program.settings',
  'program.updateSettings',
  'demo.create',
  'dashboard.get',
  'dashboard.overview',
  'nav.counts',
  'imports.list',
  'import.start',
  'import.status',
  'import.cancel',
  'import.commit',
  'import.errorReport',
  'imports.report',
  'imports.lines',
  'imports.linesXlsx',
  'participants.list',
  'participants.facets',
  'participants.xlsx',
  'participants.get',
  'participants.edit',
  'periods.list',
  'score.period',
  'score.explain',
  'period.approve',
  'ledger.adjust',
  'ledger.participant',
  'rules.whatIf',
  'rules.update',
  'rules.versions',
  'rules.diff',
  'audit.head',
  'audit.log',
  'verify.queue',
  'verify.evidence',
  'verify.resolve',
  'verify.resolveMany',
  'verify.withdraw',
  'verify.endStanding',
  'payouts.proposal',
  'payouts.list',
  'payouts.batches',
  'payouts.export',
  'payouts.exportBatch',
  'payouts.void',
  'budget.view',
  'payouts.template',
  'payouts.setTemplate',
  'reports.periodXlsx',
  'reports.programXlsx',
  'table.xlsx',
  'statements.publish',
  'statements.write',
  'rules.pdf',
  'audit.export',
  'audit.verify',
  'app.startCheck',
  'app.reopen',
  'backups.list',
  'backups.create',
  'backups.restore',
  'backups.chooseTarget',
  'task.progress',
  'task.cancel',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/**
 * Calls that can report progress and be stopped: each runs in a host process of its own (the task lane), which a
 * cancel ends, so that SQLite rolls back whatever the call had begun. All of them write in one transaction or not
 * at all, and none leaves a file behind (an export hands its file back as bytes).
 */
export const CANCELLABLE_CHANNELS = [
  'period.approve',
  'payouts.export',
  'score.period',
  'statements.write',
  'audit.export',
  'audit.verify',
] as const;

export type CancellableChannel = (typeof CANCELLABLE_CHANNELS)[number];

/**
 * Calls the relay answers itself (Electron's main process, the web bridge): what the task lane does, or stop it; and
 * a restore, which closes every host, has a new one restore the backup before it opens the file, and starts the rest;
 * opening the file again (after another program let go of it), which restarts the hosts the same way; and where to
 * save a backup, which Electron's main process asks with a save dialog (the web bridge has none).
 */
export const RELAY_CHANNELS = [
  'task.progress',
  'task.cancel',
  'backups.restore',
  'app.reopen',
  'backups.chooseTarget',
] as const;

export type RelayChannel = (typeof RELAY_CHANNELS)[number];

/** Every call name, in the contract's order. */
export const CHANNELS: ChannelName[] = [...CHANNEL_NAMES];

/** The IPC channel name of a call, so that no other Electron channel can be reached. */
export const ipcChannel = (channel: ChannelName): string => `loyalty:${channel}`;
