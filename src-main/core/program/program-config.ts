// A program's settings and rules as data. This file is pure (zod only): the renderer
// imports its types, the CLI and handlers validate with it.
import { z } from 'zod';
import { MAX_SAFE_AMOUNT, MAX_SAFE_AMOUNT_TEXT } from '../money/minor-units';
import { CONFIG_FORMATS, validationProblems, type RefinementParams, type ValidationProblem } from './config-problems';

const PERIOD = CONFIG_FORMATS.invalid_month;
const DATE = CONFIG_FORMATS.invalid_date;
const DATE_ORDER: RefinementParams = { problem: 'date_order' };

// Every whole number of the rules is points or minor units (or basis points): one limit for all.
const wholeNumber = (min = 0) =>
  z
    .number()
    .int()
    .min(min, { error: `must be at least ${min}` })
    .max(MAX_SAFE_AMOUNT, {
      error: `must be at most ${MAX_SAFE_AMOUNT_TEXT}, the largest number of points or minor units Loyalty Desk counts exactly`,
    });
const percent = z.number().int().min(0, { error: 'must not be negative' }).max(1000, { error: 'must be at most 1000' });
const code = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(40, { error: 'must be at most 40 characters' });

const tierSchema = z.strictObject({
  id: code,
  name: z.string().trim().min(1).max(60),
  /** Net volume of the previous period, in minor units, at or above which the tier applies. */
  minVolumeMinor: wholeNumber(1),
  bonusPct: percent,
});

const targetBandSchema = z.strictObject({
  /** Attainment in basis points (10000 = 100.00%) at or above which the band applies. */
  minAttainmentBp: wholeNumber(1),
  bonusPct: percent,
});

const campaignSchema = z
  .strictObject({
    id: code,
    name: z.string().trim().max(80).optional(),
    productGroup: code,
    from: z.string().regex(DATE, { error: 'must be a date YYYY-MM-DD' }),
    to: z.string().regex(DATE, { error: 'must be a date YYYY-MM-DD' }),
    bonusPct: percent,
  })
  .refine((c) => c.from <= c.to, { error: 'must end on or after the day it starts', path: ['to'], params: DATE_ORDER });

const contestSchema = z.strictObject({
  id: code,
  name: z.string().trim().min(1).max(80),
  /** Who may win: participants whose join date falls in the scored period. */
  eligibility: z.literal('joinedInPeriod'),
  /** Prize points for place 1, 2, 3, ...; prizes are not capped. */
  prizes: z.array(wholeNumber(1)).min(1, { error: 'must list at least one prize' }).max(100),
  tieBreak: z.array(z.enum(['joinDate', 'code'])).default(['joinDate', 'code']),
});

const productRateSchema = z.strictObject({
  sku: code,
  pointsPerUnit: wholeNumber(0),
});

const rulesSchema = z
  .strictObject({
    /**
     * What one point is worth from this version on, in minor units; absent where it is the program's own (the value
     * it was created with). Set only by a change of the program's settings, so that a period keeps the point value of
     * the rules version it was calculated and approved under.
     */
    pointValueMinor: wholeNumber(1).optional(),
    /** Points for each full `perMinor` minor units of net value of a promoted product without a per-unit rate. */
    baseRate: z.strictObject({ points: wholeNumber(0), perMinor: wholeNumber(1) }),
    /** Per-unit rates that override those of the products file. */
    productRates: z.array(productRateSchema).default([]),
    tiers: z.array(tierSchema).max(20).default([]),
    targetBands: z.array(targetBandSchema).max(20).default([]),
    campaigns: z.array(campaignSchema).max(200).default([]),
    capPointsPerPeriod: wholeNumber(1).nullable().default(null),
    contests: z.array(contestSchema).max(20).default([]),
    payout: z
      .strictObject({
        requiresDestination: z.boolean().default(true),
        requiresActive: z.boolean().default(true),
      })
      .default({ requiresDestination: true, requiresActive: true }),
    budget: z
      .strictObject({ perPeriodMinor: wholeNumber(0) })
      .nullable()
      .default(null),
  })
  .superRefine((rules, ctx) => {
    const unique = (ids: string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        const params: RefinementParams = { problem: 'duplicate_id', id };
        if (seen.has(id))
          ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `repeats the id "${id}"`, params });
        seen.add(id);
      });
    };
    unique(
      rules.tiers.map((t) => t.id),
      'tiers',
    );
    unique(
      rules.campaigns.map((c) => c.id),
      'campaigns',
    );
    unique(
      rules.contests.map((c) => c.id),
      'contests',
    );
  });

export const sepaDebtorSchema = z.strictObject({
  name: z.string().trim().min(1).max(70),
  iban: z.string().trim().min(15).max(34),
  bic: z.string().trim().regex(CONFIG_FORMATS.invalid_bic, { error: 'must be a BIC of 8 or 11 characters' }),
});

export const programConfigSchema = z.strictObject({
  $comment: z.string().optional(),
  name: z.string().trim().min(1, { error: 'must not be empty' }).max(120),
  client: z.string().trim().min(1, { error: 'must not be empty' }).max(120),
  currency: z.strictObject({
    code: z
      .string()
      .regex(CONFIG_FORMATS.invalid_currency_code, { error: 'must be a three-letter ISO 4217 code such as PLN' }),
    minorDigits: z.number().int().min(0).max(3),
  }),
  locale: z.string().regex(CONFIG_FORMATS.invalid_locale, { error: 'must be a locale such as pl-PL' }),
  /** What one point is worth, in minor units of the currency. */
  pointValueMinor: wholeNumber(1),
  firstPeriod: z.string().regex(PERIOD, { error: 'must be a month YYYY-MM' }),
  payment: z.strictObject({ sepaDebtor: sepaDebtorSchema.optional() }).default({}),
  rules: rulesSchema,
});

/** The settings a program may change after it was created, each validated as at creation. */
export const programSettingsSchema = programConfigSchema
  .pick({ name: true, client: true, currency: true, locale: true, pointValueMinor: true })
  .extend({ sepaDebtor: sepaDebtorSchema.nullable() });

export type ProgramSettingsValues = z.infer<typeof programSettingsSchema>;

export function parseProgramSettings(input: unknown): ConfigParseResult<ProgramSettingsValues> {
  return parseWith(programSettingsSchema, input);
}

export type Rules = z.infer<typeof rulesSchema>;
export type ProgramConfig = z.infer<typeof programConfigSchema>;
export type ProgramConfigInput = z.input<typeof programConfigSchema>;

/** A parse that also gives each problem as data: `issues` carry what `problems` say in English, in the same order. */
export type ConfigParseResult<T> =
  { ok: true; value: T } | { ok: false; problems: string[]; issues: ValidationProblem[] };

function parseWith<T>(schema: z.ZodType<T>, input: unknown): ConfigParseResult<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues = validationProblems(result.error);
  return { ok: false, problems: issues.map((p) => p.message), issues };
}

export function parseProgramConfig(input: unknown): ConfigParseResult<ProgramConfig> {
  return parseWith(programConfigSchema, input);
}

export function parseRules(input: unknown): ConfigParseResult<Rules> {
  return parseWith(rulesSchema, input);
}

/**
 * The note of a program's first rules version, written by the app itself (stored in English, as every note is): the
 * screens word it in the operator's language rather than show it as stored.
 */
export const PROGRAM_CREATED_NOTE = 'Program created';
