import { AppError } from '../app-error';
import { isPeriod } from './period';

/** A period named by the operator or a caller, refused in words unless it is a month YYYY-MM. */
export function requirePeriod(period: string): string {
  if (!isPeriod(period))
    throw new AppError('INVALID_INPUT', `"${period}" is not a period; write it as a month YYYY-MM, such as 2026-10.`);
  return period;
}
