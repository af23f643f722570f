// An ISO 20022 pain.001.001.03 credit-transfer initiation for participants paid by bank
// transfer: one group header, one payment information block debiting the program's account,
// one transaction per top-up. Valid against the XSD (the tests run xmllint) and within the
// EPC rules the XSD does not check: the Latin character set, EPC field lengths (names 70,
// remittance 140), amounts with exactly two decimals, control sums equal to the sum of the
// transactions. Service level SEPA and charge bearer SLEV only for EUR; Polish banks take the
// same message without them for PLN transfers.
import { AppError, type ErrorFacts } from '../../app-error';
import { minorToDecimalString } from '../../money/minor-units';
import { checkPayoutBatch, describeItem, payoutFileName } from './check-payout-batch';
import { isValidIban, normalizeIban } from './iban-checksum';
import type { PayoutFile, PayoutFileBatch, PayoutFileItem } from './payout-file-types';
import { epcText, isEpcLatin } from './transliterate-latin';

const SEPA_MEDIA_TYPE = 'application/xml';
const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';
const BIC = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/;

// EPC SEPA Credit Transfer Implementation Guidelines: Max35Text for ids, names cut at 70
// (the XSD allows 140), one unstructured remittance line of 140.
const EPC_MAX = { id: 35, name: 70, remittance: 140 } as const;
// EPC: an amount is at most 999,999,999.99 EUR. Other currencies (PLN) go by the XSD, which
// takes every amount up to MAX_SAFE_AMOUNT (18 digits).
const MAX_EPC_AMOUNT_MINOR = 99_999_999_999;

