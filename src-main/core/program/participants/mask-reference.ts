// A card reference or an IBAN is what moves a participant's money: the screens, the payout views, the statements and
// the operator's log show only its last four characters, enough to recognise it and not to use it. The full value
// stays in the participant's record and its history, and a screen shows it only when the coordinator asks.

/** The participant's fields that are masked wherever they are shown. */
export const SECRET_PARTICIPANT_FIELDS = ['cardRef', 'iban'] as const;

export function isSecretParticipantField(field: string): boolean {
  return (SECRET_PARTICIPANT_FIELDS as readonly string[]).includes(field);
}

/** Only the last four characters: enough to recognise a card or account, not to use it. */
export function maskReference(value: string): string {
  const compact = value.replace(/\s/g, '');
  return compact.length <= 4 ? compact : `•••• ${compact.slice(-4)}`;
}
