// What the participant form sends: zod only, so that the IPC contract (and the renderer through it) can read it.
import { z } from 'zod';
import type { ParticipantRow } from '../../program/participants/participant-types';

/** The fields the coordinator may correct; e-mail and phone stay with the client's file. */
export const EDITABLE_PARTICIPANT_FIELDS = ['name', 'cardRef', 'iban', 'status', 'region', 'joinDate'] as const;
export type EditableParticipantField = (typeof EDITABLE_PARTICIPANT_FIELDS)[number];
export type EditableValues = Pick<ParticipantRow, EditableParticipantField>;

const fieldSchema = z.string().max(500).nullable();
const valuesSchema = z.strictObject({
  name: z.string().max(500),
  cardRef: fieldSchema,
  iban: fieldSchema,
  status: z.enum(['active', 'inactive']),
  region: fieldSchema,
  joinDate: fieldSchema,
});

export const participantEditSchema = z.strictObject({
  code: z.string().trim().min(1).max(100),
  /** The fields as the form showed them when it opened: the edit is refused if the participant differs now. */
  expected: valuesSchema,
  values: valuesSchema,
  reason: z.string().max(2000),
});
export type ParticipantEdit = z.input<typeof participantEditSchema>;
