import { Icon } from '../../components/Icon';
import { useI18n, type MessageKey } from '../../i18n/i18n';

export type WizardStep = 'file' | 'columns' | 'check' | 'done';

const STEPS: { step: WizardStep; label: MessageKey }[] = [
  { step: 'file', label: 'import.step.file' },
  { step: 'columns', label: 'import.step.columns' },
  { step: 'check', label: 'import.step.check' },
  { step: 'done', label: 'import.step.done' },
];

/**
 * Where the operator is in the import: the steps behind are ticked, the current one is marked for screen readers too.
 */
export function WizardSteps({ current }: { current: WizardStep }) {
  const { t } = useI18n();
  const currentIndex = STEPS.findIndex((s) => s.step === current);
  return (
    <ol className="wizard-steps" aria-label={t('import.steps')} data-testid="wizard-steps">
      {STEPS.map(({ step, label }, i) => {
        const state = i < currentIndex || current === 'done' ? 'done' : i === currentIndex ? 'current' : 'next';
        return (
          <li key={step} className={`wizard-step is-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="wizard-step-mark" aria-hidden="true">
              {state === 'done' ? <Icon name="check" size={14} /> : i + 1}
            </span>
            <span className="wizard-step-label">{t(label)}</span>
            {state === 'done' ? <span className="sr-only">({t('import.step.completed')})</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
