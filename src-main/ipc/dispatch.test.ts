// An unexpected error can come after a commit, so what the operator reads must not claim that
// nothing was changed.
import { describe, expect, it } from 'vitest';
import { dispatchCall, INTERNAL_MESSAGE } from './dispatch';
import type { Handlers } from './handlers';

describe('an unexpected error', () => {
  it('is INTERNAL, and says only what is true whether or not something was saved', async () => {
    const logged: unknown[] = [];
    const handlers = {
      'budget.view': () => {
        throw new Error('after the commit');
      },
    } as unknown as Handlers;
    const result = await dispatchCall(handlers, 'budget.view', undefined, (_m, e) => logged.push(e));
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } });
    expect(INTERNAL_MESSAGE).not.toMatch(/nothing was changed/i);
    expect(INTERNAL_MESSAGE).toMatch(/saved whole or not at all/);
    expect(logged).toHaveLength(1);
  });
});
