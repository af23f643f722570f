// Editing the rules: the form, the what-if of the edits on a chosen period, and saving them
// as a new version with a note. Nothing changes for the program until it is saved.
import { useMemo, useState } from 'react';
import type { ProgramView, ValidationProblem } from '../../../src-main/ipc/contract';
import { Icon } from '../../components/Icon';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/i18n';
import { canonicalJson, draftFromRules, draftToRules, problemsFromCore, type RulesDraft } from './rules-draft';
import { RulesForm } from './RulesForm';
import { RulesHistory } from './RulesHistory';
import { rememberSavedRules, takeSavedRules } from './saved-rules-notice';
import { SaveRulesDialog } from './SaveRulesDialog';
import { WhatIfPanel } from './WhatIfPanel';

export function RulesScreen({ program, onSaved }: { program: ProgramView; onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  // Money is typed the way the program's currency is written in the UI language.
  const notation = useMemo(
    () => ({ minorDigits: program.currency.minorDigits, locale: i18n.locale }),
    [program.currency.minorDigits, i18n.locale],
  );
  const [draft, setDraft] = useState<RulesDraft>(() => draftFromRules(program.rules, notation));
  const [coreProblems, setCoreProblems] = useState<ValidationProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [saved] = useState(() => takeSavedRules(program.rulesVersion));

  const read = useMemo(() => draftToRules(draft, notation), [draft, notation]);
  const problems = useMemo(
    () => ({ ...problemsFromCore(coreProblems), ...read.problems }),
    [coreProblems, read.problems],
  );
  const dirty = read.rules === null || canonicalJson(read.rules) !== canonicalJson(program.rules);
  const problemCount = Object.keys(problems).length;
  const orphan = problems['(rules)'];

  const update = (change: (d: RulesDraft) => RulesDraft) => {
    setDraft(change);
    setCoreProblems([]);
  };

  return (
    <div className="page rules-page">
      <PageHeader
        title={t('rules.title')}
        lead={t('rules.lead')}
        actions={
          <>
            <span className="badge badge--info" data-testid="rules-version">
              {t('rules.version', { version: program.rulesVersion })}
            </span>
            {dirty ? (
              <span className="badge badge--warning" data-testid="rules-dirty">
                {t('rules.unsaved')}
              </span>
            ) : null}
          </>
        }
      />
      <div className="rules-toolbar">
        <p
          className={problemCount > 0 ? 'rules-status text-danger' : 'rules-status muted'}
          role="status"
          data-testid="rules-status"
        >
          {problemCount > 0
            ? t('rules.problems', { count: problemCount })
            : dirty
              ? t('rules.dirtyHint')
              : t('rules.cleanHint')}
        </p>
        <div className="rules-actions">
          <button
            type="button"
            className="btn btn-secondary"
            disabled={!dirty}
            onClick={() => update(() => draftFromRules(program.rules, notation))}
            data-testid="rules-reset"
          >
            {t('rules.reset')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!dirty || read.rules === null || coreProblems.length > 0}
            onClick={() => setSaving(true)}
            data-testid="rules-save"
          >
            <Icon name="check" size={16} />
            {t('rules.save')}
          </button>
        </div>
      </div>
      {saved ? (
        <div className="notice notice--success" role="status" data-testid="rules-saved">
          <Icon name="check" size={16} />
          <span>{t('rules.saved', { version: saved.version, note: saved.note })}</span>
        </div>
      ) : null}
      {orphan ? <p className="notice notice--error">{t(orphan.key, orphan.params)}</p> : null}
      <div className="rules-layout">
        <RulesForm draft={draft} update={update} problems={problems} currencyCode={program.currency.code} />
        <div className="rules-aside">
          <WhatIfPanel rules={read.rules} currency={program.currency} onProblems={setCoreProblems} />
        </div>
      </div>
      <RulesHistory currency={program.currency} rulesVersion={program.rulesVersion} />
      {saving && read.rules ? (
        <SaveRulesDialog
          rules={read.rules}
          nextVersion={program.rulesVersion + 1}
          onClose={() => setSaving(false)}
          onProblems={setCoreProblems}
          onSaved={(version, note) => {
            setSaving(false);
            rememberSavedRules({ version, note });
            onSaved();
          }}
        />
      ) : null}
    </div>
  );
}
