import { useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import type { AppErrorData, ImportReport } from '../../src-main/ipc/contract';
import { safeCall, useCall } from '../api/use-call';
import { BusyIndicator } from '../components/BusyIndicator';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { ImportBatchTable } from '../components/ImportBatchTable';
import { PageHeader } from '../components/PageHeader';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { ImportReportView } from './ImportReportView';

type Phase =
  | { step: 'choose'; notice: MessageKey | null }
  | { step: 'busy'; fileName: string }
  | { step: 'done'; report: ImportReport }
  | { step: 'failed'; fileName: string; error: AppErrorData };

const KINDS: Array<{ kind: 'participants' | 'products' | 'targets' | 'sales'; label: MessageKey; enabled: boolean }> = [
  { kind: 'participants', label: 'import.kind.participants', enabled: true },
  { kind: 'products', label: 'import.kind.products', enabled: false },
  { kind: 'targets', label: 'import.kind.targets', enabled: false },
  { kind: 'sales', label: 'import.kind.sales', enabled: false },
];

const ACCEPTED = /\.(xlsx|csv)$/i;

export function ImportScreen() {
  const { t } = useI18n();
  const history = useCall('imports.list');
  const [phase, setPhase] = useState<Phase>({ step: 'choose', notice: null });
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const importFile = async (file: File) => {
    if (!ACCEPTED.test(file.name)) {
      setPhase({ step: 'choose', notice: 'import.file.notSupported' });
      return;
    }
    setPhase({ step: 'busy', fileName: file.name });
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      setPhase({ step: 'failed', fileName: file.name, error: { code: 'FILE_UNREADABLE', message: 'The file could not be read from the disk.' } });
      return;
    }
    const result = await safeCall('import.participants', { fileName: file.name, bytes });
    if (result.ok) setPhase({ step: 'done', report: result.value });
    else setPhase({ step: 'failed', fileName: file.name, error: result.error });
    history.reload();
  };

  const onFileChosen = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) fires a change.
    event.target.value = '';
    if (file) void importFile(file);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && phase.step !== 'busy') void importFile(file);
  };

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (!dragging) setDragging(true);
  };

  const chooseAnother = () => {
    setPhase({ step: 'choose', notice: null });
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  const showPicker = phase.step !== 'done';

  return (
    <div className="page">
      <PageHeader title={t('import.title')} lead={t('import.lead')} />

      {showPicker ? (
        <section className="card import-card" aria-labelledby="import-kind-legend">
          <fieldset className="kind-picker" aria-describedby="kind-coming-next">
            <legend className="section-title" id="import-kind-legend">
              {t('import.kind.legend')}
            </legend>
            <div className="kind-options">
              {KINDS.map(({ kind, label, enabled }) => (
                <label key={kind} className={enabled ? 'kind-option' : 'kind-option is-disabled'}>
                  <input type="radio" name="import-kind" value={kind} defaultChecked={kind === 'participants'} disabled={!enabled} />
                  <span className="kind-option-text">
                    <span className="kind-option-label">{t(label)}</span>
                    {enabled ? (
                      <span className="kind-option-hint">{t('import.kind.participants.text')}</span>
                    ) : (
                      <span className="badge badge--neutral badge--small">{t('import.kind.comingNext')}</span>
                    )}
                  </span>
                </label>
              ))}
            </div>
            <p className="field-hint with-icon" id="kind-coming-next">
              <Icon name="info" size={15} />
              {t('import.kind.comingNext.text')}
            </p>
          </fieldset>

          <div
            className={dragging ? 'drop-zone is-dragging' : 'drop-zone'}
            onDragOver={onDragOver}
            onDragEnter={onDragOver}
            onDragLeave={(event) => {
              // Leaving for a child of the zone is not leaving the zone.
              if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
            }}
            onDrop={onDrop}
            data-testid="drop-zone"
          >
            {phase.step === 'busy' ? (
              <BusyIndicator label={t('import.busy', { file: phase.fileName })} testId="import-busy" />
            ) : (
              <>
                <span className="drop-zone-icon" aria-hidden="true">
                  <Icon name="sheet" size={26} />
                </span>
                <div className="drop-zone-row">
                  <label className="btn btn-primary file-button">
                    <input
                      ref={inputRef}
                      type="file"
                      accept=".xlsx,.csv"
                      className="file-input"
                      onChange={onFileChosen}
                      data-testid="import-file-input"
                      aria-describedby="drop-zone-formats"
                    />
                    <Icon name="upload" size={16} />
                    {t('import.file.choose')}
                  </label>
                  <span className="drop-zone-or">{dragging ? t('import.file.dropActive') : t('import.file.drop')}</span>
                </div>
                <p className="drop-zone-formats" id="drop-zone-formats">
                  {t('import.file.formats')}
                </p>
              </>
            )}
          </div>

          {phase.step === 'choose' && phase.notice ? (
            <div className="notice notice--error" role="alert">
              <Icon name="alert" className="notice-icon" />
              <p className="notice-text">{t(phase.notice)}</p>
            </div>
          ) : null}
          {phase.step === 'failed' ? (
            <div data-testid="import-error">
              <ErrorNotice error={phase.error} />
            </div>
          ) : null}
        </section>
      ) : null}

      {phase.step === 'done' ? <ImportReportView report={phase.report} onAnother={chooseAnother} /> : null}

      <section className="card" aria-labelledby="import-history">
        <div className="card-header">
          <h2 className="card-title" id="import-history">
            {t('import.history.title')}
          </h2>
        </div>
        {history.error ? <ErrorNotice error={history.error} onRetry={history.reload} /> : null}
        {history.value && history.value.length > 0 ? (
          <ImportBatchTable batches={history.value} label={t('import.history.title')} />
        ) : history.value ? (
          <p className="muted">{t('import.history.empty')}</p>
        ) : null}
      </section>
    </div>
  );
}
