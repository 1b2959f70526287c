import { serial } from './serial.util';

// A promise and the hands that settle it, so that a test decides when each step ends.
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// Lets every settled promise run its callbacks.
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('serial', () => {
  it('starts a step only when the one asked for before it has finished', async () => {
    const run = serial();
    const events: string[] = [];
    const first = deferred<string>();
    const second = deferred<string>();
    const a = run(() => (events.push('a started'), first.promise));
    const b = run(() => (events.push('b started'), second.promise));
    await settle();
    expect(events).toEqual(['a started']);

    first.resolve('a');
    await settle();
    expect(events).toEqual(['a started', 'b started']);
    second.resolve('b');
    await expect(Promise.all([a, b])).resolves.toEqual(['a', 'b']);
  });

  it('keeps the order the steps were asked for, however long each takes', async () => {
    const run = serial();
    const finished: number[] = [];
    const delays = [30, 0, 10, 0];
    const results = await Promise.all(
      delays.map((ms, i) =>
        run(async () => {
          await new Promise((resolve) => setTimeout(resolve, ms));
          finished.push(i);
          return i * 10;
        }),
      ),
    );
    expect(finished).toEqual([0, 1, 2, 3]);
    expect(results).toEqual([0, 10, 20, 30]);
  });

  it('fails only the step that failed; the next one still runs after it', async () => {
    const run = serial();
    const failing = deferred<string>();
    const events: string[] = [];
    const a = run(() => failing.promise);
    const b = run(async () => (events.push('b started'), 'b'));
    await settle();
    expect(events).toEqual([]);

    failing.reject(new Error('boom'));
    await expect(a).rejects.toThrow('boom');
    await expect(b).resolves.toBe('b');
    expect(events).toEqual(['b started']);
  });

  it('fails a step that throws before returning a promise, and goes on', async () => {
    const run = serial();
    const a = run<string>(() => {
      throw new Error('thrown');
    });
    await expect(a).rejects.toThrow('thrown');
    await expect(run(async () => 'next')).resolves.toBe('next');
  });

  it('gives each serial() a queue of its own', async () => {
    const one = serial();
    const other = serial();
    const blocked = deferred<string>();
    const events: string[] = [];
    void one(() => blocked.promise);
    const free = other(async () => (events.push('other ran'), 'other'));
    await expect(free).resolves.toBe('other');
    expect(events).toEqual(['other ran']);
    blocked.resolve('one');
  });
});
