// Participants as the screens read them: a page of the list, one participant with the history
// of each field and the file row it came from.
import { z } from 'zod';

export interface ParticipantRow {
  code: string;
  name: string;
  email: string | null;
  phone: string | null;
  region: string | null;
  joinDate: string | null;
  cardRef: string | null;
  iban: string | null;
  status: 'active' | 'inactive';
}

export interface ParticipantHistoryEntry {
  at: string;
  batchId: number;
  fileName: string;
  row: number | null;
  field: string;
  from: string | null;
  to: string | null;
  /** A correction made in the app: who made it and why (the operator log); absent for a file's row. */
  edit?: { by: string; reason: string };
}

export interface ParticipantDetail extends ParticipantRow {
  createdAt: string;
  updatedAt: string;
  source: { batchId: number; fileName: string; row: number | null } | null;
  history: ParticipantHistoryEntry[];
}

/** The columns of the participants' table, each of which the list sorts by. */
export const PARTICIPANT_SORT_FIELDS = [
  'code',
  'name',
  'region',
  'joinDate',
  'status',
  'cardRef',
  'iban',
  'email',
  'phone',
] as const;
export type ParticipantField = (typeof PARTICIPANT_SORT_FIELDS)[number];

/** Where a participant's top-ups can go: a card, a bank account, either, or nowhere yet. */
export const PAYOUT_DESTINATION_FILTERS = ['any', 'card', 'iban', 'none'] as const;

/** The filters of the participants' table, shared by a page of the list and the workbook of all that match. */
export const participantsFilterSchema = z.strictObject({
  sort: z.enum(PARTICIPANT_SORT_FIELDS).default('code'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  /** Matches code, name, email, region or card, case-insensitively. */
  search: z.string().max(200).default(''),
  status: z.enum(['all', 'active', 'inactive']).default('all'),
  /** One region exactly; null for the participants without a region; absent for all. */
  region: z.string().max(200).nullable().optional(),
  /** card: has a card; iban: has a bank account; none: has neither. */
  destination: z.enum(PAYOUT_DESTINATION_FILTERS).default('any'),
  /** Joined in this month (YYYY-MM). */
  joined: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month YYYY-MM' })
    .optional(),
});
export type ParticipantsFilter = z.input<typeof participantsFilterSchema>;

export const participantsQuerySchema = participantsFilterSchema.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type ParticipantsQuery = z.input<typeof participantsQuerySchema>;

/** What the filters of the table can choose from: the regions and the months someone joined in. */
export interface ParticipantFacets {
  regions: string[];
  /** Whether some participant has no region (the filter then offers "No region"). */
  withoutRegion: boolean;
  joinMonths: string[];
}

export interface ParticipantsPage {
  total: number;
  offset: number;
  rows: ParticipantRow[];
}
