import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Language } from '../../common/i18n/language';
import { JobName } from '../../common/jobs/job-names';
import { enqueueAfterCommit } from '../../common/jobs/enqueue-after-commit';
import { JobQueue } from '../../common/jobs/job-queue.service';
import { AppConfig } from '../../config/app-config';
import { MailTemplate, OPEN_PAGE } from './mail-template';
import { MailRepository } from './mail.repository';

export interface MailRecipient {
  userId: string | null;
  email: string;
  language: Language;
}

// A person with an account, as the recipient of a mail in their language.
export function recipient(user: { id: string; email: string; language: Language }): MailRecipient {
  return { userId: user.id, email: user.email, language: user.language };
}

// A mail that names an expert to someone else (params with expertName) must say whose name it carries: the
// expert's erasure drops it if it is not sent yet (ExpertErasureRepository).
export type MailAbout<P> = P extends { expertName: string } ? [aboutUserId: string] : [];

@Injectable()
export class MailService {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly mails: MailRepository,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  // Inside the caller's transaction: the mail exists only if the change it reports commits.
  async compose<P>(
    manager: EntityManager,
    to: MailRecipient,
    template: MailTemplate<P>,
    params: P,
    ...about: MailAbout<P>
  ): Promise<string> {
    const content = template.render[to.language](params);
    const page = typeof template.page === 'function' ? template.page(params) : template.page;
    if (page) {
      const link = `${this.config.env.PUBLIC_URL.replace(/\/+$/, '')}${page}`;
      content.text = `${content.text}\n\n${OPEN_PAGE[to.language]}: ${link}`;
    }
    return this.mails.insert(manager, {
      userId: to.userId,
      aboutUserId: (about as string[])[0] ?? null,
      template: template.name,
      language: to.language,
      toAddress: to.email,
      subject: content.subject,
      textBody: content.text,
    });
  }

  // After commit. If Redis is down the row stays queued and the sweep job sends it later.
  async dispatch(messageIds: string[]): Promise<void> {
    for (const messageId of messageIds) {
      await enqueueAfterCommit(
        this.jobs.enqueue(JobName.SendMail, { messageId }, { jobId: `mail-${messageId}` }),
        this.logger,
        { messageId },
        'Mail not queued yet; the sweep will retry',
      );
    }
  }
}
