// A labelled field of a form: its label, the control (given the ids that describe it), its error with an icon and
// its hint, the error and hint tied to the control by aria-describedby. The forms that create and change a program
// share it; each names its controls its own way.
import type { ReactNode } from 'react';
import { Icon } from '../components/Icon';

export function FormField({
  controlId,
  describedId,
  errorTestId,
  label,
  hint,
  error,
  children,
}: {
  /** The control's id, which the label points to. */
  controlId: string;
  /** The base of the hint's and the error's ids: `${describedId}-hint`, `${describedId}-error`. */
  describedId: string;
  errorTestId: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const hintId = hint ? `${describedId}-hint` : '';
  const errorId = error ? `${describedId}-error` : '';
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label className="field-label" htmlFor={controlId}>
        {label}
      </label>
      {children(describedBy)}
      {error ? (
        <p className="field-error" id={errorId} data-testid={errorTestId}>
          <Icon name="alert" size={14} />
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
