// The preview every kind shows before anything is written, built the same way for all from
// what readImportTable found: the header row, which column feeds each field and why, the
// counts, every problem, and the rows to look at (those with problems first).
import type { FieldTable, ImportDefinition } from './field-definitions';
import type { ImportFile, ImportTable } from '../jobs/import-pipeline';
import type {
  ImportKind,
  ImportPreview,
  ImportProblem,
  LayoutChange,
  MappingField,
  ReplacementDiff,
  UnknownCodesSummary,
} from '../report/import-report';
import { normalizeHeader } from './normalize-header';

export interface PreviewInput<F extends FieldTable> {
  kind: ImportKind;
  file: ImportFile;
  sha256: string;
  definition: ImportDefinition<F>;
  table: ImportTable<F>;
  /** The table's problems with what the kind found besides (unknown codes); the table's own when absent. */
  problems?: readonly ImportProblem[];
  period?: string | null;
  layoutChange: LayoutChange | null;
  replacement?: ReplacementDiff | null;
  unknownCodes?: UnknownCodesSummary | null;
}

/** Each field of the kind, the column that feeds it, and how that column was chosen. */
function mappingFields<F extends FieldTable>(
  definition: ImportDefinition<F>,
  table: ImportTable<F>,
  explicit: Record<string, string> = {},
): MappingField[] {
  return Object.entries(definition.fields).map(([field, spec]) => {
    const header = table.mapping[field] ?? null;
    let source: MappingField['source'] = null;
    if (header !== null) {
      const bySynonym = spec.synonyms.some((s) => normalizeHeader(s) === normalizeHeader(header));
      if (explicit[field] !== undefined) source = 'explicit';
      else if (table.remembered?.mapping[field] !== undefined && !bySynonym) source = 'remembered';
      else source = 'synonym';
    }
    return { field, required: spec.required, header, source };
  });
}

export function previewFromTable<F extends FieldTable>(input: PreviewInput<F>): ImportPreview {
  const { table } = input;
  return {
    kind: input.kind,
    fileName: input.file.fileName,
    fileSize: input.file.bytes.byteLength,
    sha256: input.sha256,
    sheet: table.sheet,
    headerRow: table.headerRow,
    headers: table.headers,
    fields: mappingFields(input.definition, table, input.file.mapping),
    mapping: table.mapping,
    rowsRead: table.rowsRead,
    accepted: table.acceptedCount,
    rejected: table.rejected,
    skipped: table.skipped,
    duplicates: table.duplicates,
    problems: [...(input.problems ?? table.problems)],
    rows: table.previewRows,
    period: input.period ?? null,
    layoutChange: input.layoutChange,
    replacement: input.replacement ?? null,
    unknownCodes: input.unknownCodes ?? null,
    source: {
      format: table.format,
      ...(table.encoding !== undefined ? { encoding: table.encoding } : {}),
      ...(table.separator !== undefined ? { separator: table.separator } : {}),
    },
  };
}
