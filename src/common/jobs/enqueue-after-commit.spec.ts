import { enqueueAfterCommit } from './enqueue-after-commit';

describe('enqueueAfterCommit', () => {
  it('waits for the job to be queued and logs nothing', async () => {
    const warn = jest.fn();
    let queued = false;
    const queueing = new Promise<void>((resolve) => setImmediate(() => ((queued = true), resolve())));
    await expect(enqueueAfterCommit(queueing, { warn }, { runId: 'r1' }, 'Not queued')).resolves.toBeUndefined();
    expect(queued).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it('swallows a queue that cannot be reached, logging one warning with the fields and the error message', async () => {
    const warn = jest.fn();
    const queueing = Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379'));
    await expect(
      enqueueAfterCommit(
        queueing,
        { warn },
        { contractId: 'c1' },
        'Signed copy not queued yet; the sweep will queue it',
      ),
    ).resolves.toBeUndefined();
    expect(warn.mock.calls).toEqual([
      [
        { contractId: 'c1', err: 'connect ECONNREFUSED 127.0.0.1:6379' },
        'Signed copy not queued yet; the sweep will queue it',
      ],
    ]);
  });
});
