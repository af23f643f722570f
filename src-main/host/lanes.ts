import type { Channel } from '../ipc/contract';
import { CANCELLABLE_CHANNELS } from '../ipc/channels';
import type { Lane } from './host-protocol';

/**
 * Calls that can take seconds on a program of 100,000 lines a period: imports (the job's
 * calls stay together, since a job lives in the host that started it), the demo, approval,
 * exports, and the views that score a period. The cancellable ones among them
 * (CANCELLABLE_CHANNELS) go to the task lane; everything else is a look-up or a small write
 * and goes to the interactive lane.
 */
const LONG_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'demo.create',
  'import.start',
  'import.status',
  'import.cancel',
  'import.commit',
  'import.errorReport',
  'score.explain',
  'rules.whatIf',
  'verify.queue',
  'verify.evidence',
  'verify.resolve',
  'payouts.proposal',
  'payouts.exportBatch',
  'budget.view',
  'reports.periodXlsx',
  'reports.programXlsx',
  'participants.xlsx',
  'imports.linesXlsx',
  'dashboard.overview',
  'nav.counts',
  'statements.publish',
  'rules.pdf',
  // A backup by hand copies and checks the whole file: seconds on a big program.
  'backups.create',
]);

export function laneOf(channel: string): Lane {
  if ((CANCELLABLE_CHANNELS as readonly string[]).includes(channel)) return 'task';
  return LONG_CHANNELS.has(channel as Channel) ? 'long' : 'interactive';
}
