import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../api/problem';
import { failedToLoad, refreshFailed } from './query-state';

// A query's state as TanStack Query reports it: a first read that failed has no data; a read again that failed
// keeps the data it had and says so with isRefetchError.
const query = (state: { data?: unknown; error?: unknown }) =>
  ({
    data: state.data,
    error: state.error ?? null,
    isError: state.error !== undefined,
    isRefetchError: state.error !== undefined && state.data !== undefined,
  }) as UseQueryResult<unknown>;

describe('what a screen shows when a read fails', () => {
  it.each([
    ['a first read lost on the connection', query({ error: ApiError.network() }), true, false],
    ['a first read refused', query({ error: new ApiError(404, 'CLAIM_NOT_FOUND', 'c1') }), true, false],
    ['a read again lost on the connection', query({ data: {}, error: ApiError.network() }), false, true],
    [
      'a read again failed on the server',
      query({ data: {}, error: new ApiError(503, 'HTTP_ERROR', 'c2') }),
      false,
      true,
    ],
    ['a read again refused: gone', query({ data: {}, error: new ApiError(404, 'ORDER_NOT_FOUND', 'c3') }), true, false],
    ['a read again refused: not yours', query({ data: {}, error: new ApiError(403, 'FORBIDDEN', 'c4') }), true, false],
    ['a read again failed for a reason unknown', query({ data: {}, error: new TypeError('x') }), false, true],
    ['a read that succeeded', query({ data: {} }), false, false],
  ])('%s: nothing to show %s, what was shown kept under a notice %s', (_, q, failed, kept) => {
    expect(failedToLoad(q)).toBe(failed);
    expect(refreshFailed(q)).toBe(kept);
  });
});
