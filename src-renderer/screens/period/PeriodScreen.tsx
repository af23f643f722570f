// The frame of the screens that work on one period (Scoring, Verification, Payouts): the
// period list, the period chosen (the one another screen sent the coordinator to, else the
// one most likely worked on), its choice and state in the header, and the empty state of a
// program without sales. The screen's own content is rendered for the chosen period.
import { useState, type ReactNode } from 'react';
import type { PeriodSummary } from '../../../src-main/ipc/contract';
import { useCall } from '../../api/use-call';
import { BusyIndicator } from '../../components/BusyIndicator';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon, type IconName } from '../../components/Icon';
import { PageHeader } from '../../components/PageHeader';
import { PeriodStateBadge } from '../../components/PeriodStateBadge';
import { useI18n } from '../../i18n/i18n';
import { hrefOf, useRouteParam } from '../../navigation';
import { defaultPeriod } from '../scoring/choose-period';
import { PeriodSelect } from '../scoring/PeriodSelect';

export interface ChosenPeriod {
  summary: PeriodSummary;
  /** Reloads the period list, e.g. after an approval changed a period's state. */
  reload: () => void;
  /** Switches to another period, e.g. the earlier open one an approval must wait for. */
  choose: (period: string) => void;
}

export function PeriodScreen({
  className,
  title,
  lead,
  periodLabel,
  selectId,
  emptyIcon,
  followRoute,
  children,
}: {
  className: string;
  title: string;
  lead: string;
  periodLabel: string;
  /** The select's id, also its test id. */
  selectId: string;
  emptyIcon: IconName;
  /** Whether to start on the period named in the address (#/verification?period=2026-09). */
  followRoute: boolean;
  children: (chosen: ChosenPeriod) => ReactNode;
}) {
  const { t } = useI18n();
  const periods = useCall('periods.list');
  const asked = useRouteParam('period');
  const [chosen, setChosen] = useState<string | null>(followRoute ? asked : null);
  const list = periods.value ?? [];
  const period = chosen && list.some((p) => p.period === chosen) ? chosen : defaultPeriod(list);
  const summary = list.find((p) => p.period === period) ?? null;
  const anySales = list.some((p) => p.salesLines > 0);

  return (
    <div className={`page ${className}`}>
      <PageHeader
        title={title}
        lead={lead}
        actions={
          summary ? (
            <>
              <PeriodSelect
                id={selectId}
                label={periodLabel}
                periods={list}
                value={summary.period}
                onChange={setChosen}
                testId={selectId}
              />
              <PeriodStateBadge state={summary.state} />
            </>
          ) : null
        }
      />
      {periods.error ? <ErrorNotice error={periods.error} onRetry={periods.reload} /> : null}
      {!periods.answered ? <BusyIndicator label={t('common.loading')} /> : null}
      {periods.answered && !anySales && !periods.error ? (
        <div className="card">
          <EmptyState
            icon={emptyIcon}
            title={t('scoring.noSales.title')}
            actions={
              <a className="btn btn-primary" href={hrefOf('import')}>
                <Icon name="import" size={16} />
                {t('placeholder.goImport')}
              </a>
            }
          >
            <p>{t('scoring.noSales.text')}</p>
          </EmptyState>
        </div>
      ) : null}
      {summary && anySales ? children({ summary, reload: periods.reload, choose: setChosen }) : null}
    </div>
  );
}
