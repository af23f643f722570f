// The top of a sales preview when most of the file's participant codes are unknown to the
// program: the wrong client's file, or the right client's file for another program. Said once
// with the figures of the whole file, and the import waits until the coordinator confirms.
import type { UnknownCodesSummary } from '../../../src-main/ipc/contract';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';

export function UnknownCodesWarning({
  summary,
  confirmed,
  onConfirm,
}: {
  summary: UnknownCodesSummary;
  confirmed: boolean;
  onConfirm(confirmed: boolean): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const n = (value: number) => i18n.formatInteger(value);
  return (
    <div className="notice notice--error" role="alert" data-testid="unknown-codes-warning">
      <Icon name="alert" className="notice-icon" />
      <div className="notice-body">
        <p className="notice-title">{t('import.unknownCodes.title')}</p>
        <p className="notice-text" data-testid="unknown-codes-figures">
          {t('import.unknownCodes.figures', {
            count: summary.codes,
            unknown: n(summary.unknownCodes),
            total: n(summary.codes),
            lines: n(summary.unknownLines),
            allLines: n(summary.lines),
          })}
        </p>
        <p className="notice-text small">{t('import.unknownCodes.examples', { codes: summary.examples.join(', ') })}</p>
        <p className="notice-text small">{t('import.unknownCodes.hint')}</p>
        <label className="check-row">
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(event) => onConfirm(event.target.checked)}
            data-testid="unknown-codes-confirm"
          />
          <span>{t('import.unknownCodes.confirm')}</span>
        </label>
      </div>
    </div>
  );
}
