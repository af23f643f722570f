import { EmptyState } from '../components/EmptyState';
import { Icon, type IconName } from '../components/Icon';
import { PageHeader } from '../components/PageHeader';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { hrefOf, type Screen } from '../navigation';

type ComingScreen = Exclude<
  Screen,
  | 'dashboard'
  | 'import'
  | 'participants'
  | 'scoring'
  | 'rules'
  | 'settings'
  | 'verification'
  | 'payouts'
  | 'budget'
  | 'reports'
>;

const COMING: Record<
  ComingScreen,
  { title: MessageKey; text: MessageKey; now: MessageKey; icon: IconName; action: { route: Screen; label: MessageKey } }
> = {
  audit: {
    title: 'nav.audit',
    text: 'placeholder.audit.text',
    now: 'placeholder.audit.now',
    icon: 'audit',
    action: { route: 'settings', label: 'placeholder.goSettings' },
  },
};

/** A screen of a later version: what it will do, and what the operator can do meanwhile. */
export function ComingNextScreen({ screen }: { screen: ComingScreen }) {
  const { t } = useI18n();
  const c = COMING[screen];
  return (
    <div className="page">
      <PageHeader title={t(c.title)} />
      <div className="card coming-next" data-testid="coming-next">
        <EmptyState
          icon={c.icon}
          title={t('placeholder.comingNext')}
          actions={
            <a className="btn btn-secondary" href={hrefOf(c.action.route)}>
              {t(c.action.label)}
              <Icon name="arrowRight" size={16} />
            </a>
          }
        >
          <p>{t(c.text)}</p>
          <div className="what-now">
            <p className="what-now-title">{t('placeholder.whatNow')}</p>
            <p>{t(c.now)}</p>
          </div>
        </EmptyState>
      </div>
    </div>
  );
}
