// An import opened again from the history (#/import?batch=ID): what it read, every problem with
// its row, column and value, the error report for the client, the lines it stored a page at a
// time, and the batch it replaced or that replaced it, each a link to its own report.
import { useEffect, useRef } from 'react';
import type { BatchLink, ImportBatchReport } from '../../../src-main/ipc/contract';
import { useCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { Stat } from '../../components/Stat';
import { useI18n } from '../../i18n/i18n';
import { hrefOf } from '../../navigation';
import { BatchLinesTable } from './BatchLinesTable';
import { ErrorReportButton } from './ErrorReportButton';
import { kindLabel } from './import-texts';
import { MappingSection, ProblemsSection } from './ReportSections';

/** The address of a batch's report, for every link to it. */
export function batchReportHref(batchId: number): string {
  return hrefOf('import', { batch: String(batchId) });
}

function BatchLinkNotice({ link, kind }: { link: BatchLink; kind: 'replaces' | 'replacedBy' }) {
  const i18n = useI18n();
  const { t } = i18n;
  const params = { id: link.id, file: link.fileName, when: i18n.formatDateTime(link.createdAt), who: link.createdBy };
  return (
    <div
      className={kind === 'replacedBy' ? 'notice notice--warning' : 'notice notice--info'}
      role="note"
      data-testid={kind === 'replacedBy' ? 'batch-replaced-by' : 'batch-replaces'}
    >
      <Icon name="replace" className="notice-icon" />
      <p className="notice-text">
        {t(kind === 'replacedBy' ? 'import.batch.replacedBy' : 'import.batch.replaces', params)}{' '}
        <a href={batchReportHref(link.id)} data-testid={`open-batch-${link.id}`}>
          {t('import.batch.open', { id: link.id })}
        </a>
      </p>
    </div>
  );
}

function BatchReportBody({ report }: { report: ImportBatchReport }) {
  const i18n = useI18n();
  const { t } = i18n;
  const n = (value: number) => i18n.formatInteger(value);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const warnings = report.problems.filter((p) => p.severity === 'warning').length;

  // The report replaces the wizard: the heading takes focus, as a new step's does.
  useEffect(() => titleRef.current?.focus(), [report.id]);

  return (
    <section className="card report" aria-labelledby="batch-report-title" data-testid="batch-report">
      <div className="report-header">
        <span
          className={report.rejected > 0 ? 'report-icon report-icon--attention' : 'report-icon report-icon--ok'}
          aria-hidden="true"
        >
          <Icon name={report.rejected > 0 ? 'alert' : 'checkCircle'} size={22} />
        </span>
        <div className="report-heading">
          <h2 className="card-title step-title" id="batch-report-title" tabIndex={-1} ref={titleRef}>
            {t('import.batch.title', { id: report.id, file: report.fileName })}
          </h2>
          <p className="report-file" data-testid="batch-facts">
            {[
              kindLabel(report.kind, i18n),
              ...(report.period ? [i18n.formatPeriod(report.period)] : []),
              t('import.batch.when', { when: i18n.formatDateTime(report.createdAt), who: report.createdBy }),
              ...(report.sheet ? [t('import.batch.sheet', { sheet: report.sheet })] : []),
              i18n.formatFileSize(report.fileSize),
            ].join(' · ')}
          </p>
        </div>
        <div className="report-actions">
          {report.problems.length > 0 ? <ErrorReportButton source={{ batchId: report.id }} /> : null}
          <a className="btn btn-secondary" href={hrefOf('import')} data-testid="batch-back">
            <Icon name="upload" size={16} />
            {t('import.batch.back')}
          </a>
        </div>
      </div>

      {report.replacedBy ? <BatchLinkNotice link={report.replacedBy} kind="replacedBy" /> : null}
      {report.replaces.map((link) => (
        <BatchLinkNotice key={link.id} link={link} kind="replaces" />
      ))}

      <div className="stat-grid stat-grid--report">
        <Stat id="rows-read" label={t('import.report.rowsRead')} value={n(report.rowsRead)} />
        <Stat id="accepted" label={t('import.report.accepted')} value={n(report.accepted)} tone="success" />
        <Stat
          id="rejected"
          label={t('import.report.rejected')}
          value={n(report.rejected)}
          tone={report.rejected > 0 ? 'danger' : undefined}
        />
        <Stat id="skipped" label={t('import.report.skipped')} value={n(report.skipped)} />
        <Stat
          id="warnings"
          label={t('import.batch.warnings')}
          value={n(warnings)}
          tone={warnings > 0 ? 'warning' : undefined}
        />
      </div>

      <div className="report-sections">
        <MappingSection idPrefix="batch" kind={report.kind} mapping={report.mapping} />
        <ProblemsSection idPrefix="batch" kind={report.kind} problems={report.problems} />

        {report.kind === 'sales' ? <BatchLinesTable batchId={report.id} /> : null}
      </div>
    </section>
  );
}

export function BatchReportView({ batchId }: { batchId: number }) {
  const report = useCall('imports.report', { batchId });
  if (report.error) return <ErrorNotice error={report.error} onRetry={report.reload} testId="batch-report-error" />;
  if (!report.value) return <div className="card" aria-busy="true" />;
  return <BatchReportBody report={report.value} />;
}
