import type { Key, ReactNode } from 'react';
import { AppLink } from './router-link';

// One column of a data table: its header and what each row shows in it.
export type Column<Row> = {
  header: string;
  cell: (row: Row) => ReactNode;
  // Right-aligned, never wrapped: amounts and counts.
  num?: boolean;
  // The cell that names its row, read out with each of the row's other cells.
  rowHeader?: boolean;
};

// The head and the rows of a `data-table`, column by column; a column given as `false` is left out.
export function TableRows<Row>({
  columns,
  rows,
  rowKey,
}: {
  columns: (Column<Row> | false)[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
}) {
  const shown = columns.filter((c): c is Column<Row> => c !== false);
  const num = (c: Column<Row>) => (c.num ? 'num' : undefined);
  return (
    <>
      <thead>
        <tr>
          {shown.map((c) => (
            <th key={c.header} scope="col" className={num(c)}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {shown.map((c) =>
              c.rowHeader ? (
                <th key={c.header} scope="row" className={num(c)}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.header} className={num(c)}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </>
  );
}

// A column whose cells link each row to where it is worked on.
export const linkColumn = <Row,>(header: string, to: (row: Row) => string, text: (row: Row) => ReactNode) => ({
  header,
  cell: (row: Row) => <AppLink to={to(row)}>{text(row)}</AppLink>,
});
