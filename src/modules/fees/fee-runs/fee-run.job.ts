import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName, JobPayloads } from '../../../common/jobs/job-names';
import { OnJob } from '../../../common/jobs/on-job.decorator';
import { Scheduler } from '../../../common/jobs/scheduler.service';
import { AppConfig } from '../../../config/app-config';
import { FeeRunStatus } from '../entities/fee-run.entity';
import { FeeRunComputer } from './fee-run-computer.service';
import { FeeRunExporter } from './export/fee-run-exporter.service';
import { FeeRunQueue } from './fee-run-queue.service';
import { FeeRunsRepository } from './fee-runs.repository';
import { FeeErrorCode } from '../fees.errors';

const lastAttempt = (job: Job) => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

// Runs in the worker. PostgreSQL, not Redis, is the record of a run: the handlers reload the run and
// return quietly when the work is done, and a periodic check re-queues any run whose job Redis has lost
// (a Redis restart without persistence empties every queue).
@Injectable()
export class FeeRunJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('FeeRuns');
  private stopRecovery?: () => void;

  constructor(
    private readonly computer: FeeRunComputer,
    private readonly exporter: FeeRunExporter,
    private readonly runs: FeeRunsRepository,
    private readonly jobs: FeeRunQueue,
    private readonly scheduler: Scheduler,
    private readonly config: AppConfig,
  ) {}

  @OnJob(JobName.ComputeFeeRun)
  async compute({ runId }: JobPayloads[JobName.ComputeFeeRun], job: Job, signal: AbortSignal): Promise<void> {
    await this.computer.compute(runId, lastAttempt(job), signal);
  }

  @OnJob(JobName.ExportFeeRun)
  async export({ runId }: JobPayloads[JobName.ExportFeeRun], job: Job, signal: AbortSignal): Promise<void> {
    try {
      await this.exporter.export(runId, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      // The message names the step, never a value: no IBAN or name reaches the log or the job.
      this.logger.warn({ runId, attempt: job.attemptsMade + 1, err: (error as Error).name }, 'Fee run export failed');
      throw error;
    }
  }

  onApplicationBootstrap(): void {
    this.stopRecovery = this.scheduler.repeat('Fee run recovery check', this.config.env.FEE_RUN_RECOVERY_MS, () =>
      this.recover(),
    );
  }

  // First thing on a stop: no run is re-queued while the workers wind down.
  onModuleDestroy(): void {
    this.stopRecovery?.();
  }

  // Runs that PostgreSQL says are under way but whose job is missing get it back under the same id. A
  // compute job BullMQ gave up on (killed too often) fails the run, so a coordinator can retry it.
  async recover(): Promise<void> {
    for (const run of await this.runs.findByStatus([
      FeeRunStatus.Queued,
      FeeRunStatus.Running,
      FeeRunStatus.Approved,
    ])) {
      if (run.status === FeeRunStatus.Approved) {
        if (run.exportRequestedAt && (await this.jobs.state(JobName.ExportFeeRun, run.id)) === 'missing')
          await this.requeue(run.id, 'export');
        continue;
      }
      const state = await this.jobs.state(JobName.ComputeFeeRun, run.id);
      if (state === 'failed')
        await this.computer.fail(run.id, {
          code: FeeErrorCode.FeeRunCrashed,
          message: 'The worker stopped during the run too many times',
        });
      else if (state === 'missing' || state === 'completed') await this.requeue(run.id, 'compute');
    }
  }

  private async requeue(runId: string, what: 'compute' | 'export'): Promise<void> {
    const result = what === 'compute' ? await this.jobs.compute(runId) : await this.jobs.export(runId);
    if (result === 'queued') this.logger.log({ runId, what }, 'Re-queued a fee run job that Redis no longer had');
  }
}
