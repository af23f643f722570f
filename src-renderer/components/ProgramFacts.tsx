import type { ProgramView } from '../../src-main/ipc/contract';
import { useI18n } from '../i18n/i18n';

/** The program's settings as a reader wants them: money as money, periods as months. */
export function ProgramFacts({ program }: { program: ProgramView }) {
  const i18n = useI18n();
  const { t } = i18n;
  const budget = program.rules.budget;
  const facts: Array<[string, string, string]> = [
    ['client', t('fact.client'), program.client],
    ['currency', t('fact.currency'), program.currency.code],
    [
      'point-value',
      t('fact.pointValue'),
      t('fact.pointValueText', { money: i18n.formatMoney(program.pointValueMinor, program.currency) }),
    ],
    ['first-period', t('fact.firstPeriod'), i18n.formatPeriod(program.firstPeriod)],
    ['rules-version', t('fact.rulesVersion'), i18n.formatInteger(program.rulesVersion)],
    [
      'budget',
      t('fact.budget'),
      budget ? i18n.formatMoney(budget.perPeriodMinor, program.currency) : t('fact.noBudget'),
    ],
    ['locale', t('fact.locale'), program.locale],
  ];
  return (
    <dl className="facts" data-testid="program-facts">
      {facts.map(([id, label, value]) => (
        <div className="fact" key={id} data-testid={`fact-${id}`}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
