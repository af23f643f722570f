import { userInfo } from 'node:os';

/**
 * Who is acting, recorded with every decision, in the desktop app, the web bridge and the CLI
 * alike: LOYALTY_ACTOR when set (tests, a shared account), else the OS account sitting at this
 * desk, else the environment's user (containers without a passwd entry), else "operator".
 */
export function operatorName(env: Record<string, string | undefined> = process.env): string {
  const named = env.LOYALTY_ACTOR?.trim();
  if (named) return named;
  try {
    const name = userInfo().username;
    if (name) return name;
  } catch {
    // No passwd entry: fall through to the environment.
  }
  return env.USER || env.USERNAME || 'operator';
}
