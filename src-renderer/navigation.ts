import { useSyncExternalStore } from 'react';
import type { IconName } from './components/Icon';
import type { MessageKey } from './i18n/i18n';

const SCREENS = [
  'dashboard',
  'import',
  'participants',
  'rules',
  'scoring',
  'verification',
  'payouts',
  'budget',
  'reports',
  'audit',
  'settings',
] as const;
export type Screen = (typeof SCREENS)[number];

interface NavItem {
  screen: Screen;
  label: MessageKey;
  icon: IconName;
}

export interface NavGroup {
  title: MessageKey | null;
  items: NavItem[];
}

export const NAV_GROUPS: NavGroup[] = [
  { title: null, items: [{ screen: 'dashboard', label: 'nav.dashboard', icon: 'dashboard' }] },
  {
    title: 'nav.group.data',
    items: [
      { screen: 'import', label: 'nav.import', icon: 'import' },
      { screen: 'participants', label: 'nav.participants', icon: 'participants' },
      { screen: 'rules', label: 'nav.rules', icon: 'rules' },
    ],
  },
  {
    title: 'nav.group.period',
    items: [
      { screen: 'scoring', label: 'nav.scoring', icon: 'scoring' },
      { screen: 'verification', label: 'nav.verification', icon: 'verification' },
      { screen: 'payouts', label: 'nav.payouts', icon: 'payouts' },
    ],
  },
  {
    title: 'nav.group.records',
    items: [
      { screen: 'budget', label: 'nav.budget', icon: 'budget' },
      { screen: 'reports', label: 'nav.reports', icon: 'reports' },
      { screen: 'audit', label: 'nav.audit', icon: 'audit' },
    ],
  },
];

/** The address of a screen: hash routes, so that a reload keeps the screen and file:// works in Electron. */
export function hrefOf(route: string, params?: Record<string, string>): string {
  const query = params ? new URLSearchParams(params).toString() : '';
  return query ? `#/${route}?${query}` : `#/${route}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The route in the address, e.g. "participants" for #/participants. */
export function useRoute(): string {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return hash.replace(/^#\/?/, '').split(/[?/]/)[0] ?? '';
}

/**
 * A parameter of the route, e.g. the period in #/verification?period=2026-10: where another screen sent the operator.
 */
export function useRouteParam(name: string): string | null {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const query = hash.split('?')[1];
  return query ? new URLSearchParams(query).get(name) : null;
}

export function navigate(route: string, params?: Record<string, string>): void {
  window.location.hash = hrefOf(route, params).slice(1);
}

export function screenOf(route: string): Screen {
  return (SCREENS as readonly string[]).includes(route) ? (route as Screen) : 'dashboard';
}
