import { Logger } from '@nestjs/common';
import { JobName } from './job-names';
import { JobQueue } from './job-queue.service';
import { Scheduler } from './scheduler.service';

let warn: jest.SpyInstance;
beforeEach(() => (warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined)));
afterEach(() => warn.mockRestore());

function fakeQueue(fail = false) {
  const calls: unknown[][] = [];
  const state = { fail, back: [] as (() => void)[] };
  const answer = () => (state.fail ? Promise.reject(new Error('queue away')) : Promise.resolve());
  const queue = {
    every: (name: JobName, payload: unknown, ms: number) => (calls.push(['every', name, payload, ms]), answer()),
    daily: (name: JobName, payload: unknown, hour: number) => (calls.push(['daily', name, payload, hour]), answer()),
    whenReachable: (then: () => void) => state.back.push(then),
    onApplicationBootstrap: () => (calls.push(['started']), Promise.resolve()),
  };
  // The queue comes back: what waited for it runs.
  const comesBack = async () => {
    state.fail = false;
    for (const then of state.back.splice(0)) then();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { calls, queue: queue as unknown as JobQueue, comesBack };
}

describe('Scheduler at boot', () => {
  it('waits for the queue to start, then registers every job in SCHEDULES as written there', async () => {
    const { calls, queue } = fakeQueue();
    await new Scheduler(queue).onApplicationBootstrap();
    expect(calls).toEqual([
      ['started'],
      ['every', JobName.SweepMail, {}, 60_000],
      ['every', JobName.SweepContracts, {}, 600_000],
      ['daily', JobName.SweepInactiveExperts, {}, 3],
      ['daily', JobName.PurgeExpiredPayrollFiles, {}, 4],
    ]);
  });
});

describe('Scheduler.recur', () => {
  it('registers a queue job every so many milliseconds, or daily at an hour, with an empty payload', async () => {
    const { calls, queue } = fakeQueue();
    const scheduler = new Scheduler(queue);
    await scheduler.recur(JobName.SweepMail, { everyMs: 60_000 });
    await scheduler.recur(JobName.SweepInactiveExperts, { dailyAtHour: 3 });
    expect(calls).toEqual([
      ['every', JobName.SweepMail, {}, 60_000],
      ['daily', JobName.SweepInactiveExperts, {}, 3],
    ]);
  });

  it('never fails a boot: a queue that cannot be reached is logged', async () => {
    const { calls, queue } = fakeQueue(true);
    await expect(new Scheduler(queue).recur(JobName.SweepContracts, { everyMs: 1000 })).resolves.toBeUndefined();
    expect(calls).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(
      { job: JobName.SweepContracts, err: 'queue away' },
      'Recurring job not scheduled',
    );
  });

  it('schedules again once the queue is back, and not after the process stopped', async () => {
    const away = fakeQueue(true);
    await new Scheduler(away.queue).recur(JobName.SweepMail, { everyMs: 60_000 });
    await away.comesBack();
    expect(away.calls).toEqual([
      ['every', JobName.SweepMail, {}, 60_000],
      ['every', JobName.SweepMail, {}, 60_000],
    ]);

    const stopping = fakeQueue(true);
    const scheduler = new Scheduler(stopping.queue);
    await scheduler.recur(JobName.SweepContracts, { everyMs: 1000 });
    scheduler.onModuleDestroy();
    await stopping.comesBack();
    expect(stopping.calls).toHaveLength(1);
  });
});

describe('Scheduler.repeat', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs at once and then every interval, until its stop is called', async () => {
    const scheduler = new Scheduler(fakeQueue().queue);
    const run = jest.fn(() => Promise.resolve());
    const stop = scheduler.repeat('check', 1000, run);
    expect(run).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(2500);
    expect(run).toHaveBeenCalledTimes(3);
    stop();
    jest.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('keeps going after a run throws, and stops every timer when the module is destroyed', async () => {
    const scheduler = new Scheduler(fakeQueue().queue);
    const run = jest.fn(() => Promise.reject(new Error('boom')));
    scheduler.repeat('check', 1000, run);
    await Promise.resolve();
    jest.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledWith({ what: 'check', err: 'boom' }, 'Recurring check failed');
    scheduler.onModuleDestroy();
    jest.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('does not keep the process alive on its own (the timer is unref-ed)', () => {
    jest.useRealTimers();
    const scheduler = new Scheduler(fakeQueue().queue);
    const spy = jest.spyOn(global, 'setInterval');
    scheduler.repeat('check', 60_000, () => Promise.resolve());
    const timer = spy.mock.results[0].value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    scheduler.onModuleDestroy();
    spy.mockRestore();
  });
});
