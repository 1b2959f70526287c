import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Empty, LoadError, Loading } from './states';

const noItems = (data: unknown) => Array.isArray(data) && data.length === 0;

// What a query has: loading, an error with a retry, the empty text when there is nothing (a list by default),
// else its data.
export function QueryState<T>({
  query,
  empty,
  isEmpty = noItems,
  children,
}: {
  query: UseQueryResult<T>;
  empty?: string;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (empty !== undefined && isEmpty(query.data)) return <Empty text={empty} />;
  return children(query.data);
}
