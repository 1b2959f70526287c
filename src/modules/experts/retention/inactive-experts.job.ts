import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock/clock.service';
import { formatDate, localDate } from '../../../common/i18n/format';
import { JobName } from '../../../common/jobs/job-names';
import { OnJob } from '../../../common/jobs/on-job.decorator';
import { AppConfig } from '../../../config/app-config';
import { AuditService } from '../../audit';
import { MailService } from '../../mail';
import { ExpertAnonymiser } from '../expert-anonymiser.service';
import { ExpertErasureRepository } from '../expert-erasure.repository';
import { nextExpertStatus } from '../expert-transitions.rule';
import { inactivityNoticeMail } from '../mail/inactivity-notice.mail';
import { InactiveExpertsRepository } from './inactive-experts.repository';
import { InactivityPolicy, inactivityStep, lastActiveBefore } from './inactivity-policy.rule';

const PAGE = 200;

export interface InactiveSweepResult {
  noticed: number;
  anonymised: number;
  failed: number;
  scrubbedLines: number;
  deletedStatements: number;
}

// PRODUCT §6: personal data of experts inactive for EXPERT_INACTIVITY_MONTHS is anonymised, keeping the money
// records. Daily at 03:00 county time; each expert in a transaction of their own, decided again under the lock
// on their row, so a login or a new offer in between wins and a second run (or worker) finds nothing to do.
@Injectable()
export class InactiveExpertsJob {
  private readonly logger = new Logger('Privacy');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inactive: InactiveExpertsRepository,
    private readonly anonymiser: ExpertAnonymiser,
    private readonly erasure: ExpertErasureRepository,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private get policy(): InactivityPolicy {
    return {
      inactiveMonths: this.config.env.EXPERT_INACTIVITY_MONTHS,
      noticeDays: this.config.env.EXPERT_INACTIVITY_NOTICE_DAYS,
    };
  }

  @OnJob(JobName.SweepInactiveExperts)
  async sweep(): Promise<InactiveSweepResult> {
    const now = this.clock.now();
    const before = lastActiveBefore(now, this.policy);
    const result: InactiveSweepResult = {
      noticed: 0,
      anonymised: 0,
      failed: 0,
      scrubbedLines: 0,
      deletedStatements: 0,
    };
    for (let after: string | null = null; ;) {
      const page = await this.inactive.page(before, after, PAGE);
      for (const candidate of page) {
        const step = inactivityStep(candidate, now, this.policy);
        if (!step) continue;
        try {
          const done = await this.act(candidate.expertId, now, before);
          if (done) result[done === 'notice' ? 'noticed' : 'anonymised'] += 1;
        } catch (err) {
          result.failed += 1;
          this.logger.error(
            { expertId: candidate.expertId, err: (err as Error).message },
            'Inactive expert not handled',
          );
        }
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].expertId;
    }
    // Runs exported after an expert was anonymised: their lines and statements lose the person too.
    await this.dataSource.transaction(async (manager) => {
      result.scrubbedLines = await this.erasure.scrubPaidLines(manager);
      result.deletedStatements = await this.inactive.deleteStatementsOfAnonymised(manager);
    });
    if (result.noticed + result.anonymised + result.failed + result.scrubbedLines + result.deletedStatements > 0) {
      this.logger.log(result, 'Inactive experts swept');
    }
    return result;
  }

  // One expert, one transaction: locked, asked again, then noticed or anonymised (or left alone).
  private async act(expertId: string, now: Date, before: Date): Promise<'notice' | 'anonymise' | null> {
    let mailId: string | null = null;
    const done = await this.dataSource.transaction(async (manager) => {
      const status = await this.anonymiser.lockStatus(manager, expertId);
      if (!status || !nextExpertStatus(status, 'anonymise')) return null;
      const expert = await this.inactive.one(manager, expertId, before);
      const step = expert && inactivityStep(expert, now, this.policy);
      if (!expert || !step) return null;
      if (step.action === 'anonymise') {
        await this.anonymiser.anonymise(manager, expertId, {
          actorId: null,
          reason: `inactive for ${this.policy.inactiveMonths} months`,
        });
        return step.action;
      }
      await this.inactive.markNoticed(manager, expertId, now);
      mailId = await this.mail.compose(
        manager,
        { userId: expertId, email: expert.email, language: expert.language },
        inactivityNoticeMail,
        {
          name: expert.name,
          anonymiseOn: formatDate(localDate(step.anonymiseOn), expert.language),
          link: this.config.env.PUBLIC_URL,
        },
      );
      await this.audit.log(
        null,
        'expert.inactivity_noticed',
        ['expert', expertId],
        { anonymiseOn: step.anonymiseOn.toISOString() },
        manager,
      );
      return step.action;
    });
    if (mailId) await this.mail.dispatch([mailId]);
    return done;
  }
}
