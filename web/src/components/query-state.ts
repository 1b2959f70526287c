import type { QueryObserverLoadingErrorResult, UseQueryResult } from '@tanstack/react-query';
import { isApiError } from '../api/problem';

// A read again that failed for the connection or the server (a phone back in a tab on a weak signal), not because
// the thing is gone or no longer the person's (a 4xx): the screen keeps what it showed, and what was typed in it.
export const refreshFailed = (query: UseQueryResult<unknown>) =>
  query.isRefetchError && !(isApiError(query.error) && query.error.status >= 400 && query.error.status < 500);

// The query failed so that there is nothing to show: its first read, or a refusal of a read again. Typed as the
// first read's failure, so that where it is false the screen's data is known to be there.
export const failedToLoad = <T>(query: UseQueryResult<T>): query is QueryObserverLoadingErrorResult<T> =>
  query.isError && !refreshFailed(query);
