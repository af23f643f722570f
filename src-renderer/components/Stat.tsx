/**
 * One figure with its label, in the stat grids of the dashboard, the import preview and report, verification and
 * payouts.
 */
export function Stat({
  id,
  label,
  value,
  tone,
}: {
  id: string;
  label: string;
  value: string;
  tone?: 'success' | 'danger' | 'warning' | 'muted';
}) {
  return (
    <div className={tone ? `stat stat--${tone}` : 'stat'} data-testid={`stat-${id}`}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
    </div>
  );
}
