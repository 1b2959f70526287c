import { Options, stringify } from 'csv-stringify/sync';

// Kokemus CSV files, written by csv-stringify: RFC 4180 quoting, CRLF after every row (the last too), and a
// text cell that a spreadsheet could read as a formula (=, +, -, @, tab, CR, or their full-width forms first)
// defused with a leading apostrophe. A minus sign before a number is never taken for a formula.
export const CSV_OPTIONS: Readonly<Options> = {
  record_delimiter: 'windows',
  // With a record delimiter of its own, csv-stringify would no longer quote a lone \n or \r in a cell.
  quote_record_delimiter: true,
  escape_formulas: true,
};

// Rows, each a list of cells in the columns' order (null is an empty cell). (csv-stringify's own `columns`
// option looks each value up by path: seven times slower for a fee run's rows.)
export function csvRows(rows: readonly unknown[][], options: Readonly<Options> = CSV_OPTIONS): string {
  return rows.length === 0 ? '' : stringify(rows as unknown[][], options);
}
