// The audit package and its verification, from the Audit screen: the package an auditor takes away (every table, the
// original files, the rules, a manifest of SHA-256), and a check of this data file or of a package someone brings
// back, which recomputes every approved period with the same engine and names each difference.
import { useRef, useState } from 'react';
import type { AppErrorData, AuditPackageFile, AuditProblem, AuditVerification } from '../../../src-main/ipc/contract';
import { saveDownload, ZIP_TYPE } from '../../api/save-download';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { TaskProgress } from '../../components/TaskProgress';
import { useI18n, type Translator } from '../../i18n/i18n';
import { exportAuditPackage, verifyAudit } from './audit-calls';

type Busy = 'export' | 'verify' | null;

const shortHash = (hash: string) => `${hash.slice(0, 16)}…`;

function problemFacts(problem: AuditProblem, i18n: Translator): string {
  const { t } = i18n;
  const d = problem.difference;
  if (d) {
    const shown = (value: string | number | null) =>
      value === null ? '—' : typeof value === 'number' ? i18n.formatInteger(value) : value;
    return t('audit.verify.difference', {
      period: i18n.formatPeriod(d.period),
      participant: d.participant ?? t('audit.verify.wholePeriod'),
      field: d.field,
      packaged: shown(d.packaged),
      recomputed: shown(d.recomputed),
    });
  }
  if (problem.path) return t('audit.verify.inFile', { path: problem.path });
  if (problem.table)
    return problem.rowId === undefined || problem.rowId === null
      ? t('audit.verify.inTable', { table: problem.table })
      : t('audit.verify.inRow', { table: problem.table, row: i18n.formatInteger(problem.rowId) });
  return '';
}

function VerificationResult({ result }: { result: AuditVerification }) {
  const i18n = useI18n();
  const { t } = i18n;
  const c = result.counts;
  const what = result.source === 'package' ? t('audit.verify.thePackage') : t('audit.verify.theFile');
  const counted = t('audit.verify.counted', {
    entries: i18n.formatInteger(c.ledgerEntries),
    seals: i18n.formatInteger(c.seals),
    periods: i18n.formatInteger(c.periodsRecomputed),
    participants: i18n.formatInteger(c.participantsCompared),
    lines: i18n.formatInteger(c.linesCompared),
    payouts: i18n.formatInteger(c.payoutsCompared),
  });
  if (result.ok)
    return (
      <div className="notice notice--success" data-testid="audit-verify-ok">
        <Icon name="checkCircle" className="notice-icon" />
        <div className="notice-body">
          <p className="notice-title">{t('audit.verify.ok', { what })}</p>
          <p className="notice-text">{counted}</p>
          <p className="notice-text">
            {t('audit.verify.heads', {
              seal: shortHash(result.sealHead.hash),
              ledger: shortHash(result.ledgerHead.hash),
            })}
          </p>
        </div>
      </div>
    );
  return (
    <div className="notice notice--error" data-testid="audit-verify-problems">
      <Icon name="alert" className="notice-icon" />
      <div className="notice-body">
        <p className="notice-title">
          {t('audit.verify.problems', { what, count: result.problems.length })}
          {result.truncated ? ` ${t('audit.verify.truncated')}` : ''}
        </p>
        <p className="notice-text">{counted}</p>
        <ul className="audit-problems">
          {result.problems.map((problem, i) => (
            <li key={i} data-testid="audit-problem">
              <strong>{t(`audit.problem.${problem.code}`)}</strong> {problemFacts(problem, i18n)}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function AuditPackageCard() {
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState<Busy>(null);
  const [saved, setSaved] = useState<(AuditPackageFile['summary'] & { fileName: string }) | null>(null);
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const chooser = useRef<HTMLInputElement>(null);

  const start = (what: Busy) => {
    setBusy(what);
    setError(null);
    setSaved(null);
    setResult(null);
  };

  const exportPackage = async () => {
    start('export');
    const answer = await exportAuditPackage();
    setBusy(null);
    if (!answer.ok) return setError(answer.error);
    saveDownload(answer.value.fileName, answer.value.bytes, ZIP_TYPE);
    setSaved({ ...answer.value.summary, fileName: answer.value.fileName });
  };

  const verify = async (file?: File) => {
    start('verify');
    const chosen = file ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : undefined;
    const answer = await verifyAudit(chosen);
    setBusy(null);
    if (!answer.ok) return setError(answer.error);
    setResult(answer.value);
  };

  return (
    <section className="card" aria-labelledby="audit-package-title" data-testid="audit-package">
      <h2 className="card-title" id="audit-package-title">
        {t('audit.package.title')}
      </h2>
      <p className="card-lead">{t('audit.package.text')}</p>
      <div className="button-row">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void exportPackage()}
          disabled={busy !== null}
          data-testid="audit-export"
        >
          <Icon name="download" size={16} />
          {t('audit.package.export')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void verify()}
          disabled={busy !== null}
          data-testid="audit-verify-file"
        >
          <Icon name="checkCircle" size={16} />
          {t('audit.verify.file')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => chooser.current?.click()}
          disabled={busy !== null}
          data-testid="audit-verify-package"
        >
          <Icon name="upload" size={16} />
          {t('audit.verify.package')}
        </button>
        <input
          ref={chooser}
          type="file"
          accept=".zip,application/zip"
          hidden
          aria-hidden="true"
          tabIndex={-1}
          data-testid="audit-package-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void verify(file);
          }}
        />
      </div>
      {busy === 'export' ? <TaskProgress channel="audit.export" testId="audit-export-progress" /> : null}
      {busy === 'verify' ? <TaskProgress channel="audit.verify" testId="audit-verify-progress" /> : null}
      <div role="status" aria-live="polite">
        {saved ? (
          <div className="notice notice--success" data-testid="audit-export-saved">
            <Icon name="check" className="notice-icon" />
            <div className="notice-body">
              <p className="notice-text">
                {t('audit.package.saved', {
                  file: saved.fileName,
                  size: i18n.formatFileSize(saved.bytes),
                  files: i18n.formatInteger(saved.files),
                  tables: i18n.formatInteger(saved.tables),
                  rows: i18n.formatInteger(saved.rows),
                })}
              </p>
              <p className="notice-text">
                {t('audit.verify.heads', {
                  seal: shortHash(saved.sealHead.hash),
                  ledger: shortHash(saved.ledgerHead.hash),
                })}
              </p>
            </div>
          </div>
        ) : null}
        {result ? <VerificationResult result={result} /> : null}
      </div>
      {error ? <ErrorNotice error={error} testId="audit-error" /> : null}
    </section>
  );
}
