import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditEventEntity } from '../audit/entities/audit-event.entity';
import { SessionEntity } from '../auth/entities/session.entity';
import { AbsenceEntity } from '../availability/entities/absence.entity';
import { OneOffWindowEntity } from '../availability/entities/one-off-window.entity';
import { WeeklyWindowEntity } from '../availability/entities/weekly-window.entity';
import { AssignmentEntity, AssignmentWithRequest } from '../booking/entities/assignment.entity';
import { BookingRequestEntity } from '../booking/entities/booking-request.entity';
import { CalendarFeedEntity } from '../booking/entities/calendar-feed.entity';
import { FeedbackAuthor, FeedbackEntity } from '../booking/entities/feedback.entity';
import { OfferEntity } from '../booking/entities/offer.entity';
import { TimeChangeEntity } from '../booking/entities/time-change.entity';
import { CoveredAssignment } from '../contracts';
import { ContractAssignmentEntity } from '../contracts/entities/contract-assignment.entity';
import { ContractEntity } from '../contracts/entities/contract.entity';
import { TrainingCredentialEntity } from '../credentials/entities/training-credential.entity';
import { LoadedClaim } from '../fees';
import { ClaimEntity } from '../fees/entities/claim.entity';
import { FeeRunFileEntity, FeeRunFileKind } from '../fees/entities/fee-run-file.entity';
import { FeeRunLineEntity } from '../fees/entities/fee-run-line.entity';
import { FeeRunEntity } from '../fees/entities/fee-run.entity';
import { MailMessageEntity } from '../mail/entities/mail-message.entity';

export interface ExpertAvailability {
  weekly: WeeklyWindowEntity[];
  oneOff: OneOffWindowEntity[];
  absences: AbsenceEntity[];
}

// An expert's availability in the order their screen lists it: for the availability feature and for the data
// export alike. Kept here because availability comes after experts in the feature order.
export async function readExpertAvailability(dataSource: DataSource, expertId: string): Promise<ExpertAvailability> {
  const [weekly, oneOff, absences] = await Promise.all([
    dataSource
      .getRepository(WeeklyWindowEntity)
      .find({ where: { expertId }, order: { weekday: 'ASC', startMinute: 'ASC', validFrom: 'ASC' } }),
    dataSource
      .getRepository(OneOffWindowEntity)
      .find({ where: { expertId }, order: { day: 'ASC', startMinute: 'ASC' } }),
    dataSource.getRepository(AbsenceEntity).find({ where: { expertId }, order: { firstDay: 'ASC' } }),
  ]);
  return { weekly, oneOff, absences };
}

// Reads for the expert's data export, each scoped to one expert by a column that names them. Read here rather
// than through the other features' modules, which depend on this one.
@Injectable()
export class ExpertDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  sessions(userId: string): Promise<SessionEntity[]> {
    return this.dataSource
      .getRepository(SessionEntity)
      .find({ where: { userId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  mails(userId: string): Promise<MailMessageEntity[]> {
    return this.dataSource
      .getRepository(MailMessageEntity)
      .find({ where: { userId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  credentials(expertId: string): Promise<TrainingCredentialEntity[]> {
    return this.dataSource
      .getRepository(TrainingCredentialEntity)
      .find({ where: { expertId }, relations: { file: true }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  availability(expertId: string): Promise<ExpertAvailability> {
    return readExpertAvailability(this.dataSource, expertId);
  }

  calendarFeeds(expertId: string): Promise<CalendarFeedEntity[]> {
    return this.dataSource
      .getRepository(CalendarFeedEntity)
      .find({ where: { expertId }, select: { expertId: true, createdAt: true } });
  }

  offers(expertId: string): Promise<(OfferEntity & { request: BookingRequestEntity })[]> {
    return this.dataSource
      .getRepository(OfferEntity)
      .find({ where: { expertId }, relations: { request: true }, order: { offeredAt: 'ASC', id: 'ASC' } }) as Promise<
      (OfferEntity & { request: BookingRequestEntity })[]
    >;
  }

  assignments(expertId: string): Promise<AssignmentWithRequest[]> {
    return this.dataSource.getRepository(AssignmentEntity).find({
      where: { expertId },
      relations: { request: true, expert: { user: true } },
      order: { startsAt: 'ASC', id: 'ASC' },
    }) as Promise<AssignmentWithRequest[]>;
  }

  // Every proposal of a new time for the expert's assignments, answered or not, oldest first: the last of an
  // assignment's is the one its page shows (TimeChangesRepository.latestOf's order, reversed).
  timeChanges(expertId: string): Promise<TimeChangeEntity[]> {
    return this.dataSource
      .getRepository(TimeChangeEntity)
      .createQueryBuilder('c')
      .innerJoin(AssignmentEntity, 'a', 'a.id = c.assignment_id')
      .where('a.expert_id = :expertId', { expertId })
      .orderBy('c.proposed_at', 'ASC')
      .addOrderBy('c.answered_at', 'ASC', 'NULLS LAST')
      .addOrderBy('c.id', 'DESC')
      .getMany();
  }

  feedbackGiven(expertId: string): Promise<FeedbackEntity[]> {
    return this.dataSource
      .getRepository(FeedbackEntity)
      .find({ where: { authorId: expertId, author: FeedbackAuthor.Expert }, order: { createdAt: 'ASC' } });
  }

  async contracts(expertId: string): Promise<{ contract: ContractEntity; covered: CoveredAssignment[] }[]> {
    const contracts = await this.dataSource.getRepository(ContractEntity).find({
      where: { expertId },
      relations: { organisation: true, expert: { user: true } },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const rows =
      contracts.length === 0
        ? []
        : ((await this.dataSource.getRepository(ContractAssignmentEntity).find({
            where: { contractId: In(contracts.map((c) => c.id)) },
            relations: { assignment: { request: true } },
          })) as CoveredAssignment[]);
    rows.sort((a, b) => a.assignment.startsAt.getTime() - b.assignment.startsAt.getTime());
    return contracts.map((contract) => ({ contract, covered: rows.filter((r) => r.contractId === contract.id) }));
  }

  claims(expertId: string): Promise<LoadedClaim[]> {
    return this.dataSource.getRepository(ClaimEntity).find({
      where: { expertId },
      relations: { assignment: { request: true }, costs: { receipt: true }, expert: { user: true } },
      order: { workDate: 'ASC', id: 'ASC', costs: { createdAt: 'ASC' } },
    }) as Promise<LoadedClaim[]>;
  }

  feeLines(expertId: string): Promise<(FeeRunLineEntity & { run: FeeRunEntity })[]> {
    return this.dataSource
      .getRepository(FeeRunLineEntity)
      .find({ where: { expertId }, relations: { run: true }, order: { workDate: 'ASC', id: 'ASC' } }) as Promise<
      (FeeRunLineEntity & { run: FeeRunEntity })[]
    >;
  }

  statements(expertId: string): Promise<FeeRunFileEntity[]> {
    return this.dataSource
      .getRepository(FeeRunFileEntity)
      .find({ where: { expertId, kind: FeeRunFileKind.Statement }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  // Entries by the expert, and entries on the expert or on any of the things listed (all of them theirs).
  auditConcerning(expertId: string, entityIds: string[]): Promise<AuditEventEntity[]> {
    return this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('a')
      .where('a.actor_id = :expertId', { expertId })
      .orWhere('a.entity_id = ANY(:ids::uuid[])', { ids: [expertId, ...entityIds] })
      .orderBy('a.occurred_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
  }
}
