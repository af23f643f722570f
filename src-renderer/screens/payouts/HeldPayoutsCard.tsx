import type { HeldPayout } from '../../../src-main/ipc/contract';
import { VirtualGrid, type GridColumn } from '../../components/VirtualGrid';
import { useI18n, type CurrencyInfo } from '../../i18n/i18n';
import { HeldBadge } from '../scoring/HeldBadge';

/** Payouts the rules hold back (no card or IBAN, inactive): their points stay in the balance. */
export function HeldPayoutsCard({
  held,
  pointValueMinor,
  currency,
}: {
  held: readonly HeldPayout[];
  pointValueMinor: number;
  currency: CurrencyInfo;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const columns: GridColumn<HeldPayout>[] = [
    { id: 'code', label: t('field.code'), width: 92, render: (h) => <span className="mono">{h.code}</span> },
    {
      id: 'name',
      label: t('field.name'),
      width: 180,
      grow: true,
      render: (h) => <span className="truncate">{h.name}</span>,
    },
    { id: 'reason', label: t('payouts.held.reason'), width: 160, render: (h) => <HeldBadge reason={h.reason} /> },
    {
      id: 'points',
      label: t('payouts.held.points'),
      width: 100,
      numeric: true,
      render: (h) => i18n.formatInteger(h.points),
    },
    {
      id: 'value',
      label: t('payouts.held.value'),
      width: 124,
      numeric: true,
      render: (h) => i18n.formatMoney(h.points * pointValueMinor, currency),
    },
  ];
  return (
    <section className="card" aria-labelledby="held-title" data-testid="held-payouts">
      <div className="card-header">
        <h2 className="card-title" id="held-title">
          {t('payouts.held.title')}
        </h2>
        {held.length > 0 ? <span className="count-pill">{i18n.formatInteger(held.length)}</span> : null}
      </div>
      {held.length === 0 ? (
        <p className="muted">{t('payouts.held.none')}</p>
      ) : (
        <>
          <p className="card-lead">{t('payouts.held.lead')}</p>
          <div className="grid-frame compact-grid-frame">
            <VirtualGrid
              rows={held}
              columns={columns}
              rowKey={(h) => h.code}
              label={t('payouts.held.title')}
              testId="held-grid"
            />
          </div>
        </>
      )}
    </section>
  );
}
