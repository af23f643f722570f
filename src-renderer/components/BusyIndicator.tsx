/** An indeterminate progress bar with its sentence: the calls do not report a fraction done. */
export function BusyIndicator({ label, testId }: { label: string; testId?: string }) {
  return (
    <div className="busy" role="status" aria-live="polite" data-testid={testId ?? 'busy'}>
      <div className="busy-text">
        <span className="spinner" aria-hidden="true" />
        {label}
      </div>
      <div className="progress" role="progressbar" aria-label={label}>
        <div className="progress-bar" />
      </div>
    </div>
  );
}
