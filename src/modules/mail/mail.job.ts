import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Clock } from '../../common/clock/clock';
import { JobName, JobPayloads } from '../../common/jobs/job-names';
import { JobQueue } from '../../common/jobs/job-queue.service';
import { OnJob } from '../../common/jobs/on-job.decorator';
import { Scheduler } from '../../common/jobs/scheduler.service';
import { MailMessageEntity, MailStatus } from './entities/mail-message.entity';
import { MailTransport } from './mail-transport';

const SWEEP_EVERY_MS = 60_000;

@Injectable()
export class MailJob implements OnApplicationBootstrap {
  private readonly logger = new Logger('Mail');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.recur(JobName.SweepMail, { everyMs: SWEEP_EVERY_MS });
  }

  @OnJob(JobName.SendMail)
  async send({ messageId }: JobPayloads[JobName.SendMail]): Promise<void> {
    const repo = this.dataSource.getRepository(MailMessageEntity);
    const message = await repo.findOneBy({ id: messageId });
    // Already delivered (a retried or duplicated job) or gone: nothing to do.
    if (!message || message.status === MailStatus.Sent || message.textBody === null) return;
    await repo.increment({ id: messageId }, 'attempts', 1);
    try {
      await this.transport.send({
        from: this.config.env.MAIL_FROM,
        to: message.toAddress,
        subject: message.subject,
        text: message.textBody,
        headers: { 'Content-Language': message.language },
      });
    } catch (err) {
      await repo.update({ id: messageId }, { lastError: String((err as Error).message).slice(0, 500) });
      throw err;
    }
    await repo.update(
      { id: messageId },
      { status: MailStatus.Sent, sentAt: this.clock.now(), textBody: null, lastError: null },
    );
  }

  // Re-queues mail whose job never reached Redis (the API could not enqueue after commit).
  @OnJob(JobName.SweepMail)
  async sweep(): Promise<void> {
    const stale = await this.dataSource.getRepository(MailMessageEntity).find({
      select: { id: true },
      where: { status: MailStatus.Queued, createdAt: LessThan(new Date(this.clock.now().getTime() - SWEEP_EVERY_MS)) },
      take: 500,
    });
    for (const { id } of stale) {
      await this.jobs.enqueue(JobName.SendMail, { messageId: id }, { jobId: `mail-${id}` });
    }
    if (stale.length > 0) this.logger.log({ count: stale.length }, 'Re-queued unsent mail');
  }
}
