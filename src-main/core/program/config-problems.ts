// What is wrong with a program, its rules or a call's arguments, as data: where (the path in
// the document), what (a code from a closed list) and the numbers or names it depends on. The
// renderer words each code in the operator's language from these; the English sentence is
// kept beside them for the CLI and the log, and nobody takes it apart. Pure (zod's issue
// types and the amount limit only), so that the renderer imports the codes from here.
import type { z } from 'zod';
import { MAX_SAFE_AMOUNT } from '../money/minor-units';

/** The formats a text setting must match; a schema uses these very patterns so that a mismatch names its format. */
export const CONFIG_FORMATS = {
  invalid_month: /^\d{4}-(0[1-9]|1[0-2])$/,
  invalid_date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  invalid_currency_code: /^[A-Z]{3}$/,
  invalid_locale: /^[a-z]{2}(-[A-Z]{2})?$/,
  invalid_bic: /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/,
  /** Excel's rule for a sheet name: none of : \ / ? * [ ]. */
  invalid_sheet_name: /^[^:\\/?*[\]]+$/,
} as const;

type NoParams = Record<never, never>;

/** Each problem code with the params it carries. */
export interface ValidationProblemParams {
  required: NoParams;
  not_a_number: NoParams;
  not_integer: NoParams;
  not_text: NoParams;
  not_a_list: NoParams;
  not_a_group: NoParams;
  not_true_or_false: NoParams;
  too_small: { minimum: number };
  too_large: { maximum: number };
  /** Past MAX_SAFE_AMOUNT, the one limit for points and minor units. */
  amount_too_large: { maximum: number };
  empty: NoParams;
  too_short: { minimum: number };
  too_long: { maximum: number };
  too_few_items: { minimum: number };
  too_many_items: { maximum: number };
  /** keys: the unknown names, quoted and joined; count: how many. */
  unknown_key: { keys: string; count: number };
  /** options: the values allowed, joined. */
  not_one_of: { options: string };
  invalid_month: NoParams;
  invalid_date: NoParams;
  invalid_currency_code: NoParams;
  invalid_locale: NoParams;
  invalid_bic: NoParams;
  invalid_sheet_name: NoParams;
  /** A text of a format not listed in CONFIG_FORMATS. */
  invalid_format: NoParams;
  /** A campaign that ends before it starts. */
  date_order: NoParams;
  /** An id that an earlier tier, campaign or contest already has. */
  duplicate_id: { id: string };
  /**
   * A payout template that lists a field twice, lacks the reference or an amount, or writes "," for both separators.
   */
  repeated_column: { field: string };
  missing_reference_column: NoParams;
  missing_amount_column: NoParams;
  same_separator: NoParams;
  /** Anything else zod can refuse (no schema of ours produces it today). */
  invalid: NoParams;
}

export type ValidationProblemCode = keyof ValidationProblemParams;

export type ValidationProblem = {
  [C in ValidationProblemCode]: {
    /** Where in the document: ['rules', 'tiers', 0, 'bonusPct']; empty for the document itself. */
    path: (string | number)[];
    code: C;
    params: ValidationProblemParams[C];
    /** The same in English, path first, for the CLI and the log. */
    message: string;
  };
}[ValidationProblemCode];

export const VALIDATION_PROBLEM_CODES = [
  'required',
  'not_a_number',
  'not_integer',
  'not_text',
  'not_a_list',
  'not_a_group',
  'not_true_or_false',
  'too_small',
  'too_large',
  'amount_too_large',
  'empty',
  'too_short',
  'too_long',
  'too_few_items',
  'too_many_items',
  'unknown_key',
  'not_one_of',
  'invalid_month',
  'invalid_date',
  'invalid_currency_code',
  'invalid_locale',
  'invalid_bic',
  'invalid_sheet_name',
  'invalid_format',
  'date_order',
  'duplicate_id',
  'repeated_column',
  'missing_reference_column',
  'missing_amount_column',
  'same_separator',
  'invalid',
] as const satisfies readonly ValidationProblemCode[];

// Fails to compile when a code of ValidationProblemParams is missing from the list above.
type Expect<T extends true> = T;
export type ValidationCodesListed = Expect<
  [Exclude<ValidationProblemCode, (typeof VALIDATION_PROBLEM_CODES)[number]>] extends [never] ? true : false
>;

