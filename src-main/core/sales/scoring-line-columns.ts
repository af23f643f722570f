// The raw column tuple of a sales line, typed from the schema (Node side only: the schema is not the window's).
import type { RowOf } from '../../db/row-types';
import type { salesLines } from '../../db/schema';

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
