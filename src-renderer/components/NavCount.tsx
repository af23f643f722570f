import type { Screen } from '../navigation';
import { useCall } from '../api/use-call';
import { useDataChanged } from '../api/data-changed';
import { useI18n } from '../i18n/i18n';
import { useEffect } from 'react';

/** What the navigation counts, asked again after every write and on every move to another screen. */
export function useNavCounts(route: string) {
  const counts = useCall('nav.counts');
  const { reload } = counts;
  useDataChanged(reload);
  // A move to another screen asks again too: the command line or another window may have written meanwhile.
  useEffect(reload, [route, reload]);
  return counts.value;
}

/** The count beside a navigation entry, said in words to a screen reader; nothing when there is nothing waiting. */
export function NavCount({ screen, counts }: { screen: Screen; counts: ReturnType<typeof useNavCounts> }) {
  const i18n = useI18n();
  if (!counts) return null;
  const count = screen === 'verification' ? counts.openFindings : screen === 'payouts' ? counts.waitingTopUps : 0;
  if (count === 0) return null;
  const words =
    screen === 'verification'
      ? i18n.t('nav.count.openFindings', { count })
      : i18n.t('nav.count.waitingTopUps', { count });
  return (
    <span className="nav-count" data-testid={`nav-count-${screen}`} title={words}>
      <span aria-hidden="true">{i18n.formatInteger(count)}</span>
      <span className="sr-only">{words}</span>
    </span>
  );
}
