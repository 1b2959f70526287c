import type { UseQueryResult } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Page } from '../../../components/page';
import { Pager } from '../../../components/pager';
import { Empty, Loading, ReadFailure } from '../../../components/states';
import { type Column, TableRows } from '../../../components/table';
import { TableRegion } from '../../../components/table-region';
import './coordinator.css';

const LIMIT = 50;

// The state a queue shows and where in it, kept in the address (?status=&offset=) so that a link or a reload
// lands on the same page; the first of the states when none (or an unknown one) is given.
export function useStatusParams<Status extends string>(statuses: readonly Status[]) {
  const [params, setParams] = useSearchParams();
  const status = statuses.find((s) => s === params.get('status')) ?? statuses[0];
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const go = (changes: Record<string, string>) => setParams(new URLSearchParams({ status, ...changes }));
  return { status, offset, go };
}

// A coordinator's queue of one kind of work: the state to show, the rows in that state a page at a time.
export function StatusQueue<Status extends string, Row extends { id: string }>({
  id,
  title,
  filter,
  statuses,
  statusLabel,
  params: { status, offset, go },
  list,
  empty,
  caption,
  columns,
}: {
  id: string;
  title: string;
  filter: { id: string; label: string };
  statuses: readonly Status[];
  statusLabel: (status: Status) => string;
  params: ReturnType<typeof useStatusParams<Status>>;
  list: UseQueryResult<{ items: Row[]; total: number }>;
  empty: string;
  caption: (range: { from: number; to: number; total: number }) => string;
  columns: (Column<Row> | false)[];
}) {
  const data = list.data;
  return (
    <Page title={title}>
      <div className="wide-page" />
      <div className="coordinator-filters">
        <div>
          <label htmlFor={filter.id}>{filter.label}</label>
          <select id={filter.id} value={status} onChange={(e) => go({ status: e.target.value })}>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.isPending && <Loading />}
      <ReadFailure query={list} />
      {data && data.total === 0 && <Empty text={empty} />}
      {data && data.total > 0 && (
        <>
          <TableRegion
            boxed
            id={id}
            caption={caption({ from: offset + 1, to: offset + data.items.length, total: data.total })}
          >
            <TableRows columns={columns} rows={data.items} rowKey={(row) => row.id} />
          </TableRegion>
          <Pager offset={offset} limit={LIMIT} total={data.total} onChange={(next) => go({ offset: String(next) })} />
        </>
      )}
    </Page>
  );
}
