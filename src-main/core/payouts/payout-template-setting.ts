// The card issuer's template the coordinator configured (columns, headers, order, decimal
// separator, encoding, date format), kept in the settings; the built-in one until then.
import { AppError } from '../app-error';
import type { CoreContext } from '../context';
import { recordDecision } from '../operator/operator-log';
import { readSetting, writeSetting } from '../settings/settings-store';
import { BUILT_IN_TEMPLATE, parsePayoutTemplate } from './files/payout-template';
import type { PayoutTemplateView } from './payout-types';

const PAYOUT_TEMPLATE_SETTING = 'payout.template';

export function payoutTemplate(ctx: CoreContext): PayoutTemplateView {
  const stored = readSetting(ctx, PAYOUT_TEMPLATE_SETTING);
  if (stored) {
    const parsed = parsePayoutTemplate(JSON.parse(stored));
    if (parsed.ok) return { template: parsed.value, builtIn: false };
  }
  return { template: BUILT_IN_TEMPLATE, builtIn: true };
}

/** Saves a template (checked field by field), or goes back to the built-in one with null. */
export function setPayoutTemplate(ctx: CoreContext, input: unknown): PayoutTemplateView {
  return ctx.store.transaction(() => {
    if (input === null) {
      writeSetting(ctx, PAYOUT_TEMPLATE_SETTING, '');
      recordDecision(ctx, 'payouts.template', 'built-in', null);
      return payoutTemplate(ctx);
    }
    const parsed = parsePayoutTemplate(input);
    if (!parsed.ok)
      throw new AppError('INVALID_INPUT', `The payout template is not valid: ${parsed.problems.join('; ')}.`, {
        problems: parsed.issues,
      });
    writeSetting(ctx, PAYOUT_TEMPLATE_SETTING, JSON.stringify(parsed.value));
    recordDecision(ctx, 'payouts.template', parsed.value.name, null, { template: parsed.value });
    return payoutTemplate(ctx);
  });
}
