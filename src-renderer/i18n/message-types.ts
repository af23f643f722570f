/** A text, or a plural whose form Intl.PluralRules picks from params.count. */
type PluralMessage = Readonly<Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many', string>> & { other: string }>;
export type Message = string | PluralMessage;
