import type { ExplainLine, Explanation } from '../../../src-main/ipc/contract';
import { formatSignedPoints } from '../../forms/format-figures';
import { useI18n, type Translator } from '../../i18n/i18n';

function ruleText(line: ExplainLine, i18n: Translator): string {
  if (line.rule === 'productRate')
    return i18n.t('rule.productRate', { ppu: i18n.formatInteger(line.pointsPerUnit ?? 0) });
  return i18n.t(`rule.${line.rule}`);
}

/** Every sales line of the period with its points, the rule that gave them, its campaign bonus and its source. */
export function ExplainLines({ explanation: e }: { explanation: Explanation }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (e.lines.length === 0) return <p className="muted">{t('explain.lines.none')}</p>;
  return (
    <div className="table-wrap explain-lines" role="region" aria-label={t('explain.lines.label')} tabIndex={0}>
      <table className="data-table data-table--dense" data-testid="explain-lines">
        <thead>
          <tr>
            <th scope="col">{t('explain.col.product')}</th>
            <th scope="col" className="num">
              {t('explain.col.quantity')}
            </th>
            <th scope="col" className="num">
              {t('explain.col.net')}
            </th>
            <th scope="col" className="num">
              {t('explain.col.points')}
            </th>
          </tr>
        </thead>
        <tbody>
          {e.lines.map((line) => (
            <tr key={line.lineId} data-testid="explain-line" className={line.quantity < 0 ? 'is-return' : undefined}>
              <td>
                <span className="line-product">
                  <span className="mono">{line.sku}</span>
                  {line.productName ? <span className="line-product-name">{line.productName}</span> : null}
                </span>
                <span className="cell-sub">
                  {i18n.formatDate(line.date)} · {t('explain.source', { file: line.fileName, row: line.row })}
                </span>
              </td>
              <td className="num">{i18n.formatInteger(line.quantity)}</td>
              <td className="num">{i18n.formatMoney(line.netMinor, e.currency)}</td>
              <td className="num">
                <strong>{i18n.formatInteger(line.points)}</strong>
                <span className="cell-sub">{ruleText(line, i18n)}</span>
                {line.campaigns.map((c) => (
                  <span key={c.campaignId} className="cell-sub line-campaign" data-testid="line-campaign">
                    {t('explain.lineCampaign', {
                      points: formatSignedPoints(c.points, i18n.formatInteger),
                      campaign: c.campaignId,
                      pct: c.bonusPct,
                    })}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
