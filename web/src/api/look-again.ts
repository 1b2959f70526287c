// How soon a screen looks again at what the worker is still making for the person who waits on it (a contract's
// PDF or signed copy, a fee run's computing or export): soon at first, as the worker is often done within a second,
// then half as often each time, at most every `mostMs`. A fixed two seconds made every signer wait up to two seconds
// for a copy the worker had made in a fraction of that.
export const FIRST_LOOK_MS = 250;

// After `looks` reads that still found it waiting.
export function lookAgainIn(looks: number, mostMs: number): number {
  return Math.min(mostMs, FIRST_LOOK_MS * 2 ** Math.max(0, looks));
}

// For TanStack Query's `refetchInterval`: false when nothing is waited for, else the next look's delay, counted in
// the reads (successful updates of the query's data) since the wait began. It is the same number until the next read
// arrives, however often the screen renders meanwhile (a new number would restart the timer).
type Read = { state: { dataUpdateCount: number } };
const waitingSince = new WeakMap<Read, number>();
export function lookAgainWhile(query: Read, waiting: boolean, mostMs: number): number | false {
  if (!waiting) {
    waitingSince.delete(query);
    return false;
  }
  const count = query.state.dataUpdateCount;
  const since = waitingSince.get(query) ?? count;
  waitingSince.set(query, since);
  return lookAgainIn(count - since, mostMs);
}
