// The import wizard: choose the kind and the file, watch it being read (cancellable),
// match columns where the core could not, check the preview, import, see the report.
// The core does the work as a job (import.start / status / commit); this screen only
// polls and shows. Nothing is written before the operator confirms the preview.
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AppErrorData,
  ImportJobStatus,
  ImportKind,
  ImportPreview,
  ImportReport,
  MappingField,
  PreviewRow,
} from '../../src-main/ipc/contract';
import { safeCall, useCall } from '../api/use-call';
import { ErrorNotice } from '../components/ErrorNotice';
import { ImportBatchTable } from '../components/ImportBatchTable';
import { PageHeader } from '../components/PageHeader';
import { useI18n, type MessageKey, type Params } from '../i18n/i18n';
import { hrefOf, useRouteParam } from '../navigation';
import { Icon } from '../components/Icon';
import { ChooseFileStep, IMPORT_KIND_OPTIONS, INITIAL_SALES_CHOICE, type SalesChoice } from './import/ChooseFileStep';
import { BatchReportView } from './import/BatchReportView';
import { ErrorReportButton } from './import/ErrorReportButton';
import { batchWithRejections, replaceableSalesBatches, type BatchView } from './import/import-batch-view';
import { MappingStep } from './import/MappingStep';
import { PreviewStep } from './import/PreviewStep';
import { ReadingStep } from './import/ReadingStep';
import { WizardSteps, type WizardStep } from './import/WizardSteps';
import { ImportReportView } from './ImportReportView';

/** How often the job is asked how far it got: often enough for a smooth bar, rarely enough to cost nothing. */
const POLL_MS = 200;
/** The first look comes sooner: a small file is read before the bar would have moved. */
const FIRST_POLL_MS = 60;

/** The file as the operator chose it, kept in memory so that it can be read again with other columns. */
interface FileInHand {
  name: string;
  size: number;
  bytes: Uint8Array<ArrayBuffer>;
}

/** Everything one reading of a file is started with. */
interface RunSpec {
  kind: ImportKind;
  file: FileInHand;
  period?: string;
  replaceBatchId?: number;
  mapping?: Record<string, string>;
}

interface MappingSource {
  headers: string[];
  fields: MappingField[];
  rows: PreviewRow[];
}

interface PreviewPhase {
  step: 'preview';
  spec: RunSpec;
  jobId: string;
  preview: ImportPreview;
  committing: boolean;
  commitError: AppErrorData | null;
}

type Phase =
  | { step: 'choose' }
  | {
      step: 'reading';
      spec: RunSpec;
      run: number;
      jobId: string | null;
      status: ImportJobStatus | null;
      cancelling: boolean;
    }
  | {
      step: 'mapping';
      spec: RunSpec;
      jobId: string | null;
      source: MappingSource;
      mode: 'missing' | 'adjust';
      back: PreviewPhase | null;
    }
  | PreviewPhase
  | { step: 'done'; report: ImportReport };

type ChooseNotice = { tone: 'info' | 'error'; text: MessageKey } | null;

const WIZARD_STEP: Record<Phase['step'], WizardStep> = {
  choose: 'file',
  reading: 'file',
  mapping: 'columns',
  preview: 'check',
  done: 'done',
};

function needsMapping(preview: ImportPreview): boolean {
  return preview.fields.some((f) => f.required && !f.header);
}

/**
 * A refusal for want of a header row may carry what the mapping step needs (the headers of
 * the nearest row and the kind's fields); then the operator can choose the columns.
 */
function mappingFromError(error: AppErrorData): MappingSource | null {
  if (error.code !== 'HEADER_NOT_FOUND' || !error.details) return null;
  const { headers, fields, rows, required } = error.details;
  if (fields) return { headers, fields, rows };
  // Without the fields, the required ones (named in `required`) are enough to go on.
  if (!required) return null;
  return {
    headers,
    fields: Object.keys(required).map((field) => ({ field, required: true, header: null, source: null })),
    rows: [],
  };
}

