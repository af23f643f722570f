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
  'demo.create',
  'dashboard.get',
  'imports.list',
  'import.start',
  'import.status',
  'import.cancel',
  'import.commit',
  'import.errorReport',
  'participants.list',
  'participants.get',
  'periods.list',
  'score.period',
  'score.explain',
  'period.approve',
  'ledger.adjust',
  'ledger.participant',
  'rules.whatIf',
  'rules.update',
  'audit.head',
  'verify.queue',
  'verify.resolve',
  'payouts.proposal',
  'payouts.list',
  'payouts.batches',
  'payouts.export',
  'payouts.exportBatch',
  'payouts.void',
  'budget.view',
  'payouts.template',
  'payouts.setTemplate',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Every call name, in the contract's order. */
export const CHANNELS: ChannelName[] = [...CHANNEL_NAMES];

/** The IPC channel name of a call, so that no other Electron channel can be reached. */
export const ipcChannel = (channel: ChannelName): string => `loyalty:${channel}`;