function refuse(message: string, details?: ErrorFacts): never {
  throw new AppError('INVALID_INPUT', message, details);
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * An identifier (MsgId, PmtInfId, EndToEndId) is a matching key: it is never transliterated or
 * cut, only refused. EPC also forbids a leading "/" and "//" anywhere.
 */
function checkIdentifier(value: string, what: string): string {
  if (value.length < 1 || value.length > EPC_MAX.id)
    refuse(`The ${what} "${value}" must be 1 to ${EPC_MAX.id} characters for a SEPA file.`);
  if (!isEpcLatin(value) || value.startsWith('/') || value.includes('//') || value !== value.trim()) {
    refuse(
      `The ${what} "${value}" may hold only letters A-Z, digits and / - ? : ( ) . , ' + (not starting with "/" nor holding "//") in a SEPA file.`,
    );
  }
  return value;
}

function checkedIban(raw: string, what: string): string {
  const iban = normalizeIban(raw);
  if (!isValidIban(iban)) refuse(`The IBAN ${raw} of ${what} is not a valid IBAN (its check digits do not match).`);
  return iban;
}

/** "2026-11-01T10:00:00.000Z" -> "2026-11-01T10:00:00Z": EPC asks for seconds, no fraction. */
function creationDateTime(createdAt: string): string {
  return createdAt.replace(/\.\d+(?=Z|[+-]\d\d:\d\d$)/, '');
}

/** "Partner Plus 2026-10 LD-2026-10-000042": the reference last, so that a cut never removes it. */
export function remittanceText(programName: string, item: PayoutFileItem): string {
  const tail = ` ${item.period} ${item.reference}`;
  const program = epcText(programName, EPC_MAX.remittance - tail.length);
  return epcText(`${program}${tail}`, EPC_MAX.remittance);
}

export function writeSepaPain001(batch: PayoutFileBatch): PayoutFile {
  const { rowCount, controlSumMinor } = checkPayoutBatch(batch);
  const ccy = batch.currency.code;
  if (batch.currency.minorDigits !== 2) {
    refuse(
      `A SEPA transfer file writes amounts with exactly two decimals, but ${ccy} has ${batch.currency.minorDigits}; pay this program by card or another method.`,
    );
  }
  const debtor = batch.debtor;
  if (!debtor)
    refuse("A SEPA file needs the program's debtor account: set its name, IBAN and BIC in the program settings.");
  const debtorName = epcText(debtor.name, EPC_MAX.name);
  if (!debtorName)
    refuse('The debtor name in the program settings is empty once written in the SEPA Latin character set.');
  const debtorIban = checkedIban(debtor.iban, "the program's debtor account");
  const bic = debtor.bic.trim().toUpperCase();
  if (!BIC.test(bic))
    refuse(`The debtor BIC "${debtor.bic}" in the program settings is not a BIC of 8 or 11 characters.`);
  const initiator = epcText(batch.programName, EPC_MAX.name) || debtorName;
  const msgId = checkIdentifier(batch.batchId, 'batch id');
  const isSepa = ccy === 'EUR';

  const transactions = batch.items.map((item) => {
    const who = describeItem(item);
    if (!item.iban)
      refuse(`The ${who} has no IBAN; only participants paid by bank transfer go into a SEPA file.`, {
        reference: item.reference,
      });
    const iban = checkedIban(item.iban, `the ${who}`);
    if (isSepa && item.amountMinor > MAX_EPC_AMOUNT_MINOR)
      refuse(`The ${who} is over the SEPA maximum of 999999999.99 ${ccy}.`);
    const name = epcText(item.participantName, EPC_MAX.name);
    if (!name) refuse(`The ${who} has a name with no letters a bank can read.`);
    const endToEndId = checkIdentifier(item.reference, `reference of the ${who}`);
    return [
      '      <CdtTrfTxInf>',
      `        <PmtId><EndToEndId>${escapeXml(endToEndId)}</EndToEndId></PmtId>`,
      `        <Amt><InstdAmt Ccy="${ccy}">${minorToDecimalString(item.amountMinor, 2)}</InstdAmt></Amt>`,
      `        <Cdtr><Nm>${escapeXml(name)}</Nm></Cdtr>`,
      `        <CdtrAcct><Id><IBAN>${iban}</IBAN></Id></CdtrAcct>`,
      `        <RmtInf><Ustrd>${escapeXml(remittanceText(batch.programName, item))}</Ustrd></RmtInf>`,
      '      </CdtTrfTxInf>',
    ].join('\n');
  });

  const ctrlSum = minorToDecimalString(controlSumMinor, 2);
  // pain.001.001.03 has no field for it: every free text is Max35Text or Max140Text that the bank
  // reads or forwards (remittance, ids), and SplmtryData came only in later versions. An XML
  // comment is valid against the XSD, is ignored by every XML parser, and keeps the 64 digits whole.
  const anchor =
    batch.auditAnchor && /^[0-9a-f]{64}$/.test(batch.auditAnchor)
      ? [`<!-- Loyalty Desk audit anchor: ${batch.auditAnchor} -->`]
      : [];
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    ...anchor,
    `<Document xmlns="${NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    '  <CstmrCdtTrfInitn>',
    '    <GrpHdr>',
    `      <MsgId>${escapeXml(msgId)}</MsgId>`,
    `      <CreDtTm>${creationDateTime(batch.createdAt)}</CreDtTm>`,
    `      <NbOfTxs>${rowCount}</NbOfTxs>`,
    `      <CtrlSum>${ctrlSum}</CtrlSum>`,
    `      <InitgPty><Nm>${escapeXml(initiator)}</Nm></InitgPty>`,
    '    </GrpHdr>',
    '    <PmtInf>',
    // One payment block per file, so the batch id identifies it too.
    `      <PmtInfId>${escapeXml(msgId)}</PmtInfId>`,
    '      <PmtMtd>TRF</PmtMtd>',
    // One debit of the program's account for the whole batch, as the control sum.
    '      <BtchBookg>true</BtchBookg>',
    `      <NbOfTxs>${rowCount}</NbOfTxs>`,
    `      <CtrlSum>${ctrlSum}</CtrlSum>`,
    ...(isSepa ? ['      <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>'] : []),
    `      <ReqdExctnDt>${batch.executionDate}</ReqdExctnDt>`,
    `      <Dbtr><Nm>${escapeXml(debtorName)}</Nm></Dbtr>`,
    `      <DbtrAcct><Id><IBAN>${debtorIban}</IBAN></Id></DbtrAcct>`,
    `      <DbtrAgt><FinInstnId><BIC>${bic}</BIC></FinInstnId></DbtrAgt>`,
    ...(isSepa ? ['      <ChrgBr>SLEV</ChrgBr>'] : []),
    ...transactions,
    '    </PmtInf>',
    '  </CstmrCdtTrfInitn>',
    '</Document>',
    '',
  ].join('\n');

  return {
    fileName: payoutFileName(batch, 'xml'),
    mediaType: SEPA_MEDIA_TYPE,
    bytes: new TextEncoder().encode(xml),
    rowCount,
    controlSumMinor,
  };
}
