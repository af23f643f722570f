// The raw column tuple of a sales line, typed from the schema (Node side only: the schema is not the window's).
import type { RowOf } from '../../db/row-types';
import type { salesLines } from '../../db/schema';
import type { ScoringLine } from './scoring-line';

type StoredLine = RowOf<typeof salesLines>;

/**
 * The columns of a sales line as the readers select them raw (`id, batch_id, source_row, sale_date,
 * participant_code, sku, quantity, net_minor`): arrays, which better-sqlite3 makes faster than named objects.
 */
export type ScoringLineColumns = [
  StoredLine['id'],
  StoredLine['batchId'],
  StoredLine['sourceRow'],
  StoredLine['saleDate'],
  StoredLine['participantCode'],
  StoredLine['sku'],
  StoredLine['quantity'],
  StoredLine['netMinor'],
];

/** The columns of ScoringLineColumns, in their order, for a SELECT. */
export const SCORING_LINE_COLUMNS = 'id, batch_id, source_row, sale_date, participant_code, sku, quantity, net_minor';

/** A line as scoring takes it, from its raw columns. */
export function scoringLineOf(r: ScoringLineColumns): ScoringLine {
  return {
    id: r[0],
    batchId: r[1],
    row: r[2],
    date: r[3],
    participantCode: r[4],
    sku: r[5],
    quantity: r[6],
    netMinor: r[7],
  };
}
