// Runs async steps one after the other, in the order they were asked for. A transaction is one database
// connection: statements rendered side by side still reach it one query at a time.
export function serial(): <T>(step: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(step: () => Promise<T>) => {
    const result = tail.then(step);
    tail = result.catch(() => undefined);
    return result;
  };
}
