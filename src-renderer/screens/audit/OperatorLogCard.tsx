// The operator log, newest first: who did what, on what, why and when, filtered by area or action, by person, by
// words and by dates, a page at a time. Nothing here changes the log; it is only ever added to.
import { useState } from 'react';
import {
  OPERATOR_ACTIONS,
  OPERATOR_AREAS,
  type OperatorAction,
  type OperatorLogEntry,
  type OperatorLogPage,
} from '../../../src-main/ipc/contract';
import { safeCall, type CallState } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { useI18n, type Translator } from '../../i18n/i18n';

export interface LogFilter {
  action: string;
  actor: string;
  text: string;
  from: string;
  to: string;
}

export const NO_FILTER: LogFilter = { action: '', actor: '', text: '', from: '', to: '' };

const known = (action: string): action is OperatorAction => (OPERATOR_ACTIONS as readonly string[]).includes(action);

function actionLabel(action: string, i18n: Translator): string {
  return known(action) ? i18n.t(`audit.action.${action}`) : action;
}

/** The call's arguments: only the filters set, so that an empty box is no filter. */
export function filterArgs(filter: LogFilter) {
  return {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actor ? { actor: filter.actor } : {}),
    ...(filter.text.trim() ? { text: filter.text.trim() } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
  };
}