/** Resolves after the browser has painted what was just rendered. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function cancelJob(jobId: string | null): void {
  if (jobId) void safeCall('import.cancel', { jobId });
}

export function ImportScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const history = useCall('imports.list');
  const batches = (history.value ?? []) as BatchView[];
  const replaceable = replaceableSalesBatches(batches);
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  // Other screens may open the wizard on a kind, e.g. Payouts on a confirmation.
  const askedKind = useRouteParam('kind');
  // A batch's report opened from the history or the Dashboard replaces the wizard while the address names it.
  const askedBatch = Number(useRouteParam('batch') ?? '') || null;
  const rejectedOf = useRouteParam('rejectedOf');
  const openBatch = askedBatch ?? (rejectedOf ? (batchWithRejections(batches, rejectedOf)?.id ?? null) : null);
  const [kind, setKind] = useState<ImportKind>(
    () => IMPORT_KIND_OPTIONS.find((o) => o.kind === askedKind)?.kind ?? 'participants',
  );
  const [sales, setSales] = useState<SalesChoice>(INITIAL_SALES_CHOICE);
  const [notice, setNotice] = useState<ChooseNotice>(null);
  const [chooseError, setChooseError] = useState<AppErrorData | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  /** What gets focus once the next step is shown; nothing on the first render, which the app's navigation focuses. */
  const focusNext = useRef<'title' | 'input' | null>(null);
  const runCounter = useRef(0);
  /** The job still open in the core, cancelled if the operator leaves the screen. */
  const openJob = useRef<string | null>(null);

  const announce = useCallback((key: MessageKey, params?: Params) => setAnnouncement(t(key, params)), [t]);

  const goTo = useCallback((next: Phase, focus: 'title' | 'input' = 'title') => {
    focusNext.current = focus;
    setPhase(next);
  }, []);

  const backToChoose = useCallback(
    (outcome: { notice?: ChooseNotice; error?: AppErrorData | null; focus?: 'title' | 'input' } = {}) => {
      setNotice(outcome.notice ?? null);
      setChooseError(outcome.error ?? null);
      // A refusal shows below the file button: focus goes there, not to the title far above it.
      goTo({ step: 'choose' }, outcome.focus ?? (outcome.error ? 'input' : 'title'));
    },
    [goTo],
  );

  // The job of the current step is the one to cancel if the operator leaves.
  useEffect(() => {
    openJob.current =
      phase.step === 'reading' || phase.step === 'mapping' || phase.step === 'preview' ? phase.jobId : null;
  }, [phase]);
  useEffect(() => () => cancelJob(openJob.current), []);

  // Focus follows the wizard: the new step's title, or the file button when choosing again.
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    if (target === 'input' && inputRef.current) inputRef.current.focus();
    else titleRef.current?.focus();
  }, [phase.step]);

  const startRun = useCallback(
    async (spec: RunSpec) => {
      const run = ++runCounter.current;
      setNotice(null);
      setChooseError(null);
      goTo({ step: 'reading', spec, run, jobId: null, status: null, cancelling: false });
      announce('import.reading.announce', { file: spec.file.name });
      // Sending a big file encodes it on this thread first: let the reading step paint before.
      await nextPaint();
      if (run !== runCounter.current) return;
      const result = await safeCall('import.start', {
        kind: spec.kind,
        fileName: spec.file.name,
        bytes: spec.file.bytes,
        ...(spec.period ? { period: spec.period } : {}),
        ...(spec.replaceBatchId ? { replaceBatchId: spec.replaceBatchId } : {}),
        ...(spec.mapping && Object.keys(spec.mapping).length > 0 ? { mapping: spec.mapping } : {}),
      });
      if (run !== runCounter.current) {
        // Cancelled (or replaced) while the file was on its way: the job is not wanted.
        if (result.ok) cancelJob(result.value.jobId);
        return;
      }
      if (!result.ok) {
        backToChoose({ error: result.error });
        return;
      }
      setPhase((p) => (p.step === 'reading' && p.run === run ? { ...p, jobId: result.value.jobId } : p));
    },
    [announce, backToChoose, goTo],
  );

  // Polling while a job is reading: a chain of timeouts, so that a slow answer never overlaps the next question.
  const readingJob = phase.step === 'reading' ? phase.jobId : null;
  const readingRun = phase.step === 'reading' ? phase.run : null;
  const readingSpec = phase.step === 'reading' ? phase.spec : null;
  useEffect(() => {
    if (!readingJob || readingRun === null || !readingSpec) return;
    let live = true;
    let timer = 0;
    const tick = async () => {
      const result = await safeCall('import.status', { jobId: readingJob });
      if (!live || readingRun !== runCounter.current) return;
      if (!result.ok) {
        backToChoose({ error: result.error });
        return;
      }
      const status = result.value;
      switch (status.state) {
        case 'reading':
          setPhase((p) => (p.step === 'reading' && p.jobId === readingJob ? { ...p, status } : p));
          timer = window.setTimeout(() => void tick(), POLL_MS);
          return;
        case 'ready': {
          const preview = status.preview;
          if (!preview) {
            backToChoose({ error: { code: 'INTERNAL', message: 'The import has no preview.' } });
            return;
          }
          if (needsMapping(preview)) {
            goTo({
              step: 'mapping',
              spec: readingSpec,
              jobId: readingJob,
              source: preview,
              mode: 'missing',
              back: null,
            });
            announce('import.mapping.announce');
          } else {
            goTo({
              step: 'preview',
              spec: readingSpec,
              jobId: readingJob,
              preview,
              committing: false,
              commitError: null,
            });
            announce('import.preview.announce', { accepted: preview.accepted, rows: preview.rowsRead });
          }
          return;
        }
        case 'failed': {
          const error: AppErrorData = status.error ?? { code: 'INTERNAL', message: 'The file could not be read.' };
          const source = mappingFromError(error);
          if (source) {
            goTo({ step: 'mapping', spec: readingSpec, jobId: null, source, mode: 'missing', back: null });
            announce('import.mapping.announce');
          } else {
            backToChoose({ error });
          }
          return;
        }
        case 'cancelled':
          backToChoose({ notice: { tone: 'info', text: 'import.cancelled' } });
          return;
        case 'committing':
        case 'committed':
          // Not reached from reading; polled again until the job says where it is.
          timer = window.setTimeout(() => void tick(), POLL_MS);
          return;
      }
    };
    timer = window.setTimeout(() => void tick(), FIRST_POLL_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [readingJob, readingRun, readingSpec, announce, backToChoose, goTo]);

  const onFile = async (file: File) => {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      setChooseError(null);
      setNotice({ tone: 'error', text: 'import.file.unreadable' });
      return;
    }
    const spec: RunSpec = { kind, file: { name: file.name, size: file.size, bytes } };
    if (kind === 'sales') {
      if (sales.periodMode === 'month' && sales.month) spec.period = sales.month;
      if (sales.correction && sales.replaceBatchId !== null && replaceable.some((b) => b.id === sales.replaceBatchId))
        spec.replaceBatchId = sales.replaceBatchId;
    }
    void startRun(spec);
  };

  const cancelReading = async () => {
    if (phase.step !== 'reading') return;
    const { jobId } = phase;
    // A newer run number makes any answer still on its way for this one be ignored.
    runCounter.current++;
    setPhase({ ...phase, cancelling: true });
    if (jobId) await safeCall('import.cancel', { jobId });
    backToChoose({ notice: { tone: 'info', text: 'import.cancelled' } });
    announce('import.cancelled');
  };

  const cancelPreview = () => {
    if (phase.step !== 'preview' && phase.step !== 'mapping') return;
    cancelJob(phase.jobId);
    backToChoose({ notice: { tone: 'info', text: 'import.cancelled' } });
    announce('import.cancelled');
  };

  const commit = async () => {
    if (phase.step !== 'preview' || phase.committing) return;
    const current = phase;
    setPhase({ ...current, committing: true, commitError: null });
    const result = await safeCall('import.commit', { jobId: current.jobId });
    if (result.ok) {
      // A corrected file has been used up: the batch it replaced is no longer there to replace.
      if (current.spec.replaceBatchId !== undefined)
        setSales((s) => ({ ...s, correction: false, replaceBatchId: null }));
      goTo({ step: 'done', report: result.value });
      announce('import.done.announce', { count: result.value.accepted });
      history.reload();
    } else {
      setPhase({ ...current, committing: false, commitError: result.error });
    }
  };

  const adjustColumns = () => {
    if (phase.step !== 'preview') return;
    goTo({ step: 'mapping', spec: phase.spec, jobId: phase.jobId, source: phase.preview, mode: 'adjust', back: phase });
  };

  const applyMapping = (mapping: Record<string, string>) => {
    if (phase.step !== 'mapping') return;
    // The old job's preview is of the old columns: it is let go before the file is read again.
    cancelJob(phase.jobId);
    void startRun({ ...phase.spec, mapping });
  };

  const mappingBack = () => {
    if (phase.step !== 'mapping') return;
    if (phase.back) goTo(phase.back);
    else cancelPreview();
  };

  const another = () => backToChoose({ focus: 'input' });

  let content;
  switch (phase.step) {
    case 'choose':
      content = (
        <ChooseFileStep
          kind={kind}
          onKind={(next) => {
            setKind(next);
            setNotice(null);
            setChooseError(null);
          }}
          sales={sales}
          onSales={setSales}
          replaceable={replaceable}
          onFile={(file) => void onFile(file)}
          notice={notice}
          error={chooseError}
          inputRef={inputRef}
          titleRef={titleRef}
        />
      );
      break;
    case 'reading':
      content = (
        <ReadingStep
          fileName={phase.spec.file.name}
          fileSize={phase.spec.file.size}
          status={phase.status}
          cancelling={phase.cancelling}
          onCancel={() => void cancelReading()}
          titleRef={titleRef}
        />
      );
      break;
    case 'mapping':
      content = (
        <MappingStep
          key={`${phase.jobId ?? 'failed'}-${phase.mode}`}
          kind={phase.spec.kind}
          fileName={phase.spec.file.name}
          headers={phase.source.headers}
          fields={phase.source.fields}
          rows={phase.source.rows}
          mode={phase.mode}
          onApply={applyMapping}
          onBack={mappingBack}
          backLabel={phase.back ? 'common.back' : 'import.cancel'}
          titleRef={titleRef}
        />
      );
      break;
    case 'preview':
      content = (
        <PreviewStep
          jobId={phase.jobId}
          preview={phase.preview}
          periodChosen={phase.spec.period !== undefined || phase.spec.replaceBatchId !== undefined}
          committing={phase.committing}
          commitError={phase.commitError}
          onCommit={() => void commit()}
          onCancel={cancelPreview}
          onAdjust={adjustColumns}
          titleRef={titleRef}
        />
      );
      break;
    case 'done':
      content = (
        <ImportReportView
          report={phase.report}
          onAnother={another}
          titleRef={titleRef}
          actions={
            <>
              {phase.report.problems.length > 0 && phase.report.batchId > 0 ? (
                <ErrorReportButton source={{ batchId: phase.report.batchId }} />
              ) : null}
              {phase.report.kind === 'sales' && phase.report.period ? (
                <a
                  className="btn btn-primary"
                  href={hrefOf('scoring', { period: phase.report.period })}
                  data-testid="go-to-scoring"
                >
                  {t('import.report.goScoring')}
                  <Icon name="arrowRight" size={16} />
                </a>
              ) : null}
            </>
          }
        />
      );
      break;
  }

  return (
    <div className="page import-page">
      <PageHeader title={t('import.title')} lead={t('import.lead')} />
      {openBatch !== null ? (
        <BatchReportView key={openBatch} batchId={openBatch} />
      ) : (
        <>
          <WizardSteps current={WIZARD_STEP[phase.step]} />
          <p className="sr-only" role="status" aria-live="polite" data-testid="import-announcement">
            {announcement}
          </p>

          {content}
        </>
      )}

      <section className="card" aria-labelledby="import-history">
        <div className="card-header">
          <h2 className="card-title" id="import-history">
            {t('import.history.title')}
          </h2>
        </div>
        {history.error ? <ErrorNotice error={history.error} onRetry={history.reload} /> : null}
        {history.value && history.value.length > 0 ? (
          <ImportBatchTable batches={batches} label={t('import.history.title')} />
        ) : history.value ? (
          <p className="muted">{t('import.history.empty')}</p>
        ) : null}
      </section>
    </div>
  );
}
