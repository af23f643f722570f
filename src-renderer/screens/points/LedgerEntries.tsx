import type { ParticipantLedger } from '../../../src-main/ipc/contract';
import { formatSignedPoints } from '../../forms/format-figures';
import { useI18n } from '../../i18n/i18n';
import { ledgerKindLabel } from '../explain/ledger-kind-label';

/** The participant's latest ledger entries, oldest first as the core sends them. */
export function LedgerEntries({ ledger }: { ledger: ParticipantLedger }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (ledger.entries.length === 0) return <p className="muted">{t('points.noEntries')}</p>;
  return (
    <>
      {ledger.entries.length < ledger.entryCount ? (
        <p className="muted small">{t('points.latest', { shown: ledger.entries.length, total: ledger.entryCount })}</p>
      ) : null}
      <div className="table-wrap ledger-table" role="region" aria-label={t('points.ledger')} tabIndex={0}>
        <table className="data-table data-table--dense" data-testid="ledger-entries">
          <thead>
            <tr>
              <th scope="col">{t('points.col.period')}</th>
              <th scope="col">{t('points.col.kind')}</th>
              <th scope="col" className="num">
                {t('points.col.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ledger.entries.map((entry) => (
              <tr key={entry.id} data-testid="ledger-entry" data-kind={entry.kind}>
                <td className="nowrap">{i18n.formatPeriod(entry.period)}</td>
                <td>
                  {ledgerKindLabel(entry.kind, i18n)}
                  {entry.note ? <span className="cell-sub ledger-note">{entry.note}</span> : null}
                  <span className="cell-sub">
                    {entry.createdBy} · {i18n.formatDateTime(entry.createdAt)}
                    {entry.correctsPeriod
                      ? ` · ${t('explain.correctsPeriod', { period: i18n.formatPeriod(entry.correctsPeriod) })}`
                      : ''}
                  </span>
                </td>
                <td className="num">{formatSignedPoints(entry.points, i18n.formatInteger)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
