import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { ProgramView } from '../src-main/ipc/contract';
import { useCall } from './api/use-call';
import { ErrorNotice } from './components/ErrorNotice';
import { Icon } from './components/Icon';
import { LanguageSelect } from './components/LanguageSelect';
import { NavCount, useNavCounts } from './components/NavCount';
import { useI18n } from './i18n/i18n';
import { hrefOf, NAV_GROUPS, navigate, screenOf, useRoute, type Screen } from './navigation';
import { AuditScreen } from './screens/audit/AuditScreen';
import { ReportsScreen } from './screens/reports/ReportsScreen';
import { CreateProgramScreen } from './screens/CreateProgramScreen';
import { DashboardScreen } from './screens/DashboardScreen';
import { ImportScreen } from './screens/ImportScreen';
import { ParticipantsScreen } from './screens/ParticipantsScreen';
import { BudgetScreen } from './screens/budget/BudgetScreen';
import { PayoutsScreen } from './screens/payouts/PayoutsScreen';
import { RulesScreen } from './screens/rules/RulesScreen';
import { ScoringScreen } from './screens/scoring/ScoringScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { VerificationScreen } from './screens/verification/VerificationScreen';
import { WelcomeScreen } from './screens/WelcomeScreen';
import { StartCheckNotice } from './screens/settings/StartCheckNotice';

/** A skip link that moves focus without touching the address, which holds the route. */
function SkipLink() {
  const { t } = useI18n();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      {t('app.skipToContent')}
    </a>
  );
}

function Brand() {
  const { t } = useI18n();
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden="true">
        <Icon name="logo" size={18} />
      </span>
      <span className="brand-name">{t('app.name')}</span>
    </div>
  );
}

/** The layout before there is a program: no navigation, only the way in. */
function WelcomeLayout({ children }: { children: ReactNode }) {
  return (
    <div className="welcome-layout">
      <SkipLink />
      <header className="welcome-topbar">
        <Brand />
        <LanguageSelect />
      </header>
      <main id="main" tabIndex={-1} className="welcome-main">
        {children}
      </main>
    </div>
  );
}

const COLLAPSED_KEY = 'loyalty.sidebar.collapsed';

