// The two sections every import report shows, on the wizard's last step and when an import is opened again from
// the history: which column of the file went into which field, and every problem with its row, column and value.
import type { ImportKind, ImportProblem } from '../../../src-main/ipc/contract';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { fieldLabel } from './import-texts';
import { ProblemsTable } from './ProblemsTable';

export function MappingSection({
  idPrefix,
  kind,
  mapping,
}: {
  /** Names the section's heading (`${idPrefix}-mapping`), so that two reports on one page keep their ids apart. */
  idPrefix: string;
  kind: ImportKind;
  mapping: Record<string, string>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="report-section report-section--mapping" aria-labelledby={`${idPrefix}-mapping`}>
      <h3 className="section-title" id={`${idPrefix}-mapping`}>
        {t('import.report.mapping')}
      </h3>
      <dl className="mapping-list" data-testid="import-mapping">
        {Object.entries(mapping).map(([field, column]) => (
          <div className="mapping-item" key={field}>
            <dt>{fieldLabel(field, i18n, kind)}</dt>
            <dd>
              <span className="column-chip" title={t('import.report.column')}>
                {column}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function ProblemsSection({
  idPrefix,
  kind,
  problems,
}: {
  idPrefix: string;
  kind: ImportKind;
  problems: ImportProblem[];
}) {
  const { t } = useI18n();
  const id = `${idPrefix}-problems`;
  return (
    <section className="report-section report-section--problems" aria-labelledby={id}>
      <h3 className="section-title" id={id}>
        {t('import.report.problems')}
        {problems.length > 0 ? (
          <span className="count-pill">{t('import.report.problemCount', { count: problems.length })}</span>
        ) : null}
      </h3>
      {problems.length === 0 ? (
        <p className="muted with-icon">
          <Icon name="checkCircle" size={16} className="text-success" />
          {t('import.report.noProblems')}
        </p>
      ) : (
        <ProblemsTable problems={problems} kind={kind} labelledBy={id} />
      )}
    </section>
  );
}
