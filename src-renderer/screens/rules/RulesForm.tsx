// The rules form, a card per part of the rules. Rows of a list (tiers, bands, campaigns)
// label every input for a screen reader with its row number; the visible labels sit above.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { AddRowButton, RemoveRowButton, RuleField, useProblemText } from './RuleField';
import { newRow, type Problems, type RulesDraft } from './rules-draft';

type Update = (change: (draft: RulesDraft) => RulesDraft) => void;

function RulesCard({ id, title, lead, children }: { id: string; title: string; lead?: string; children: ReactNode }) {
  return (
    <section className="card rules-card" aria-labelledby={`rules-${id}`} data-testid={`rules-${id}`}>
      <div>
        <h2 className="card-title" id={`rules-${id}`}>
          {title}
        </h2>
        {lead ? <p className="card-note">{lead}</p> : null}
      </div>
      {children}
    </section>
  );
}

function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  return list.map((item, i) => (i === index ? value : item));
}

export function RulesForm({
  draft,
  update,
  problems,
  currencyCode,
}: {
  draft: RulesDraft;
  update: Update;
  problems: Problems;
  currencyCode: string;
}) {
  const { t } = useI18n();
  const problemText = useProblemText();
  const pct = '%';
  const points = t('rules.unit.points');

  return (
    <div className="rules-form">
      <RulesCard id="base" title={t('rules.base.title')} lead={t('rules.base.lead')}>
        <div className="rule-line">
          <RuleField
            path="baseRate.points"
            label={t('rules.base.points')}
            value={draft.basePoints}
            onChange={(v) => update((d) => ({ ...d, basePoints: v }))}
            problem={problems['baseRate.points']}
            unit={points}
            inputMode="numeric"
            width="narrow"
          />
          <RuleField
            path="baseRate.perMinor"
            label={t('rules.base.per')}
            value={draft.basePer}
            onChange={(v) => update((d) => ({ ...d, basePer: v }))}
            problem={problems['baseRate.perMinor']}
            unit={currencyCode}
            inputMode="decimal"
            width="medium"
          />
        </div>
      </RulesCard>

      <RulesCard id="productRates" title={t('rules.productRates.title')} lead={t('rules.productRates.lead')}>
        {draft.productRates.length === 0 ? <p className="muted small">{t('rules.productRates.none')}</p> : null}
        {draft.productRates.map((r, i) => (
          <div className="rule-row" key={r.key}>
            <RuleField
              path={`productRates[${i}].sku`}
              label={t('rules.productRates.sku')}
              value={r.sku}
              onChange={(v) => update((d) => ({ ...d, productRates: replaceAt(d.productRates, i, { ...r, sku: v }) }))}
              problem={problems[`productRates[${i}].sku`]}
              width="medium"
            />
            <RuleField
              path={`productRates[${i}].pointsPerUnit`}
              label={t('rules.productRates.ppu')}
              value={r.pointsPerUnit}
              onChange={(v) =>
                update((d) => ({ ...d, productRates: replaceAt(d.productRates, i, { ...r, pointsPerUnit: v }) }))
              }
              problem={problems[`productRates[${i}].pointsPerUnit`]}
              unit={points}
              inputMode="numeric"
              width="narrow"
            />
            <RemoveRowButton
              label={t('rules.remove', { what: r.sku || t('rules.productRates.row', { n: i + 1 }) })}
              onClick={() => update((d) => ({ ...d, productRates: d.productRates.filter((_, j) => j !== i) }))}
            />
          </div>
        ))}
        <AddRowButton
          label={t('rules.productRates.add')}
          onClick={() => update((d) => ({ ...d, productRates: [...d.productRates, newRow.productRate()] }))}
          testId="add-product-rate"
        />
      </RulesCard>

      <RulesCard id="tiers" title={t('rules.tiers.title')} lead={t('rules.tiers.lead')}>
        {draft.tiers.map((tier, i) => {
          const set = (patch: Partial<typeof tier>) =>
            update((d) => ({ ...d, tiers: replaceAt(d.tiers, i, { ...tier, ...patch }) }));
          return (
            <div className="rule-row" key={tier.key}>
              <RuleField
                path={`tiers[${i}].id`}
                label={t('rules.field.id')}
                value={tier.id}
                onChange={(v) => set({ id: v })}
                problem={problems[`tiers[${i}].id`]}
                width="narrow"
              />
              <RuleField
                path={`tiers[${i}].name`}
                label={t('rules.field.name')}
                value={tier.name}
                onChange={(v) => set({ name: v })}
                problem={problems[`tiers[${i}].name`]}
                width="medium"
              />
              <RuleField
                path={`tiers[${i}].minVolumeMinor`}
                label={t('rules.tiers.min')}
                value={tier.minVolume}
                onChange={(v) => set({ minVolume: v })}
                problem={problems[`tiers[${i}].minVolumeMinor`]}
                unit={currencyCode}
                inputMode="decimal"
                width="medium"
              />
              <RuleField
                path={`tiers[${i}].bonusPct`}
                label={t('rules.field.bonus')}
                value={tier.bonusPct}
                onChange={(v) => set({ bonusPct: v })}
                problem={problems[`tiers[${i}].bonusPct`]}
                unit={pct}
                inputMode="numeric"
                width="narrow"
              />
              <RemoveRowButton
                label={t('rules.remove', { what: tier.name || tier.id || t('rules.tiers.row', { n: i + 1 }) })}
                onClick={() => update((d) => ({ ...d, tiers: d.tiers.filter((_, j) => j !== i) }))}
              />
            </div>
          );
        })}
        <AddRowButton
          label={t('rules.tiers.add')}
          onClick={() => update((d) => ({ ...d, tiers: [...d.tiers, newRow.tier()] }))}
          testId="add-tier"
        />
      </RulesCard>

      <RulesCard id="bands" title={t('rules.bands.title')} lead={t('rules.bands.lead')}>
        {draft.bands.map((band, i) => {
          const set = (patch: Partial<typeof band>) =>
            update((d) => ({ ...d, bands: replaceAt(d.bands, i, { ...band, ...patch }) }));
          return (
            <div className="rule-row" key={band.key}>
              <RuleField
                path={`targetBands[${i}].minAttainmentBp`}
                label={t('rules.bands.min')}
                value={band.minAttainment}
                onChange={(v) => set({ minAttainment: v })}
                problem={problems[`targetBands[${i}].minAttainmentBp`]}
                unit={pct}
                inputMode="decimal"
                width="medium"
              />
              <RuleField
                path={`targetBands[${i}].bonusPct`}
                label={t('rules.field.bonus')}
                value={band.bonusPct}
                onChange={(v) => set({ bonusPct: v })}
                problem={problems[`targetBands[${i}].bonusPct`]}
                unit={pct}
                inputMode="numeric"
                width="narrow"
              />
              <RemoveRowButton
                label={t('rules.remove', { what: t('rules.bands.row', { n: i + 1 }) })}
                onClick={() => update((d) => ({ ...d, bands: d.bands.filter((_, j) => j !== i) }))}
              />
            </div>
          );
        })}
        <AddRowButton
          label={t('rules.bands.add')}
          onClick={() => update((d) => ({ ...d, bands: [...d.bands, newRow.band()] }))}
          testId="add-band"
        />
      </RulesCard>

      <RulesCard id="campaigns" title={t('rules.campaigns.title')} lead={t('rules.campaigns.lead')}>
        {draft.campaigns.map((c, i) => {
          const set = (patch: Partial<typeof c>) =>
            update((d) => ({ ...d, campaigns: replaceAt(d.campaigns, i, { ...c, ...patch }) }));
          return (
            <div className="rule-row rule-row--campaign" key={c.key}>
              <RuleField
                path={`campaigns[${i}].id`}
                label={t('rules.field.id')}
                value={c.id}
                onChange={(v) => set({ id: v })}
                problem={problems[`campaigns[${i}].id`]}
                width="medium"
              />
              <RuleField
                path={`campaigns[${i}].name`}
                label={t('rules.field.name')}
                value={c.name}
                onChange={(v) => set({ name: v })}
                problem={problems[`campaigns[${i}].name`]}
                width="medium"
              />
              <RuleField
                path={`campaigns[${i}].productGroup`}
                label={t('rules.campaigns.group')}
                value={c.productGroup}
                onChange={(v) => set({ productGroup: v })}
                problem={problems[`campaigns[${i}].productGroup`]}
                width="narrow"
              />
              <RuleField
                path={`campaigns[${i}].from`}
                label={t('rules.campaigns.from')}
                value={c.from}
                onChange={(v) => set({ from: v })}
                problem={problems[`campaigns[${i}].from`]}
                width="medium"
              />
              <RuleField
                path={`campaigns[${i}].to`}
                label={t('rules.campaigns.to')}
                value={c.to}
                onChange={(v) => set({ to: v })}
                problem={problems[`campaigns[${i}].to`]}
                width="medium"
              />
              <RuleField
                path={`campaigns[${i}].bonusPct`}
                label={t('rules.field.bonus')}
                value={c.bonusPct}
                onChange={(v) => set({ bonusPct: v })}
                problem={problems[`campaigns[${i}].bonusPct`]}
                unit={pct}
                inputMode="numeric"
                width="narrow"
              />
              <RemoveRowButton
                label={t('rules.remove', { what: c.id || t('rules.campaigns.row', { n: i + 1 }) })}
                onClick={() => update((d) => ({ ...d, campaigns: d.campaigns.filter((_, j) => j !== i) }))}
              />
            </div>
          );
        })}
        <AddRowButton
          label={t('rules.campaigns.add')}
          onClick={() => update((d) => ({ ...d, campaigns: [...d.campaigns, newRow.campaign()] }))}
          testId="add-campaign"
        />
      </RulesCard>

      <RulesCard id="limits" title={t('rules.limits.title')} lead={t('rules.limits.lead')}>
        <div className="rule-toggle-line">
          <label className="check-row">
            <input
              type="checkbox"
              checked={draft.capEnabled}
              onChange={(event) => update((d) => ({ ...d, capEnabled: event.target.checked }))}
              data-testid="cap-enabled"
            />
            <span>{t('rules.cap.enabled')}</span>
          </label>
          {draft.capEnabled ? (
            <RuleField
              path="capPointsPerPeriod"
              label={t('rules.cap.points')}
              value={draft.cap}
              onChange={(v) => update((d) => ({ ...d, cap: v }))}
              problem={problems.capPointsPerPeriod}
              unit={points}
              inputMode="numeric"
              width="medium"
            />
          ) : null}
        </div>
        <div className="rule-toggle-line">
          <label className="check-row">
            <input
              type="checkbox"
              checked={draft.budgetEnabled}
              onChange={(event) => update((d) => ({ ...d, budgetEnabled: event.target.checked }))}
              data-testid="budget-enabled"
            />
            <span>{t('rules.budget.enabled')}</span>
          </label>
          {draft.budgetEnabled ? (
            <RuleField
              path="budget.perPeriodMinor"
              label={t('rules.budget.amount')}
              value={draft.budget}
              onChange={(v) => update((d) => ({ ...d, budget: v }))}
              problem={problems['budget.perPeriodMinor']}
              unit={currencyCode}
              inputMode="decimal"
              width="wide"
            />
          ) : null}
        </div>
        <fieldset className="rule-fieldset">
          <legend className="field-label">{t('rules.payout.title')}</legend>
          <label className="check-row">
            <input
              type="checkbox"
              checked={draft.requiresDestination}
              onChange={(event) => update((d) => ({ ...d, requiresDestination: event.target.checked }))}
            />
            <span>{t('rules.payout.destination')}</span>
          </label>
          <label className="check-row">
            <input
              type="checkbox"
              checked={draft.requiresActive}
              onChange={(event) => update((d) => ({ ...d, requiresActive: event.target.checked }))}
            />
            <span>{t('rules.payout.active')}</span>
          </label>
        </fieldset>
      </RulesCard>

      <RulesCard id="contests" title={t('rules.contests.title')} lead={t('rules.contests.lead')}>
        {draft.contests.length === 0 ? <p className="muted small">{t('rules.contests.none')}</p> : null}
        {draft.contests.map((c, i) => {
          const set = (patch: Partial<typeof c>) =>
            update((d) => ({ ...d, contests: replaceAt(d.contests, i, { ...c, ...patch }) }));
          const prizesProblem = problemText(problems[`contests[${i}].prizes`]);
          return (
            <div className="contest" key={c.key}>
              <div className="rule-row">
                <RuleField
                  path={`contests[${i}].id`}
                  label={t('rules.field.id')}
                  value={c.id}
                  onChange={(v) => set({ id: v })}
                  problem={problems[`contests[${i}].id`]}
                  width="medium"
                />
                <RuleField
                  path={`contests[${i}].name`}
                  label={t('rules.field.name')}
                  value={c.name}
                  onChange={(v) => set({ name: v })}
                  problem={problems[`contests[${i}].name`]}
                  width="wide"
                />
              </div>
              <p className="small muted">{t('rules.contests.eligibility')}</p>
              <div className="prize-list">
                {c.prizes.map((p, j) => (
                  <div className="prize" key={p.key}>
                    <RuleField
                      path={`contests[${i}].prizes[${j}]`}
                      label={t('rules.contests.place', { place: j + 1 })}
                      value={p.points}
                      onChange={(v) => set({ prizes: replaceAt(c.prizes, j, { ...p, points: v }) })}
                      problem={problems[`contests[${i}].prizes[${j}]`]}
                      unit={points}
                      inputMode="numeric"
                      width="narrow"
                    />
                    <RemoveRowButton
                      label={t('rules.remove', { what: t('rules.contests.place', { place: j + 1 }) })}
                      onClick={() => set({ prizes: c.prizes.filter((_, k) => k !== j) })}
                    />
                  </div>
                ))}
              </div>
              {prizesProblem ? <p className="field-error">{prizesProblem}</p> : null}
              <AddRowButton
                label={t('rules.contests.addPrize')}
                onClick={() => set({ prizes: [...c.prizes, newRow.prize()] })}
                testId={`add-prize-${i}`}
              />
            </div>
          );
        })}
      </RulesCard>
    </div>
  );
}
