import { useState } from 'react';
import type { ParticipantDetail } from '../../src-main/ipc/contract';
import type { EditableParticipantField } from '../../src-main/core/import/edits/participant-edit-schema';
import { useCall } from '../api/use-call';
import { BusyIndicator } from '../components/BusyIndicator';
import { DetailPanel } from '../components/DetailPanel';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { StatusBadge } from '../components/StatusBadge';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { fieldLabel, fieldValueText } from './import/import-texts';
import { PointsSection } from './points/PointsSection';
import { ParticipantEditForm } from './participants/ParticipantEditForm';
import { RevealSecretsButton, SecretText, secretText } from '../components/SecretText';
import { isSecretParticipantField } from '../../src-main/core/program/participants/mask-reference';

const DETAIL_FIELDS: Array<{
  field: keyof ParticipantDetail;
  label: MessageKey;
  mono?: boolean;
  date?: boolean;
  /** A card or an account: its last four characters unless the coordinator shows them. */
  secret?: boolean;
}> = [
  { field: 'code', label: 'field.code', mono: true },
  { field: 'name', label: 'field.name' },
  { field: 'email', label: 'field.email' },
  { field: 'phone', label: 'field.phone' },
  { field: 'region', label: 'field.region' },
  { field: 'joinDate', label: 'field.joinDate', date: true },
  { field: 'cardRef', label: 'field.cardRef', mono: true, secret: true },
  { field: 'iban', label: 'field.iban', mono: true, secret: true },
];

/**
 * All of one participant: every field, the file and row it came from, and what each later import or correction
 * changed. `editField` opens the correction form with that field focused (a held payout's fix).
 */