/** The `params` a schema's refinement gives its issue, so that it is told apart without reading its words. */
export type RefinementParams =
  | { problem: 'date_order' }
  | { problem: 'duplicate_id'; id: string }
  | { problem: 'repeated_column'; field: string }
  | { problem: 'missing_reference_column' }
  | { problem: 'missing_amount_column' }
  | { problem: 'same_separator' };

/** Writes a path as a reader would: rules.tiers[0].bonusPct. */
export function describePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(the document)';
}

/** zod's own wording ("Invalid input: expected string, received undefined") is for developers. */
function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (/received undefined/.test(issue.message)) return 'is missing';
    const expected: Record<string, string> = {
      int: 'a whole number',
      number: 'a number',
      object: 'a group of settings',
      array: 'a list',
      string: 'text',
      boolean: 'true or false',
    };
    return `must be ${expected[issue.expected] ?? issue.expected}`;
  }
  if (issue.code === 'unrecognized_keys')
    return `has unknown ${issue.keys.length === 1 ? 'setting' : 'settings'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (/^(Too small|Too big|Invalid)/.test(issue.message)) {
    if (issue.code === 'too_small') {
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `must be at least ${String(issue.minimum)} characters`;
      if (issue.origin === 'array') return `must list at least ${String(issue.minimum)}`;
      return `must be at least ${String(issue.minimum)}`;
    }
    if (issue.code === 'too_big') {
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters`;
      if (issue.origin === 'array') return `must list at most ${String(issue.maximum)}`;
      return `must be at most ${String(issue.maximum)}`;
    }
    if (issue.code === 'invalid_value')
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return issue.message;
}

const TYPE_CODES: Record<string, ValidationProblemCode> = {
  int: 'not_integer',
  number: 'not_a_number',
  string: 'not_text',
  array: 'not_a_list',
  object: 'not_a_group',
  boolean: 'not_true_or_false',
};

function codeAndParams(issue: z.core.$ZodIssue): Pick<ValidationProblem, 'code' | 'params'> {
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return { code: 'required', params: {} };
      return { code: TYPE_CODES[issue.expected] ?? 'invalid', params: {} } as Pick<
        ValidationProblem,
        'code' | 'params'
      >;
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string')
        return minimum <= 1 ? { code: 'empty', params: {} } : { code: 'too_short', params: { minimum } };
      if (issue.origin === 'array') return { code: 'too_few_items', params: { minimum } };
      return { code: 'too_small', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'too_long', params: { maximum } };
      if (issue.origin === 'array') return { code: 'too_many_items', params: { maximum } };
      return maximum === MAX_SAFE_AMOUNT
        ? { code: 'amount_too_large', params: { maximum } }
        : { code: 'too_large', params: { maximum } };
    }
    case 'invalid_format': {
      const pattern = 'pattern' in issue ? String(issue.pattern) : '';
      for (const [code, format] of Object.entries(CONFIG_FORMATS))
        if (String(format) === pattern) return { code: code as keyof typeof CONFIG_FORMATS, params: {} };
      return { code: 'invalid_format', params: {} };
    }
    case 'unrecognized_keys':
      return {
        code: 'unknown_key',
        params: { keys: issue.keys.map((k) => `"${k}"`).join(', '), count: issue.keys.length },
      };
    case 'invalid_value':
      return { code: 'not_one_of', params: { options: issue.values.map((v) => String(v)).join(', ') } };
    case 'custom': {
      const params = issue.params as RefinementParams | undefined;
      switch (params?.problem) {
        case 'duplicate_id':
          return { code: 'duplicate_id', params: { id: params.id } };
        case 'repeated_column':
          return { code: 'repeated_column', params: { field: params.field } };
        case 'date_order':
        case 'missing_reference_column':
        case 'missing_amount_column':
        case 'same_separator':
          return { code: params.problem, params: {} };
        default:
          return { code: 'invalid', params: {} };
      }
    }
    default:
      return { code: 'invalid', params: {} };
  }
}

/** One zod issue as a problem; `under` is prefixed to its path (['rules'] for a rules document checked alone). */
function validationProblemOf(issue: z.core.$ZodIssue, under: readonly (string | number)[] = []): ValidationProblem {
  const path = [
    ...under,
    ...issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number'),
  ];
  return {
    ...codeAndParams(issue),
    path,
    message: `${describePath(path)}: ${plainMessage(issue)}`,
  } as ValidationProblem;
}

export function validationProblems(error: z.ZodError, under: readonly (string | number)[] = []): ValidationProblem[] {
  return error.issues.map((issue) => validationProblemOf(issue, under));
}
