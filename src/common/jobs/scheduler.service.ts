import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { JobName, JobPayloads } from './job-names';
import { JobQueue } from './job-queue.service';

// How often a recurring queue job runs: every so many milliseconds, or once a day at an hour of county time.
export type Recurrence = { everyMs: number } | { dailyAtHour: number };

// Payloads of recurring jobs are empty: the job finds its work in the database each time.
export type RecurringJob = { [N in JobName]: JobPayloads[N] extends Record<string, never> ? N : never }[JobName];

// Every recurring queue job and when it runs, in one place. Each process that boots registers them all.
export const SCHEDULES = {
  [JobName.SweepMail]: { everyMs: 60_000 },
  [JobName.SweepContracts]: { everyMs: 10 * 60_000 },
  // County time: the night's quiet hours, one hour apart.
  [JobName.SweepInactiveExperts]: { dailyAtHour: 3 },
  [JobName.PurgeExpiredPayrollFiles]: { dailyAtHour: 4 },
} as const satisfies { [N in RecurringJob]?: Recurrence };

// The one way to make work recur. A queue job in SCHEDULES is registered in the queue under its own name, so every
// process that boots upserts the same scheduler and a run happens once, whichever worker takes it. `repeat` is for
// work inside this process only (a check of this worker's own), started at once and then every so often, and
// stopped when the process stops. Neither ever fails a boot: a queue that cannot be reached is logged and tried
// again when it is back, and a run that throws is logged and the next tick tries again.
@Injectable()
export class Scheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Scheduler');
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    // After the queue's own start, so that a Redis still connecting is not taken for one away.
    await this.jobs.onApplicationBootstrap();
    for (const [name, when] of Object.entries(SCHEDULES) as [RecurringJob, Recurrence][]) await this.recur(name, when);
  }

  // A queue away at boot is tried again once it is back, so that the sweeps that mend an outage are never missing
  // until the next restart.
  async recur(name: RecurringJob, when: Recurrence): Promise<void> {
    const scheduled =
      'everyMs' in when ? this.jobs.every(name, {}, when.everyMs) : this.jobs.daily(name, {}, when.dailyAtHour);
    await scheduled.catch((err: Error) => {
      this.logger.warn({ job: name, err: err.message }, 'Recurring job not scheduled');
      this.jobs.whenReachable(() => {
        if (!this.stopped) void this.recur(name, when);
      });
    });
  }

  // Returns the stop: call it first thing on a stop (onModuleDestroy) so that no run starts while the rest winds down.
  repeat(what: string, everyMs: number, run: () => Promise<unknown>): () => void {
    const tick = () =>
      void run().catch((err: Error) => this.logger.warn({ what, err: err.message }, 'Recurring check failed'));
    const timer = setInterval(tick, everyMs);
    timer.unref();
    this.timers.add(timer);
    tick();
    return () => {
      clearInterval(timer);
      this.timers.delete(timer);
    };
  }

  onModuleDestroy(): void {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers.clear();
  }
}
