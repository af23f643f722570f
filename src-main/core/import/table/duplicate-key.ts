// The key by which a row repeats an earlier one of the same file (a kind's duplicateKey
// fields), made for every data row: loops rather than closures, since on a 200,000-row file
// what each row allocates adds up to garbage collection time.

/** The row's key: its key fields' values as a JSON array, or null when any of them is blank. */
export function duplicateKeyOf(values: Readonly<Record<string, unknown>>, keyFields: readonly string[]): string | null {
  if (keyFields.length === 0) return null;
  const parts: unknown[] = new Array<unknown>(keyFields.length);
  for (let i = 0; i < keyFields.length; i++) {
    const value = values[keyFields[i] ?? ''];
    if (value === null || value === undefined) return null;
    parts[i] = value;
  }
  return JSON.stringify(parts);
}
