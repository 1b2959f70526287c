import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Clock } from '../../common/clock/clock.service';
import { JobName, JobPayloads } from '../../common/jobs/job-names';
import { JobQueue } from '../../common/jobs/job-queue.service';
import { OnJob } from '../../common/jobs/on-job.decorator';
import { SCHEDULES } from '../../common/jobs/scheduler.service';
import { MailStatus } from './entities/mail-message.entity';
import { MailRepository } from './mail.repository';
import { MailTransport } from './mail-transport';

// A message still queued after one sweep interval never reached Redis.
const STALE_AFTER_MS = SCHEDULES[JobName.SweepMail].everyMs;

@Injectable()
export class MailJob {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly mails: MailRepository,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  // Sent while the message's row is locked, until it is marked sent: an erasure that drops the mail to or about the
  // person (ExpertErasureRepository.dropMails) either commits first, and there is nothing left to send, or waits
  // until the mail has gone and finds it sent. No mail leaves after the erasure that dropped it. A second job of the
  // message (a retry, the sweep) waits too, and finds it sent.
  @OnJob(JobName.SendMail)
  async send({ messageId }: JobPayloads[JobName.SendMail]): Promise<void> {
    const failure = await this.mails.withLocked(messageId, async (message, manager) => {
      // Already delivered (a retried or duplicated job) or gone: nothing to do.
      if (!message || message.status === MailStatus.Sent || message.textBody === null) return null;
      try {
        await this.transport.send({
          from: this.config.env.MAIL_FROM,
          to: message.toAddress,
          subject: message.subject,
          text: message.textBody,
          headers: { 'Content-Language': message.language },
        });
      } catch (err) {
        await this.mails.recordFailure(manager, messageId, String((err as Error).message).slice(0, 500));
        return err as Error;
      }
      await this.mails.markSent(manager, messageId, this.clock.now());
      return null;
    });
    // Thrown after the commit that recorded it: the queue tries again later.
    if (failure) throw failure;
  }

  // Re-queues mail whose job never reached Redis (the API could not enqueue after commit).
  @OnJob(JobName.SweepMail)
  async sweep(): Promise<void> {
    const stale = await this.mails.queuedBefore(new Date(this.clock.now().getTime() - STALE_AFTER_MS), 500);
    for (const id of stale) {
      await this.jobs.enqueue(JobName.SendMail, { messageId: id }, { jobId: `mail-${id}` });
    }
    if (stale.length > 0) this.logger.log({ count: stale.length }, 'Re-queued unsent mail');
  }
}
