// Every problem of a file by row, column, value and reason, as the client will get them back: a dense table with the
// tools of the others (sort, search, a filter by outcome, columns remembered, Save as xlsx), every problem of a
// 100,000-row file in it (only the rows in view are drawn), the row number pinned.
import type { ImportKind, ImportProblem } from '../../../src-main/ipc/contract';
import { BADGE_PADDING } from '../../components/column-widths';
import { DataTable, type DataColumn, type TableFilter } from '../../components/DataTable';
import { useI18n } from '../../i18n/i18n';
import { problemText, SEVERITY_TEXT, SEVERITY_TONE } from './import-texts';

interface ProblemRow extends ImportProblem {
  index: number;
  text: string;
}

const SEVERITIES: readonly ImportProblem['severity'][] = ['error', 'skipped', 'warning'];

export function ProblemsTable({
  problems,
  kind,
  labelledBy,
  testId = 'import-problems',
}: {
  problems: ImportProblem[];
  kind: ImportKind;
  labelledBy: string;
  testId?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows: ProblemRow[] = problems.map((problem, index) => ({
    ...problem,
    index,
    text: problemText(problem, i18n, kind),
  }));
  const dash = <span className="muted">—</span>;
  const columns: DataColumn<ProblemRow>[] = [
    {
      id: 'row',
      label: t('import.report.row'),
      width: 56,
      numeric: true,
      pinned: true,
      render: (p) => (p.row === null ? t('import.report.wholeFile') : i18n.formatInteger(p.row)),
      text: (p) => (p.row === null ? t('import.report.wholeFile') : i18n.formatInteger(p.row)),
      sortValue: (p) => p.row,
    },
    {
      id: 'column',
      label: t('import.report.problemColumn'),
      width: 80,
      render: (p) => p.column ?? dash,
      text: (p) => p.column ?? '',
    },
    {
      id: 'value',
      label: t('import.report.value'),
      width: 80,
      render: (p) => (p.value === null || p.value === '' ? dash : <code>{p.value}</code>),
      text: (p) => p.value ?? '',
    },
    {
      id: 'reason',
      label: t('import.report.reason'),
      width: 240,
      grow: true,
      render: (p) => <span className="truncate">{p.text}</span>,
      text: (p) => p.text,
    },
    {
      id: 'outcome',
      label: t('import.report.outcome'),
      width: 96,
      render: (p) => (
        <span className={`badge badge--${SEVERITY_TONE[p.severity]}`}>{t(SEVERITY_TEXT[p.severity])}</span>
      ),
      text: (p) => t(SEVERITY_TEXT[p.severity]),
      extraWidth: BADGE_PADDING,
    },
  ];
  const used = SEVERITIES.filter((severity) => problems.some((p) => p.severity === severity));
  const filters: TableFilter<ProblemRow>[] =
    used.length > 1
      ? [
          {
            id: 'outcome',
            label: t('import.report.outcome'),
            options: used.map((severity) => ({ value: severity, label: t(SEVERITY_TEXT[severity]) })),
            matches: (p, value) => p.severity === value,
          },
        ]
      : [];
  return (
    <div data-testid={testId} aria-labelledby={labelledBy} role="region">
      <DataTable
        tableId={testId}
        title={t('import.report.problems')}
        rows={rows}
        columns={columns}
        rowKey={(p) => String(p.index)}
        label={t('import.report.problems')}
        filters={filters}
        searchLabel={t('table.searchProblems')}
        countLabel={(shown, count) => t('table.problemsCount', { shown, count })}
      />
    </div>
  );
}
