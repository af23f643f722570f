// A participant corrected in the app: a new version with its reason, judged again inside its own transaction.
import { beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { editParticipant } from '../../src-main/core/import/edits/edit-participant';
import type { EditableValues } from '../../src-main/core/import/edits/participant-edit-schema';
import { importParticipants } from '../../src-main/core/import/kinds/import-participants';
import { getParticipant } from '../../src-main/core/program/participants/participants-query';
import { verifyLedger } from '../../src-main/core/ledger/verify-ledger';
import { refusal } from '../fixtures/refusal';
import { openTestContext, tableCounts } from '../fixtures/test-database';

const VALID_IBAN = 'PL61109010140000071219812874';

function csv(fileName: string, text: string) {
  return { fileName, bytes: new TextEncoder().encode(text) };
}

function formOf(ctx: CoreContext, code: string): EditableValues {
  const p = getParticipant(ctx, code);
  return { name: p.name, cardRef: p.cardRef, iban: p.iban, status: p.status, region: p.region, joinDate: p.joinDate };
}

let ctx: CoreContext;
beforeEach(async () => {
  ctx = openTestContext();
  await importParticipants(
    ctx,
    csv('participants.csv', 'Rep code,Name,Card,Region\nR0001,Anna Nowak,,North\nR0002,Jan Kowalski,CARD-2,South\n'),
  );
});

describe('editParticipant', () => {
  it('saves the corrected fields as a new version with who and why, and the history shows them', () => {
    const before = formOf(ctx, 'R0001');
    const detail = editParticipant(ctx, {
      code: 'R0001',
      expected: before,
      values: { ...before, cardRef: ' CARD-1 ', iban: 'pl61 1090 1014 0000 0712 1981 2874', region: '' },
      reason: 'The client sent the card number by e-mail',
    });
    expect(detail).toMatchObject({ cardRef: 'CARD-1', iban: VALID_IBAN, region: null, name: 'Anna Nowak' });
    const edits = detail.history.filter((h) => h.edit);
    expect(edits.map((h) => [h.field, h.from, h.to])).toEqual(
      expect.arrayContaining([
        ['cardRef', null, 'CARD-1'],
        ['iban', null, VALID_IBAN],
        ['region', 'North', null],
      ]),
    );
    expect(edits).toHaveLength(3);
    expect(edits[0]!.edit).toEqual({ by: 'test', reason: 'The client sent the card number by e-mail' });
    // The import's own rows stay, without a reason: the edit is a version on top of them.
    expect(detail.history.filter((h) => !h.edit).length).toBeGreaterThan(0);
    const log = ctx.store.sqlite
      .prepare("SELECT actor, subject, reason FROM operator_log WHERE action = 'participant.edit'")
      .all();
    expect(log).toEqual([{ actor: 'test', subject: 'R0001', reason: 'The client sent the card number by e-mail' }]);
    // The operator's log names a card or an account by its last four characters only.
    const details = ctx.store.sqlite
      .prepare("SELECT details_json FROM operator_log WHERE action = 'participant.edit'")
      .pluck()
      .get() as string;
    expect(details).not.toContain(VALID_IBAN);
    expect(details).not.toContain('CARD-1');
    expect(JSON.parse(details).changes).toEqual(
      expect.arrayContaining([
        { field: 'cardRef', from: null, to: '•••• RD-1' },
        { field: 'iban', from: null, to: '•••• 2874' },
        { field: 'region', from: 'North', to: null },
      ]),
    );
    // Sealed like an import's changes: the audit finds nothing wrong.
    expect(verifyLedger(ctx.store.sqlite).problems).toEqual([]);
  });

  it('refuses an IBAN whose check digits do not match, naming it, and writes nothing', () => {
    const before = formOf(ctx, 'R0002');
    const counts = tableCounts(ctx);
    const error = refusal(() =>
      editParticipant(ctx, {
        code: 'R0002',
        expected: before,
        values: { ...before, iban: 'PL61109010140000071219812875' },
        reason: 'New account',
      }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('PL61109010140000071219812875');
    expect(error.message).toContain('check digits');
    expect(error.details).toMatchObject({ field: 'iban' });
    expect(tableCounts(ctx)).toEqual(counts);
    expect(getParticipant(ctx, 'R0002').iban).toBeNull();
  });

  it('refuses an edit without a reason', () => {
    const before = formOf(ctx, 'R0002');
    const error = refusal(() =>
      editParticipant(ctx, { code: 'R0002', expected: before, values: { ...before, cardRef: 'X' }, reason: '  ' }),
    );
    expect(error.code).toBe('REASON_REQUIRED');
  });

  it('refuses an edit whose participant was changed by an import since the form opened, overwriting nothing', async () => {
    const before = formOf(ctx, 'R0002');
    await importParticipants(ctx, csv('participants-2.csv', 'Rep code,Name,Card\nR0002,Jan Kowalski,CARD-NEW\n'));
    const counts = tableCounts(ctx);
    const error = refusal(() =>
      editParticipant(ctx, {
        code: 'R0002',
        expected: before,
        values: { ...before, name: 'Jan K. Kowalski' },
        reason: 'Spelling',
      }),
    );
    expect(error.code).toBe('PARTICIPANT_CHANGED');
    expect(error.details).toEqual({ code: 'R0002', fields: ['cardRef'] });
    expect(error.message).toContain('CARD-NEW');
    expect(tableCounts(ctx)).toEqual(counts);
    expect(getParticipant(ctx, 'R0002')).toMatchObject({ name: 'Jan Kowalski', cardRef: 'CARD-NEW' });
  });

  it('refuses a second edit made from the same, now stale, form', () => {
    const before = formOf(ctx, 'R0001');
    editParticipant(ctx, { code: 'R0001', expected: before, values: { ...before, cardRef: 'C-1' }, reason: 'a' });
    const error = refusal(() =>
      editParticipant(ctx, { code: 'R0001', expected: before, values: { ...before, cardRef: 'C-9' }, reason: 'b' }),
    );
    expect(error.code).toBe('PARTICIPANT_CHANGED');
    expect(getParticipant(ctx, 'R0001').cardRef).toBe('C-1');
  });
});
