// Reading a command's options, shared by the command modules: one sentence when one is missing.
import { AppError } from '../core/app-error';
import type { Values } from './command-types';

/** The option's text, or undefined when it was not given (or given as a flag). */
export function textOption(values: Values, name: string): string | undefined {
  return typeof values[name] === 'string' ? (values[name] as string) : undefined;
}

export function requiredOption(values: Values, name: string, what: string): string {
  const raw = textOption(values, name);
  if (raw === undefined || raw.trim() === '')
    throw new AppError('INVALID_INPUT', `This command needs --${name} ${what}.`);
  return raw;
}