/** Whether the navigation was collapsed to icons, as the coordinator left it on this computer. */
function readCollapsed(): boolean {
  try {
    return window.localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

function rememberCollapsed(collapsed: boolean): void {
  try {
    window.localStorage.setItem(COLLAPSED_KEY, collapsed ? '1' : '0');
  } catch {
    // Not remembered (storage refused): it stays as chosen until the window closes.
  }
}

function Sidebar({
  current,
  collapsed,
  onCollapse,
}: {
  current: Screen;
  collapsed: boolean;
  onCollapse: (collapsed: boolean) => void;
}) {
  const { t } = useI18n();
  const counts = useNavCounts(current);
  const link = (screen: Screen, label: string, icon: Parameters<typeof Icon>[0]['name']) => (
    <a
      key={screen}
      href={hrefOf(screen)}
      className="nav-link"
      aria-current={current === screen ? 'page' : undefined}
      data-testid={`nav-${screen}`}
      // Collapsed to icons, the entry's name shows on hover (and is still its accessible name).
      title={collapsed ? label : undefined}
    >
      <Icon name={icon} size={18} />
      <span className="nav-link-label">{label}</span>
      <NavCount screen={screen} counts={counts} />
    </a>
  );
  return (
    <div className="sidebar">
      <div className="sidebar-brand">
        <Brand />
      </div>
      <nav className="sidebar-nav" aria-label={t('app.mainNavigation')}>
        {NAV_GROUPS.map((group, i) => (
          <div className="nav-group" key={group.title ?? i}>
            {group.title ? <p className="nav-group-title">{t(group.title)}</p> : null}
            {group.items.map((item) => link(item.screen, t(item.label), item.icon))}
          </div>
        ))}
        <div className="nav-group nav-group--bottom">
          {link('settings', t('nav.settings'), 'settings')}
          <button
            type="button"
            className="nav-link nav-collapse"
            aria-expanded={!collapsed}
            title={collapsed ? t('nav.expand') : undefined}
            onClick={() => onCollapse(!collapsed)}
            data-testid="nav-collapse"
          >
            <Icon name="sidebar" size={18} />
            <span className="nav-link-label">{collapsed ? t('nav.expand') : t('nav.collapse')}</span>
          </button>
        </div>
      </nav>
    </div>
  );
}

function Shell({ program, onProgramChanged }: { program: ProgramView; onProgramChanged: () => void }) {
  const { t, language } = useI18n();
  const startCheck = useCall('app.startCheck');
  const screen = screenOf(useRoute());
  const firstRender = useRef(true);
  const [collapsed, setCollapsed] = useState(readCollapsed);

  // After a move to another screen, focus its title so that a screen reader announces it
  // and the next Tab starts from the top of the new content.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById('page-title')?.focus({ preventScroll: true });
    document.getElementById('main')?.scrollTo({ top: 0 });
  }, [screen]);

  useEffect(() => {
    document.title = `${program.name} · ${t('app.name')}`;
  }, [program.name, t]);

  let content: ReactNode;
  switch (screen) {
    case 'dashboard':
      content = <DashboardScreen />;
      break;
    case 'import':
      content = <ImportScreen />;
      break;
    case 'participants':
      content = <ParticipantsScreen />;
      break;
    case 'scoring':
      content = <ScoringScreen program={program} />;
      break;
    case 'verification':
      content = <VerificationScreen program={program} />;
      break;
    case 'payouts':
      content = <PayoutsScreen program={program} />;
      break;
    case 'budget':
      content = <BudgetScreen />;
      break;
    case 'rules':
      // A new version or another language starts the form afresh from the saved rules.
      content = (
        <RulesScreen key={`${program.rulesVersion}-${language}`} program={program} onSaved={onProgramChanged} />
      );
      break;
    case 'settings':
      content = <SettingsScreen program={program} onProgramChanged={onProgramChanged} />;
      break;
    case 'reports':
      content = <ReportsScreen />;
      break;
    case 'audit':
      content = <AuditScreen />;
      break;
  }

  return (
    <div className={collapsed ? 'app-shell is-collapsed' : 'app-shell'}>
      <SkipLink />
      <Sidebar
        current={screen}
        collapsed={collapsed}
        onCollapse={(value) => {
          setCollapsed(value);
          rememberCollapsed(value);
        }}
      />
      <div className="workspace">
        <header className="topbar">
          <div className="topbar-program" data-testid="program-heading">
            <span className="topbar-program-name">{program.name}</span>
            <span className="topbar-program-client">{t('header.client', { client: program.client })}</span>
          </div>
          <LanguageSelect />
        </header>
        <main id="main" tabIndex={-1} className="main" data-screen={screen}>
          <StartCheckNotice check={startCheck.value} />
          {content}
        </main>
      </div>
    </div>
  );
}

export function App() {
  const { t } = useI18n();
  const program = useCall('program.get');
  const startCheck = useCall('app.startCheck');
  const route = useRoute();

  if (!program.answered || !startCheck.answered) {
    return (
      <div className="boot" role="status">
        <span className="spinner spinner--large" aria-hidden="true" />
        <span className="sr-only">{t('app.loading')}</span>
      </div>
    );
  }
  // A data file refused or found damaged at the start was not opened: the first screen says why and offers a backup.
  if (startCheck.value?.refusal) {
    return (
      <WelcomeLayout>
        <StartCheckNotice check={startCheck.value} />
      </WelcomeLayout>
    );
  }
  if (program.error && !program.value) {
    return (
      <WelcomeLayout>
        <div className="welcome-error">
          <ErrorNotice error={program.error} onRetry={program.reload} />
        </div>
      </WelcomeLayout>
    );
  }
  if (!program.value) {
    const created = () => {
      navigate('dashboard');
      program.reload();
    };
    return (
      <WelcomeLayout>
        <StartCheckNotice check={startCheck.value} />
        {route === 'create' ? <CreateProgramScreen onCreated={created} /> : <WelcomeScreen onCreated={created} />}
      </WelcomeLayout>
    );
  }
  return <Shell program={program.value} onProgramChanged={program.reload} />;
}
