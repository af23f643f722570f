import type { ReactNode } from 'react';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import type { FieldProblem } from './rules-draft';

/** The id of an input from its path in the rules document: tiers[0].bonusPct -> rule-tiers-0-bonusPct. */
function fieldId(path: string): string {
  return `rule-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
}

export function useProblemText() {
  const { t } = useI18n();
  return (problem: FieldProblem | undefined): string | null => (problem ? t(problem.key, problem.params) : null);
}

/** One input of the rules form with its label, unit and the problem that concerns it. */
export function RuleField({
  path,
  label,
  value,
  onChange,
  problem,
  unit,
  width,
  type = 'text',
  inputMode,
  hideLabel = false,
}: {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem?: FieldProblem;
  unit?: ReactNode;
  width?: 'narrow' | 'medium' | 'wide';
  type?: 'text' | 'date';
  inputMode?: 'numeric' | 'decimal';
  hideLabel?: boolean;
}) {
  const text = useProblemText()(problem);
  const id = fieldId(path);
  return (
    <div className={`rule-field${width ? ` rule-field--${width}` : ''}${text ? ' has-error' : ''}`}>
      <label className={hideLabel ? 'sr-only' : 'field-label'} htmlFor={id}>
        {label}
      </label>
      <div className="rule-input">
        <input
          id={id}
          className={inputMode ? 'input input--number' : 'input'}
          type={type}
          inputMode={inputMode}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={!!text}
          aria-describedby={text ? `${id}-error` : undefined}
          autoComplete="off"
          spellCheck={false}
          data-testid={id}
        />
        {unit ? <span className="rule-unit">{unit}</span> : null}
      </div>
      {text ? (
        <p className="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
          <Icon name="alert" size={14} />
          {text}
        </p>
      ) : null}
    </div>
  );
}

export function RemoveRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="btn-icon rule-remove" onClick={onClick} aria-label={label} title={label}>
      <Icon name="trash" size={16} />
    </button>
  );
}

export function AddRowButton({ label, onClick, testId }: { label: string; onClick: () => void; testId: string }) {
  return (
    <button type="button" className="btn btn-ghost btn-small rule-add" onClick={onClick} data-testid={testId}>
      <Icon name="plus" size={15} />
      {label}
    </button>
  );
}
