import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

// How many SQL queries one call makes. The in-process workers query the same database now and then (sweeps,
// recovery), and those land in the count too: they can only add, so the least of a few tries is the call's own.
export async function queriesOf<T>(call: () => Promise<T>, tries = 3): Promise<{ n: number; result: T }> {
  let best: { n: number; result: T } | undefined;
  for (let i = 0; i < tries; i++) {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const result = await call();
      const n = spy.mock.calls.length;
      if (!best || n < best.n) best = { n, result };
    } finally {
      spy.mockRestore();
    }
  }
  return best!;
}
