// What a verification finding is about, as a value: the code and the one subject it names.
// Pure (no imports), so that the renderer words keys with the same code as the core.
//
// A decision is stored against the text form (verification_decisions.anomaly_key) and the CLI
// takes it as --key, so the text form is the one written since the first version:
// CODE:subject, and NEAR_THRESHOLD:participant:tier|target. It is read by the code's shape,
// never by splitting on every ':': the subject is everything after the code's colon (minus
// the threshold's last part), so a participant code or SKU holding ':', '%' or '"' reads back
// whole, and every key already stored decodes to what it was written from.

type ParticipantFindingCode =
  'UNKNOWN_PARTICIPANT' | 'MISSING_TARGET' | 'NO_DESTINATION' | 'INACTIVE' | 'CAP_REACHED' | 'VOLUME_OUTLIER';

export type FindingKey =
  | { code: ParticipantFindingCode; participantCode: string }
  | { code: 'UNKNOWN_SKU'; sku: string }
  | { code: 'DUPLICATE_LINE'; batchId: number }
  | { code: 'RETURN_WITHOUT_SALE'; lineId: number }
  | { code: 'NEAR_THRESHOLD'; participantCode: string; threshold: 'tier' | 'target' };

const PARTICIPANT_CODES: readonly string[] = [
  'UNKNOWN_PARTICIPANT',
  'MISSING_TARGET',
  'NO_DESTINATION',
  'INACTIVE',
  'CAP_REACHED',
  'VOLUME_OUTLIER',
];

/** The key's text form, for a database column, a React key or the CLI's --key. */
export function encodeFindingKey(key: FindingKey): string {
  switch (key.code) {
    case 'UNKNOWN_SKU':
      return `${key.code}:${key.sku}`;
    case 'DUPLICATE_LINE':
      return `${key.code}:${key.batchId}`;
    case 'RETURN_WITHOUT_SALE':
      return `${key.code}:${key.lineId}`;
    case 'NEAR_THRESHOLD':
      return `${key.code}:${key.participantCode}:${key.threshold}`;
    default:
      return `${key.code}:${key.participantCode}`;
  }
}

function positiveId(text: string): number | null {
  return /^[1-9]\d{0,14}$/.test(text) ? Number(text) : null;
}

/** The key a text form stands for, or null when it is not one (an unknown code, a missing subject). */
export function decodeFindingKey(text: string): FindingKey | null {
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  const code = text.slice(0, colon);
  const subject = text.slice(colon + 1);
  if (subject === '') return null;
  if (PARTICIPANT_CODES.includes(code)) return { code: code as ParticipantFindingCode, participantCode: subject };
  if (code === 'UNKNOWN_SKU') return { code, sku: subject };
  if (code === 'DUPLICATE_LINE') {
    const batchId = positiveId(subject);
    return batchId === null ? null : { code, batchId };
  }
  if (code === 'RETURN_WITHOUT_SALE') {
    const lineId = positiveId(subject);
    return lineId === null ? null : { code, lineId };
  }
  if (code === 'NEAR_THRESHOLD') {
    const last = subject.lastIndexOf(':');
    const threshold = subject.slice(last + 1);
    const participantCode = subject.slice(0, Math.max(last, 0));
    if (last <= 0 || (threshold !== 'tier' && threshold !== 'target')) return null;
    return { code, participantCode, threshold };
  }
  return null;
}

export function sameFindingKey(a: FindingKey, b: FindingKey): boolean {
  return encodeFindingKey(a) === encodeFindingKey(b);
}

/** The participant a finding is about, if it is about one. */
export function participantOfFindingKey(key: FindingKey): string | null {
  return 'participantCode' in key ? key.participantCode : null;
}

/**
 * A key received as data (a call's arguments, the CLI's --key given as JSON), checked field by
 * field: exactly the fields its code has, of their types; anything else is null.
 */
export function asFindingKey(value: unknown): FindingKey | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const fields = Object.keys(v).sort().join(',');
  const text = (name: string) => typeof v[name] === 'string' && v[name] !== '';
  const id = (name: string) => typeof v[name] === 'number' && Number.isSafeInteger(v[name]) && (v[name] as number) > 0;
  const code = v.code;
  if (typeof code !== 'string') return null;
  if (PARTICIPANT_CODES.includes(code))
    return fields === 'code,participantCode' && text('participantCode') ? (v as FindingKey) : null;
  if (code === 'UNKNOWN_SKU') return fields === 'code,sku' && text('sku') ? (v as FindingKey) : null;
  if (code === 'DUPLICATE_LINE') return fields === 'batchId,code' && id('batchId') ? (v as FindingKey) : null;
  if (code === 'RETURN_WITHOUT_SALE') return fields === 'code,lineId' && id('lineId') ? (v as FindingKey) : null;
  if (code === 'NEAR_THRESHOLD') {
    return fields === 'code,participantCode,threshold' &&
      text('participantCode') &&
      (v.threshold === 'tier' || v.threshold === 'target')
      ? (v as FindingKey)
      : null;
  }
  return null;
}
