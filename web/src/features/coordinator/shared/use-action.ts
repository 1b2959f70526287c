import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';

// One press, one request: a second press while the first is on its way does nothing.
export function useAction<V, R>(send: (v: V) => Promise<R>, onSuccess: (r: R, v: V) => void) {
  const inFlight = useRef(false);
  const mutation = useMutation({ mutationFn: send });
  const run = (v: V) => {
    if (inFlight.current) return;
    inFlight.current = true;
    mutation.mutate(v, {
      onSettled: () => {
        inFlight.current = false;
      },
      onSuccess,
    });
  };
  // Clearing the last error; never while a request is on its way, which would detach its callbacks (and leave the
  // press refused for good).
  const reset = () => {
    if (!inFlight.current) mutation.reset();
  };
  return { run, pending: mutation.isPending, error: mutation.error ?? undefined, reset };
}
