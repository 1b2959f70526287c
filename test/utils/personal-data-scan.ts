export type ScanQuery = (sql: string, params?: unknown[]) => Promise<{ [key: string]: unknown }[]>;

// The columns that may hold words. A column of any type outside both lists fails the scan until it is sorted into
// one of them, so that a new kind of column is not skipped unseen.
const TEXT_TYPES = ['text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'citext', 'ARRAY'];
const NO_TEXT_TYPES = [
  'uuid',
  'smallint',
  'integer',
  'bigint',
  'numeric',
  'boolean',
  'date',
  'timestamp with time zone',
  'USER-DEFINED', // the enums (citext, also USER-DEFINED, is told apart by its udt_name)
];

// Where an anonymised expert may stay, on purpose: table.column and the rows (an SQL condition on the row `x`).
export const KEPT_AFTER_ERASURE: Record<string, string> = {
  // A signed contract never changes (PRODUCT.md §4) and is the ground on which the fees were paid: its snapshot and
  // PDFs keep the expert's name and date of birth (ExpertAnonymiser). One never signed loses them (ContractEnding).
  'contracts.snapshot': 'x.signed_at IS NOT NULL',
  'contracts.pdf': 'x.signed_at IS NOT NULL',
  'contract_signed_copies.pdf': 'true',
  // Append-only by rule: the audit log records what was done and by whom and is never rewritten (its retention
  // is a question to the product side).
  'audit_events.details': 'true',
  // The payroll file of a run is the bookkeeping voucher, kept whole and encrypted until its retention ends
  // (FeeRunFileRetentionJob); the expert's own statements go.
  'fee_run_files.bytes': `x.kind = 'payroll_csv'`,
  // A line of a run not exported yet keeps the payee's name until it is paid, or the payment would fail; the
  // privacy job clears it afterwards (ExpertErasureRepository.scrubPaidLines).
  'fee_run_lines.payee_name': `EXISTS (SELECT 1 FROM fee_runs r WHERE r.id = x.run_id AND r.status <> 'exported')`,
};

// Every text, varchar, char, citext, json(b) and array column of every table of the schema, searched for each
// needle case-insensitively, and every bytea column for the needle's UTF-8 bytes; the rows `kept` excuses are left
// out. Returns "table.column: needle" for every hit.
export async function scanForPerson(
  query: ScanQuery,
  needles: string[],
  kept: Record<string, string> = {},
): Promise<string[]> {
  const columns = (await query(
    `SELECT c.table_name AS "table", c.column_name AS "column",
            CASE WHEN c.udt_name = 'citext' THEN 'citext' ELSE c.data_type END AS "type"
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      ORDER BY 1, 2`,
  )) as { table: string; column: string; type: string }[];
  const unsorted = columns.filter((c) => !TEXT_TYPES.includes(c.type) && !NO_TEXT_TYPES.includes(c.type));
  if (unsorted.length > 0) throw new Error(`Columns of an unsorted type: ${JSON.stringify(unsorted)}`);
  const hits: string[] = [];
  for (const { table, column, type } of columns.filter((c) => TEXT_TYPES.includes(c.type))) {
    const found =
      type === 'bytea'
        ? `position(convert_to(n, 'UTF8') IN x."${column}") > 0`
        : `strpos(lower(x."${column}"::text), lower(n)) > 0`;
    const excused = kept[`${table}.${column}`];
    const rows = await query(
      `SELECT DISTINCT n AS needle FROM "${table}" x, unnest($1::text[]) n
        WHERE ${found}${excused ? ` AND NOT (${excused})` : ''} ORDER BY 1`,
      [needles],
    );
    for (const { needle } of rows) hits.push(`${table}.${column}: ${needle as string}`);
  }
  return hits;
}
