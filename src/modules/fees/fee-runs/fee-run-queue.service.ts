import { Injectable } from '@nestjs/common';
import { JobName, QUEUE_OF } from '../../../common/jobs/job-names';
import { JobQueue } from '../../../common/jobs/job-queue.service';

export const computeJobId = (runId: string) => `fee-run-${runId}`;
export const exportJobId = (runId: string) => `fee-run-export-${runId}`;

// Queues the jobs of a run under deterministic ids: the same id is queued once, however often it is
// asked for. Only a finished (completed or failed) job under that id is cleared first, so that a retry,
// or the recovery after Redis lost a job, runs it again; a waiting or active one is left alone.
@Injectable()
export class FeeRunQueue {
  constructor(private readonly jobs: JobQueue) {}

  compute(runId: string): Promise<'queued' | 'already'> {
    return this.ensure(JobName.ComputeFeeRun, runId, computeJobId(runId));
  }

  export(runId: string): Promise<'queued' | 'already'> {
    return this.ensure(JobName.ExportFeeRun, runId, exportJobId(runId));
  }

  async state(name: JobName.ComputeFeeRun | JobName.ExportFeeRun, runId: string): Promise<string> {
    const jobId = name === JobName.ComputeFeeRun ? computeJobId(runId) : exportJobId(runId);
    const job = await this.jobs.reachable(QUEUE_OF[name]).getJob(jobId);
    return job ? job.getState() : 'missing';
  }

  private async ensure(
    name: JobName.ComputeFeeRun | JobName.ExportFeeRun,
    runId: string,
    jobId: string,
  ): Promise<'queued' | 'already'> {
    const existing = await this.jobs.reachable(QUEUE_OF[name]).getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (state !== 'completed' && state !== 'failed') return 'already';
      await existing.remove();
    }
    await this.jobs.enqueue(name, { runId }, { jobId });
    return 'queued';
  }
}
