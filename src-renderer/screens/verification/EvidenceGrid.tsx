import type { EvidenceLine } from '../../../src-main/ipc/contract';
import { VirtualGrid, type GridColumn } from '../../components/VirtualGrid';
import { useI18n, type CurrencyInfo } from '../../i18n/i18n';

/** Enough rows to read a finding at a glance; more scroll inside the frame, rendered only when in view. */

interface Props {
  lines: readonly EvidenceLine[];
  currency: CurrencyInfo;
  label: string;
  /** When given, each line with an id gets a checkbox: the lines an exclusion or assignment is limited to. */
  chosen?: ReadonlySet<number>;
  onToggle?: (lineId: number) => void;
}

const keyOf = (line: EvidenceLine) => (line.lineId === null ? `${line.batchId}-${line.row ?? 0}` : String(line.lineId));

/** The rows of the client's files that show a finding: file and row, date, who, what, how much. */
export function EvidenceGrid({ lines, currency, label, chosen, onToggle }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const salesLines = lines.some((l) => l.lineId !== null);
  const source = (l: EvidenceLine) => (
    <span className="truncate" title={l.fileName}>
      {t('evidence.source', { file: l.fileName, row: l.row ?? '—' })}
    </span>
  );
  const columns: GridColumn<EvidenceLine>[] = [];
  if (chosen && onToggle) {
    columns.push({
      id: 'choose',
      label: t('evidence.col.choose'),
      width: 76,
      render: (l) =>
        l.lineId === null ? null : (
          <input
            type="checkbox"
            className="grid-check"
            checked={chosen.has(l.lineId)}
            onChange={() => onToggle(l.lineId as number)}
            onClick={(event) => event.stopPropagation()}
            // The row takes Space and arrows for moving; on the box they are the box's own.
            onKeyDown={(event) => event.stopPropagation()}
            aria-label={t('evidence.chooseRow', { row: l.row ?? '' })}
            data-testid="evidence-choose"
          />
        ),
    });
  }
  columns.push({ id: 'source', label: t('evidence.col.source'), width: 200, grow: true, render: source });
  if (salesLines) {
    columns.push(
      {
        id: 'date',
        label: t('evidence.col.date'),
        width: 116,
        render: (l) => <span className="nowrap">{i18n.formatDate(l.date)}</span>,
      },
      {
        id: 'participant',
        label: t('evidence.col.participant'),
        width: 110,
        render: (l) => <span className="mono">{l.participantCode ?? '—'}</span>,
      },
      {
        id: 'sku',
        label: t('evidence.col.sku'),
        width: 96,
        render: (l) => <span className="mono">{l.sku ?? '—'}</span>,
      },
      {
        id: 'quantity',
        label: t('evidence.col.quantity'),
        width: 70,
        numeric: true,
        render: (l) => (l.quantity === null ? '—' : i18n.formatInteger(l.quantity)),
      },
      {
        id: 'net',
        label: t('evidence.col.net'),
        width: 124,
        numeric: true,
        render: (l) => (l.netMinor === null ? '—' : i18n.formatMoney(l.netMinor, currency)),
      },
    );
  } else {
    columns.push({
      id: 'value',
      label: t('evidence.col.value'),
      width: 220,
      grow: true,
      render: (l) => <span className="truncate mono">{l.sku ?? '—'}</span>,
    });
  }
  return (
    <div className="grid-frame evidence-frame">
      <VirtualGrid rows={lines} columns={columns} rowKey={keyOf} label={label} testId="evidence-grid" />
    </div>
  );
}