/** The recorded details, folded: an import records its mapping and counts, which would make every row a page long. */
function Details({ details }: { details: OperatorLogEntry['details'] }) {
  const { t } = useI18n();
  const entries = Object.entries(details);
  if (entries.length === 0) return <>—</>;
  return (
    <details className="log-details">
      <summary>{t('audit.log.showDetails', { count: entries.length })}</summary>
      <dl>
        {entries.map(([key, value]) => (
          <div key={key} className="log-detail">
            <dt>{key}</dt>
            <dd>{value === null ? '—' : String(value)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

export function OperatorLogCard({
  log,
  filter,
  onFilter,
}: {
  log: CallState<OperatorLogPage>;
  filter: LogFilter;
  onFilter: (filter: LogFilter) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const page = log.value;
  // Older pages fetched with "Show older", kept with the first page they continue: a new filter or a reload starts
  // from a new first page, and the older ones of the last no longer count.
  const [olderPages, setOlderPages] = useState<{
    after: OperatorLogPage | null;
    entries: OperatorLogEntry[];
    done: boolean;
  }>({ after: null, entries: [], done: false });
  const [loadingOlder, setLoadingOlder] = useState(false);
  const continues = olderPages.after === page;
  const older = continues ? olderPages.entries : [];
  const olderDone = continues && olderPages.done;
  const entries = page ? [...page.entries, ...older] : [];
  const hasMore = page ? (older.length === 0 ? page.hasMore : !olderDone) : false;
  const set = (patch: Partial<LogFilter>) => onFilter({ ...filter, ...patch });
  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);

  const showOlder = async () => {
    const last = entries[entries.length - 1];
    if (!last) return;
    setLoadingOlder(true);
    const answer = await safeCall('audit.log', { ...filterArgs(filter), beforeId: last.id });
    setLoadingOlder(false);
    if (!answer.ok) return;
    setOlderPages({ after: page, entries: [...older, ...answer.value.entries], done: !answer.value.hasMore });
  };

  const areas = OPERATOR_AREAS.filter((area) => page?.actions.some((a) => a.startsWith(`${area}.`)));
  const others = (page?.actions ?? []).filter((a) => !OPERATOR_AREAS.some((area) => a.startsWith(`${area}.`)));

  return (
    <section className="card" aria-labelledby="operator-log-title" data-testid="operator-log">
      <h2 className="card-title" id="operator-log-title">
        {t('audit.log.title')}
      </h2>
      <p className="card-lead">{t('audit.log.text')}</p>
      <div className="toolbar log-toolbar" role="search">
        <div className="search-field">
          <label htmlFor="log-search" className="sr-only">
            {t('audit.log.search')}
          </label>
          <Icon name="search" size={16} className="search-icon" />
          <input
            id="log-search"
            className="input input--search"
            type="search"
            placeholder={t('audit.log.search')}
            value={filter.text}
            onChange={(event) => set({ text: event.target.value })}
            autoComplete="off"
            spellCheck={false}
            data-testid="log-search"
          />
        </div>
        <div className="toolbar-field">
          <label htmlFor="log-action" className="toolbar-label">
            {t('audit.log.action')}
          </label>
          <select
            id="log-action"
            className="select"
            value={filter.action}
            onChange={(event) => set({ action: event.target.value })}
            data-testid="log-action"
          >
            <option value="">{t('audit.log.allActions')}</option>
            {areas.map((area) => (
              <optgroup key={area} label={t(`audit.area.${area}`)}>
                <option value={area}>{t('audit.log.wholeArea', { area: t(`audit.area.${area}`) })}</option>
                {page!.actions
                  .filter((a) => a.startsWith(`${area}.`))
                  .map((action) => (
                    <option key={action} value={action}>
                      {actionLabel(action, i18n)}
                    </option>
                  ))}
              </optgroup>
            ))}
            {others.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar-field">
          <label htmlFor="log-actor" className="toolbar-label">
            {t('audit.log.actor')}
          </label>
          <select
            id="log-actor"
            className="select"
            value={filter.actor}
            onChange={(event) => set({ actor: event.target.value })}
            data-testid="log-actor"
          >
            <option value="">{t('audit.log.allActors')}</option>
            {(page?.actors ?? []).map((actor) => (
              <option key={actor} value={actor}>
                {actor}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar-field">
          <label htmlFor="log-from" className="toolbar-label">
            {t('audit.log.from')}
          </label>
          <input
            id="log-from"
            className="input input--date"
            type="date"
            value={filter.from}
            max={filter.to || undefined}
            onChange={(event) => set({ from: event.target.value })}
            data-testid="log-from"
          />
          <label htmlFor="log-to" className="toolbar-label">
            {t('audit.log.to')}
          </label>
          <input
            id="log-to"
            className="input input--date"
            type="date"
            value={filter.to}
            min={filter.from || undefined}
            onChange={(event) => set({ to: event.target.value })}
            data-testid="log-to"
          />
        </div>
        {filtered ? (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => onFilter(NO_FILTER)}>
            {t('audit.log.clear')}
          </button>
        ) : null}
      </div>
      {log.error ? <ErrorNotice error={log.error} onRetry={log.reload} /> : null}
      {page ? (
        <p className="log-count" role="status" data-testid="log-count">
          {t('audit.log.count', {
            shown: i18n.formatInteger(entries.length),
            matching: i18n.formatInteger(page.matching),
          })}
        </p>
      ) : null}
      {page && entries.length === 0 ? (
        <p className="log-empty" data-testid="log-empty">
          {filtered ? t('audit.log.noneMatching') : t('audit.log.none')}
        </p>
      ) : null}
      {entries.length > 0 ? (
        <div className="table-wrap" role="region" aria-labelledby="operator-log-title" tabIndex={0}>
          <table className="data-table log-table" data-testid="log-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.log.at')}</th>
                <th scope="col">{t('audit.log.actor')}</th>
                <th scope="col">{t('audit.log.action')}</th>
                <th scope="col">{t('audit.log.subject')}</th>
                <th scope="col">{t('audit.log.reason')}</th>
                <th scope="col">{t('audit.log.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid={`log-${entry.id}`}>
                  <td className="log-at">{i18n.formatDateTime(entry.at)}</td>
                  <td>{entry.actor}</td>
                  <td>
                    <span className="log-action">{actionLabel(entry.action, i18n)}</span>
                  </td>
                  <td className="log-subject">{entry.subject ?? '—'}</td>
                  <td className="log-reason">{entry.reason ?? '—'}</td>
                  <td className="log-details-cell">
                    <Details details={entry.details} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {hasMore ? (
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void showOlder()}
          disabled={loadingOlder}
          data-testid="log-older"
        >
          {loadingOlder ? <span className="spinner" aria-hidden="true" /> : null}
          {t('audit.log.older')}
        </button>
      ) : null}
    </section>
  );
}
