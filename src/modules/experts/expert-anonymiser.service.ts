import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestMeta } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../auth/sessions.service';
import { MailMessageEntity } from '../mail/entities/mail-message.entity';
import { UserEntity, UserStatus } from '../users/entities/user.entity';
import { ExpertEntity, ExpertStatus } from './entities/expert.entity';
import { PaymentDetailsEntity } from './entities/payment-details.entity';

export const ANONYMISED_NAME = 'Anonymised expert';

// Personal data held by other features, removed on erasure.
export const ERASABLE: readonly { table: string; column: string }[] = [
  { table: 'calendar_feeds', column: 'expert_id' },
  { table: 'availability_weekly_windows', column: 'expert_id' },
  { table: 'availability_one_off_windows', column: 'expert_id' },
  { table: 'availability_absences', column: 'expert_id' },
  { table: 'training_credentials', column: 'expert_id' },
  { table: 'stored_files', column: 'owner_id' },
];

export interface AnonymisedBy {
  // Null: the system (the privacy job).
  actorId: string | null;
  meta?: Partial<RequestMeta>;
  reason: string;
}

// Erasure by anonymisation (GDPR art. 17), one path for the coordinator's request and the privacy job, inside
// the caller's transaction after it locked the expert's row (lockStatus).
//
// The money records stay: claims and fee-run lines keep their amounts, dates, income types, cost centres and
// runs, since the county must account for what it paid. What names or reaches the person goes: on the lines
// of exported runs the payee name becomes the anonymised one (an association's name is not the expert's) and
// the IBAN copy goes (the export clears it anyway); the expert's own statement PDFs go. Lines of a run not yet
// exported keep both until it is paid, or the payment would fail; the privacy job clears them afterwards
// (scrubPaidLines). The payroll file of a run stays whole and encrypted as the bookkeeping voucher until its
// retention ends (see FeeRunFileRetentionJob).
@Injectable()
export class ExpertAnonymiser {
  constructor(
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // Locks the expert's row for the rest of the transaction: of two concurrent erasures (the coordinator and the
  // job, or two workers), the second waits and then sees the expert anonymised.
  async lockStatus(manager: EntityManager, id: string): Promise<ExpertStatus | null> {
    const rows: { status: ExpertStatus }[] = await manager.query(
      `SELECT status FROM experts WHERE user_id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0]?.status ?? null;
  }

  async anonymise(manager: EntityManager, id: string, by: AnonymisedBy): Promise<void> {
    await manager.update(
      UserEntity,
      { id },
      {
        name: ANONYMISED_NAME,
        email: `anonymised+${id}@invalid.invalid`,
        passwordHash: null,
        status: UserStatus.Disabled,
        disabledAt: this.clock.now(),
      },
    );
    await this.sessions.revokeAllForUser(manager, id, 'anonymised');
    await manager.update(
      ExpertEntity,
      { userId: id },
      {
        status: ExpertStatus.Anonymised,
        phone: null,
        homeMunicipality: null,
        travelMunicipalities: [],
        languages: [],
        topics: [],
        topicsConsentAt: null,
        topicsConsentVersion: null,
        introFi: null,
        introSv: null,
        maxPerWeek: null,
        maxPerMonth: null,
        yearlyEarningsCeilingCents: null,
        pauseReason: null,
        inactivityNoticeAt: null,
      },
    );
    await manager.delete(PaymentDetailsEntity, { expertId: id });
    for (const { table, column } of ERASABLE) await manager.query(`DELETE FROM ${table} WHERE ${column} = $1`, [id]);
    await manager.update(
      MailMessageEntity,
      { userId: id },
      { toAddress: 'anonymised@invalid.invalid', textBody: null },
    );
    const lines = await scrubPaidLines(manager, id);
    const [{ statements }] = await manager.query(
      `WITH gone AS (DELETE FROM fee_run_files WHERE expert_id = $1 AND kind = 'statement' RETURNING 1) SELECT count(*)::int AS statements FROM gone`,
      [id],
    );
    await this.audit.log(
      by,
      'expert.anonymised',
      ['expert', id],
      { reason: by.reason, scrubbedLines: lines, deletedStatements: statements as number },
      manager,
    );
  }
}

// The person off the paid lines of anonymised experts: the name of an expert payee and the IBAN copy. With an
// expert id, that expert's lines (who must be anonymised in this transaction); without, every anonymised
// expert's lines paid since (the job's catch-up). Returns how many lines changed.
export async function scrubPaidLines(manager: EntityManager, expertId?: string): Promise<number> {
  const [{ scrubbed }] = await manager.query(
    `WITH scrubbed AS (
     UPDATE fee_run_lines l
        SET payee_name = CASE WHEN l.payee_kind = 'association' THEN l.payee_name ELSE $1 END, iban_encrypted = NULL
       FROM fee_runs r, experts e
      WHERE r.id = l.run_id AND r.status = 'exported' AND e.user_id = l.expert_id
        AND ${expertId ? 'l.expert_id = $2' : `e.status = 'anonymised'`}
        AND (l.iban_encrypted IS NOT NULL OR (l.payee_kind <> 'association' AND l.payee_name <> $1))
      RETURNING 1)
     SELECT count(*)::int AS scrubbed FROM scrubbed`,
    expertId ? [ANONYMISED_NAME, expertId] : [ANONYMISED_NAME],
  );
  return scrubbed as number;
}
