// What an auditor asks of the file: the heads of the ledger and seal chains to note outside it, and the operator log
// of every decision, filterable. Nothing here writes.
import { useState } from 'react';
import { useCall } from '../../api/use-call';
import { BusyIndicator } from '../../components/BusyIndicator';
import { CopyButton } from '../../components/CopyButton';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/i18n';
import { AuditPackageCard } from './AuditPackageCard';
import { filterArgs, NO_FILTER, OperatorLogCard, type LogFilter } from './OperatorLogCard';

export function AuditScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const [filter, setFilter] = useState<LogFilter>(NO_FILTER);
  const log = useCall('audit.log', filterArgs(filter));
  const heads = log.value?.heads ?? null;

  return (
    <div className="page">
      <PageHeader title={t('nav.audit')} lead={t('audit.lead')} />
      {!log.answered ? <BusyIndicator label={t('common.loading')} /> : null}
      {heads ? (
        <section className="card" aria-labelledby="audit-heads-title" data-testid="audit-heads">
          <h2 className="card-title" id="audit-heads-title">
            {t('audit.heads.title')}
          </h2>
          <p className="card-lead">{t('audit.heads.text')}</p>
          <dl className="heads-grid">
            <dt>{t('audit.heads.seal', { id: i18n.formatInteger(heads.seal.id) })}</dt>
            <dd>
              <code className="head-hash" data-testid="audit-seal-head">
                {heads.seal.hash}
              </code>
              <CopyButton text={heads.seal.hash} label="settings.audit.copy" />
            </dd>
            <dt>{t('audit.heads.ledger', { id: i18n.formatInteger(heads.ledger.id) })}</dt>
            <dd>
              <code className="head-hash" data-testid="audit-ledger-head">
                {heads.ledger.hash}
              </code>
            </dd>
          </dl>
          <p className="field-hint">{t('audit.heads.hint')}</p>
        </section>
      ) : null}
      {log.answered ? <AuditPackageCard /> : null}
      {log.answered ? <OperatorLogCard log={log} filter={filter} onFilter={setFilter} /> : null}
    </div>
  );
}
