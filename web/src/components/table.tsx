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

const numClass = (c: { num?: boolean }) => (c.num ? 'num' : undefined);

// The head of a `data-table`: a header a column. Where the rows draw themselves, the head alone.
export function TableHead({ columns }: { columns: { header: string; num?: boolean }[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c.header} scope="col" className={numClass(c)}>
            {c.header}
          </th>
        ))}
      </tr>
    </thead>
  );
}

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
  return (
    <>
      <TableHead columns={shown} />
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {shown.map((c) =>
              c.rowHeader ? (
                <th key={c.header} scope="row" className={numClass(c)}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.header} className={numClass(c)}>
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
