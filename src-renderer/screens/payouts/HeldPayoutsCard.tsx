import { useState } from 'react';
import type { HeldPayout } from '../../../src-main/ipc/contract';
import { VirtualGrid, type GridColumn } from '../../components/VirtualGrid';
import { useI18n, type CurrencyInfo } from '../../i18n/i18n';
import { HeldBadge } from '../scoring/HeldBadge';
import { ParticipantDetailPanel } from '../ParticipantDetailPanel';

/**
 * Payouts the rules hold back (no card or IBAN, inactive): their points stay in the balance. Each can be fixed from
 * here: the participant's correction form opens with the missing field focused, and `onChanged` recomputes the page.
 */
export function HeldPayoutsCard({
  held,
  pointValueMinor,
  currency,
  locked = false,
  onChanged,
}: {
  held: readonly HeldPayout[];
  pointValueMinor: number;
  currency: CurrencyInfo;
  /** An approved period: its held points stayed in the balances and are paid with a later approval. */
  locked?: boolean;
  onChanged?: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [fixing, setFixing] = useState<HeldPayout | null>(null);
  const [fixed, setFixed] = useState(false);
  const fixLabel = (h: HeldPayout) =>
    t(h.reason === 'inactive' ? 'payouts.held.fixStatus' : 'payouts.held.fixDestination');
  const columns: GridColumn<HeldPayout>[] = [
    // Each column as wide as its figures (`text`), so that no name or amount is cut off.
    {
      id: 'code',
      label: t('field.code'),
      width: 72,
      text: (h) => h.code,
      render: (h) => <span className="mono">{h.code}</span>,
    },
    {
      id: 'name',
      label: t('field.name'),
      width: 120,
      grow: true,
      text: (h) => h.name,
      render: (h) => (
        <span className="truncate" title={h.name}>
          {h.name}
        </span>
      ),
    },
    {
      id: 'reason',
      label: t('payouts.held.reason'),
      width: 100,
      // The badge's own padding is the cell's room for bold figures.
      text: (h) => t(`held.${h.reason}`),
      render: (h) => <HeldBadge reason={h.reason} />,
    },
    {
      id: 'points',
      label: t('payouts.held.points'),
      width: 72,
      numeric: true,
      text: (h) => i18n.formatInteger(h.points),
      render: (h) => i18n.formatInteger(h.points),
    },
    {
      id: 'value',
      label: t('payouts.held.value'),
      width: 96,
      numeric: true,
      text: (h) => i18n.formatMoney(h.points * pointValueMinor, currency),
      render: (h) => i18n.formatMoney(h.points * pointValueMinor, currency),
    },
    {
      id: 'fix',
      label: t('payouts.held.fix'),
      width: 136,
      render: (h) => (
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => {
            setFixed(false);
            setFixing(h);
          }}
          data-testid={`held-fix-${h.code}`}
          title={fixLabel(h)}
          // The accessible name begins with the words shown, so that voice control finds the button by them.
          aria-label={`${t('participant.edit.open')}: ${fixLabel(h)}, ${h.name} (${h.code})`}
        >
          {t('participant.edit.open')}
        </button>
      ),
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
          {locked ? (
            <p className="card-lead" data-testid="held-locked-note">
              {t('payouts.held.lockedNote')}
            </p>
          ) : null}
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
      {fixed ? (
        <p className="text-success small" role="status" data-testid="held-fixed">
          {t('payouts.held.fixed')}
        </p>
      ) : null}
      {fixing ? (
        <ParticipantDetailPanel
          key={fixing.code}
          className="detail-panel--fixed"
          code={fixing.code}
          editField={fixing.reason === 'inactive' ? 'status' : 'cardRef'}
          onClose={() => setFixing(null)}
          onEdited={() => {
            setFixing(null);
            setFixed(true);
            onChanged?.();
          }}
        />
      ) : null}
    </section>
  );
}