export function ParticipantDetailPanel({
  code,
  onClose,
  editField,
  onEdited,
  revealed: revealedFromScreen,
  onRevealedChange,
  className,
}: {
  code: string;
  onClose: () => void;
  editField?: EditableParticipantField;
  onEdited?: () => void;
  /** The screen's switch for card references and IBANs in full, when it has one; else the panel keeps its own. */
  revealed?: boolean;
  onRevealedChange?: (revealed: boolean) => void;
  className?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const detail = useCall('participants.get', { code });
  const value = detail.value && detail.value.code === code ? detail.value : null;
  const [editing, setEditing] = useState<{ code: string; field?: EditableParticipantField } | null>(
    editField ? { code, field: editField } : null,
  );
  const [saved, setSaved] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [ownReveal, setOwnReveal] = useState(false);
  const revealed = revealedFromScreen ?? ownReveal;
  const setRevealed = onRevealedChange ?? setOwnReveal;
  const hasSecret = Boolean(value?.cardRef || value?.iban);

  // A card's or an account's old and new values are masked in the history as in the fields.
  const historyValue = (field: string, v: string | null) =>
    isSecretParticipantField(field) && v !== null && v !== ''
      ? secretText(v, revealed)
      : fieldValueText(field, v, i18n);

  const text = (field: keyof ParticipantDetail, date?: boolean) => {
    const v = value?.[field];
    if (v === null || v === undefined || v === '') return null;
    return date ? i18n.formatDate(String(v)) : String(v);
  };

  return (
    <DetailPanel
      className={className}
      titleId="detail-title"
      testId="participant-detail"
      focusKey={code}
      eyebrow={
        <>
          <span className="mono">{code}</span>
          {value ? <StatusBadge status={value.status} /> : null}
        </>
      }
      title={value?.name ?? code}
      closeLabel={t('detail.close')}
      closeTestId="detail-close"
      onClose={onClose}
    >
      {detail.error ? <ErrorNotice error={detail.error} onRetry={detail.reload} /> : null}
      {!value && !detail.error ? <BusyIndicator label={t('common.loading')} /> : null}
      {value && editing?.code === code ? (
        <ParticipantEditForm
          key={`${code}-${formKey}`}
          participant={value}
          focusField={editing.field ?? 'name'}
          onCancel={() => setEditing(null)}
          onReload={() => {
            detail.reload();
            setFormKey((k) => k + 1);
          }}
          onSaved={() => {
            setEditing(null);
            setSaved(code);
            detail.reload();
            onEdited?.();
          }}
        />
      ) : null}
      {value ? (
        <>
          {editing?.code !== code ? (
            <div className="participant-edit-bar">
              {saved === code ? (
                <p className="text-success small" role="status" data-testid="participant-edit-saved">
                  {t('participant.edit.saved')}
                </p>
              ) : null}
              <button
                type="button"
                className="btn btn-secondary btn-small"
                onClick={() => {
                  setSaved(null);
                  setEditing({ code });
                }}
                data-testid="participant-edit-open"
              >
                {t('participant.edit.open')}
              </button>
            </div>
          ) : null}
          <section aria-labelledby="detail-fields">
            <div className="section-title-row">
              <h3 className="section-title" id="detail-fields">
                {t('detail.fields')}
              </h3>
              {hasSecret ? (
                <RevealSecretsButton revealed={revealed} onChange={setRevealed} testId="detail-reveal" />
              ) : null}
            </div>
            <dl className="detail-list">
              {DETAIL_FIELDS.map(({ field, label, mono, date, secret }) => {
                const shown = text(field, date);
                return (
                  <div key={field} className="detail-item">
                    <dt>{t(label)}</dt>
                    <dd className={mono && shown ? 'mono' : undefined} data-testid={`detail-${field}`}>
                      {shown === null ? (
                        <span className="muted">{t('common.notSet')}</span>
                      ) : secret ? (
                        <SecretText value={shown} revealed={revealed} />
                      ) : (
                        shown
                      )}
                    </dd>
                  </div>
                );
              })}
              <div className="detail-item">
                <dt>{t('field.status')}</dt>
                <dd>{t(value.status === 'active' ? 'status.active' : 'status.inactive')}</dd>
              </div>
            </dl>
          </section>

          <PointsSection code={value.code} />

          <section aria-labelledby="detail-source">
            <h3 className="section-title" id="detail-source">
              {t('detail.source')}
            </h3>
            <dl className="detail-list">
              <div className="detail-item detail-item--wide">
                <dt>{t('import.history.file')}</dt>
                <dd>
                  {value.source
                    ? value.source.row !== null
                      ? t('detail.sourceText', {
                          file: value.source.fileName,
                          row: value.source.row,
                          batch: `#${value.source.batchId}`,
                        })
                      : t('detail.sourceNoRow', { file: value.source.fileName, batch: `#${value.source.batchId}` })
                    : t('detail.noSource')}
                </dd>
              </div>
              <div className="detail-item">
                <dt>{t('detail.created')}</dt>
                <dd>{i18n.formatDateTime(value.createdAt)}</dd>
              </div>
              <div className="detail-item">
                <dt>{t('detail.updated')}</dt>
                <dd>{i18n.formatDateTime(value.updatedAt)}</dd>
              </div>
            </dl>
          </section>

          <section aria-labelledby="detail-history">
            <h3 className="section-title" id="detail-history">
              {t('detail.history')}
            </h3>
            {value.history.length === 0 ? (
              <p className="muted">{t('detail.noHistory')}</p>
            ) : (
              <ol className="history-list" data-testid="participant-history">
                {value.history.map((entry, i) => (
                  <li key={i} className="history-item">
                    <div className="history-meta">
                      <span>{i18n.formatDateTime(entry.at)}</span>
                      <span className="history-file">
                        {entry.row !== null
                          ? t('detail.sourceText', { file: entry.fileName, row: entry.row, batch: `#${entry.batchId}` })
                          : t('detail.sourceNoRow', { file: entry.fileName, batch: `#${entry.batchId}` })}
                      </span>
                    </div>
                    <div className="history-change">
                      <span className="history-field">{fieldLabel(entry.field, i18n)}</span>
                      <span className="change">
                        <span className="change-from">{historyValue(entry.field, entry.from)}</span>
                        <Icon name="arrowRight" size={14} className="change-arrow" />
                        <span className="change-to">{historyValue(entry.field, entry.to)}</span>
                      </span>
                    </div>
                    {entry.edit ? (
                      <p className="history-reason" data-testid="history-edit-reason">
                        {t('detail.editReason', { by: entry.edit.by, reason: entry.edit.reason })}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      ) : null}
    </DetailPanel>
  );
}
