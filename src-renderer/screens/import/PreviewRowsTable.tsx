// The file's rows under the file's own headers, with each row's outcome and its problems in words; the cell a problem
// is about is marked. A dense table with the tools of the others: sort, search, filters (with problems, outcome), the
// columns chosen remembered per kind of file, Save as xlsx, the row number pinned, and the page scrolling once.
import { useState } from 'react';
import type { ImportKind, ImportProblem, PreviewRow } from '../../../src-main/ipc/contract';
import { RevealSecretsButton, secretText } from '../../components/SecretText';
import { BADGE_PADDING } from '../../components/column-widths';
import { DataTable, type DataColumn, type TableFilter } from '../../components/DataTable';
import { useI18n } from '../../i18n/i18n';
import { problemText, ROW_STATUS_TEXT, ROW_STATUS_TONE } from './import-texts';

interface Props {
  kind: ImportKind;
  headers: string[];
  rows: PreviewRow[];
  problems: ImportProblem[];
  /** The headers of the columns mapped to a card reference or an IBAN: masked until the coordinator shows them. */
  secretHeaders?: ReadonlySet<string>;
}

interface ShownRow extends PreviewRow {
  problems: ImportProblem[];
  problemsText: string;
  flagged: ReadonlySet<string | null>;
}

const STATUSES: readonly PreviewRow['status'][] = ['accepted', 'rejected', 'skipped', 'duplicate'];

export function PreviewRowsTable({ kind, headers, rows, problems, secretHeaders }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [revealed, setRevealed] = useState(false);
  const hasSecrets = headers.some((header) => secretHeaders?.has(header));

  const byRow = new Map<number, ImportProblem[]>();
  for (const p of problems) {
    if (p.row === null) continue;
    const list = byRow.get(p.row);
    if (list) list.push(p);
    else byRow.set(p.row, [p]);
  }
  const shown: ShownRow[] = rows.map((row) => {
    const own = byRow.get(row.row) ?? [];
    return {
      ...row,
      problems: own,
      problemsText: own.map((p) => `${p.column ? `${p.column}: ` : ''}${problemText(p, i18n, kind)}`).join('; '),
      flagged: new Set(own.map((p) => p.column)),
    };
  });
  const hasProblems = (row: ShownRow) => row.status !== 'accepted' || row.problems.length > 0;

  const dash = <span className="muted">—</span>;
  const columns: DataColumn<ShownRow>[] = [
    {
      id: 'row',
      label: t('import.preview.rows.row'),
      width: 56,
      numeric: true,
      pinned: true,
      render: (r) => i18n.formatInteger(r.row),
      text: (r) => i18n.formatInteger(r.row),
      sortValue: (r) => r.row,
    },
    {
      id: 'outcome',
      label: t('import.preview.rows.outcome'),
      width: 96,
      render: (r) => (
        <span className={`badge badge--${ROW_STATUS_TONE[r.status]}`}>{t(ROW_STATUS_TEXT[r.status])}</span>
      ),
      text: (r) => t(ROW_STATUS_TEXT[r.status]),
      extraWidth: BADGE_PADDING,
    },
    ...headers.map((header, i): DataColumn<ShownRow> => {
      const secret = secretHeaders?.has(header) ?? false;
      const cell = (r: ShownRow) => (secret ? secretText(r.cells[i] ?? null, revealed) : (r.cells[i] ?? ''));
      return {
        id: `cell:${i}:${header}`,
        label: header === '' ? '—' : header,
        width: 64,
        render: (r) => {
          const value = cell(r);
          if (value === '') return dash;
          return r.flagged.has(header) ? <span className="preview-cell is-flagged">{value}</span> : value;
        },
        text: cell,
        ...(secret ? { measureKey: String(revealed) } : {}),
      };
    }),
    {
      id: 'problems',
      label: t('import.report.problems'),
      width: 200,
      grow: true,
      render: (r) =>
        r.problems.length === 0 ? null : (
          <span className="truncate preview-row-problems-text">
            <span className="sr-only">{t('import.preview.rows.problemsOf', { row: i18n.formatInteger(r.row) })}: </span>
            {r.problemsText}
          </span>
        ),
      text: (r) => r.problemsText,
    },
  ];

  const filters: TableFilter<ShownRow>[] = [
    {
      id: 'problems',
      label: t('import.preview.rows.filter'),
      options: [
        {
          value: 'problems',
          label: `${t('import.preview.rows.problems')} (${i18n.formatInteger(shown.filter(hasProblems).length)})`,
        },
      ],
      matches: (r) => hasProblems(r),
    },
    {
      id: 'outcome',
      label: t('import.preview.rows.outcome'),
      options: STATUSES.filter((s) => rows.some((r) => r.status === s)).map((s) => ({
        value: s,
        label: t(ROW_STATUS_TEXT[s]),
      })),
      matches: (r, value) => r.status === value,
    },
  ];

  return (
    <div className="preview-rows" data-testid="preview-rows">
      <DataTable
        // The columns differ from one kind of file to another; each kind remembers its own.
        tableId={`preview-${kind}`}
        title={t('import.preview.rows')}
        rows={shown}
        columns={columns}
        rowKey={(r) => String(r.row)}
        label={t('import.preview.rows')}
        filters={filters}
        searchLabel={t('table.searchRows')}
        countLabel={(count, total) => t('table.rowsCount', { shown: count, count: total })}
        rowClassName={(r) => `preview-row is-${r.status}${r.problems.length > 0 ? ' has-problems' : ''}`}
        actions={
          hasSecrets ? (
            <RevealSecretsButton revealed={revealed} onChange={setRevealed} testId="preview-reveal" />
          ) : undefined
        }
      />
    </div>
  );
}
