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

export const PARTICIPANT_SORT_FIELDS = ['code', 'name', 'region', 'joinDate', 'status', 'cardRef'] as const;

export const participantsQuerySchema = z.strictObject({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
  sort: z.enum(PARTICIPANT_SORT_FIELDS).default('code'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  /** Matches code, name, email, region or card, case-insensitively. */
  search: z.string().max(200).default(''),
  status: z.enum(['all', 'active', 'inactive']).default('all'),
});
export type ParticipantsQuery = z.input<typeof participantsQuerySchema>;

export interface ParticipantsPage {
  total: number;
  offset: number;
  rows: ParticipantRow[];
}
