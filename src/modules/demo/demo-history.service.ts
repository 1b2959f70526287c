import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '../../common/auth/auth-context';
import { Clock } from '../../common/clock/clock.service';
import { TaskType } from '../../common/domain/task-type';
import { COUNTY_ZONE } from '../../common/i18n/format';
import { AssignmentsService, MatchingService, OffersService } from '../booking';
import { AssignmentEntity, AssignmentStatus } from '../booking/entities/assignment.entity';
import { BookingRequestEntity, RequestStatus } from '../booking/entities/booking-request.entity';
import { ContractDrafts, ContractPdfJob, ContractSignedCopyJob, ContractSigningService } from '../contracts';
import { ContractEntity } from '../contracts/entities/contract.entity';
import { ClaimEntity, ClaimStatus } from '../fees/entities/claim.entity';
import { FeeRunsService } from '../fees';
import { OrganisationEntity } from '../organisations/entities/organisation.entity';
import { UserEntity } from '../users/entities/user.entity';
import { DEMO_PASSWORD } from './demo-data';

const PAST_WORK = [
  { code: 'PSY-100', taskType: TaskType.WorkingGroup, title: 'Mielenterveysstrategian työryhmä', hours: 2 },
  { code: 'KUN-200', taskType: TaskType.Lecture, title: 'Föreläsning för personalen', hours: 1.5 },
  { code: 'KOT-300', taskType: TaskType.Evaluation, title: 'Kotihoidon palvelujen arviointi', hours: 3 },
  { code: 'ARK-400', taskType: TaskType.ClientSession, title: 'Asiakasraati', hours: 2 },
  { code: 'HANKE-01', taskType: TaskType.WorkshopEvent, title: 'Työpaja: kokemustieto palveluissa', hours: 3 },
  { code: 'HANKE-02', taskType: TaskType.ProfessionalPair, title: 'Parityö nuorten ryhmässä', hours: 2 },
];

const HOUR = 3600_000;
const DAY = 24 * HOUR;

// One piece of last month's work as the seed books it; the rest of its story is told after the seed's
// transaction commits, by the real services.
export interface PastWork {
  assignmentId: string;
  contractId: string;
  expert: UserEntity;
  ordererId: string;
  startsAt: Date;
  endsAt: Date;
  workedMinutes: number;
  trips: ClaimEntity['trips'];
}

// Who did what in the seed, as the audit log and the signature record it: this machine, and the seed by name.
export function seedContext(user: UserEntity): AuthContext {
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      language: user.language,
      sessionId: 'demo-seed',
    },
    ip: '127.0.0.1',
    userAgent: 'Kokemus demo seed',
    requestId: 'demo-seed',
  };
}

// The county's recent past: work done last month under signed contracts, claimed, approved and paid in one
// fee run. The seed books the work (each assignment drafted a contract, as booking does); the real services
// then approve each contract, render and store its PDF, have the expert sign it and the orderer confirm the
// work, each at its moment in the story (the clock replayed), and the real fee-run jobs pay the claims.
@Injectable()
export class DemoHistory {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
  ) {}

  // In the seed's transaction: the orders and their assignments, accepted two weeks before the work.
  async bookPastWork(
    manager: EntityManager,
    experts: UserEntity[],
    ordererOf: Map<string, string>,
  ): Promise<PastWork[]> {
    const drafts = this.moduleRef.get(ContractDrafts, { strict: false });
    const orgs = await manager.find(OrganisationEntity);
    const lastMonth = DateTime.fromJSDate(this.clock.now(), { zone: COUNTY_ZONE })
      .minus({ months: 1 })
      .startOf('month');
    const booked: PastWork[] = [];
    for (const [i, work] of PAST_WORK.entries()) {
      const org = orgs.find((o) => o.code === work.code)!;
      const startsAt = lastMonth.plus({ days: 2 + i * 3, hours: 10 }).toJSDate();
      const endsAt = new Date(startsAt.getTime() + work.hours * HOUR);
      const ordererId = ordererOf.get(work.code)!;
      const expert = experts[i];
      const acceptedAt = new Date(startsAt.getTime() - 14 * DAY);
      const { assignmentId, contractId } = await this.clock.replay(acceptedAt, async () => {
        const request = await manager.save(BookingRequestEntity, {
          organisationId: org.id,
          costCentre: org.code,
          createdBy: ordererId,
          status: RequestStatus.Filled,
          taskType: work.taskType,
          title: work.title,
          description: '',
          startsAt,
          endsAt,
          remote: false,
          municipality: '905',
          address: 'Sandviksgatan 2–4',
          languages: ['fi', 'sv'],
          topics: [],
          expertsNeeded: 1,
          preparationMinutes: 60,
          submittedAt: new Date(acceptedAt.getTime() - 7 * DAY),
        });
        const assignment = await manager.save(AssignmentEntity, {
          requestId: request.id,
          expertId: expert.id,
          status: AssignmentStatus.Accepted,
          startsAt,
          endsAt,
        });
        const contract = await drafts.draftForNewAssignment(
          manager,
          assignment,
          org.id,
          expert.id,
          seedContext(expert),
        );
        return { assignmentId: assignment.id, contractId: contract.id };
      });
      const workDate = DateTime.fromJSDate(startsAt, { zone: COUNTY_ZONE }).toISODate()!;
      booked.push({
        assignmentId,
        contractId,
        expert,
        ordererId,
        startsAt,
        endsAt,
        workedMinutes: work.hours * 60,
        trips: i % 2 === 0 ? [{ from: 'Koti / Hem', to: 'Vaasa / Vasa', kmTenths: 182 + i * 31, date: workDate }] : [],
      });
    }
    return booked;
  }

  // After the seed's transaction: the coordinator approves each contract ten days before the work, its PDF is
  // rendered and stored as the worker does it, the expert signs it the next day (which confirms the
  // assignment; its signed copy is made as the worker makes it), and the orderer confirms an hour after the
  // work that it took place. Then the claims, made the day after the work and approved the day after that.
  async contractsAndClaims(past: PastWork[], coordinator: UserEntity): Promise<void> {
    const signing = this.moduleRef.get(ContractSigningService, { strict: false });
    const pdfJob = this.moduleRef.get(ContractPdfJob, { strict: false });
    const signedCopyJob = this.moduleRef.get(ContractSignedCopyJob, { strict: false });
    const assignments = this.moduleRef.get(AssignmentsService, { strict: false });
    const users = this.dataSource.getRepository(UserEntity);
    for (const work of past) {
      const approvedAt = new Date(work.startsAt.getTime() - 10 * DAY);
      await this.clock.replay(approvedAt, () => signing.approve(seedContext(coordinator), work.contractId));
      // The render job is queued too; it finds the PDF stored and does nothing.
      await pdfJob.render({ contractId: work.contractId });
      const { pdfSha256 } = await this.dataSource
        .getRepository(ContractEntity)
        .findOneOrFail({ select: { id: true, pdfSha256: true }, where: { id: work.contractId } });
      await this.clock.replay(new Date(approvedAt.getTime() + DAY), () =>
        signing.sign(seedContext(work.expert), work.contractId, { password: DEMO_PASSWORD, pdfSha256: pdfSha256! }),
      );
      // Its signed copy too, as the worker makes it (the queued job then finds it stored).
      await signedCopyJob.render({ contractId: work.contractId });
      const orderer = await users.findOneByOrFail({ id: work.ordererId });
      await this.clock.replay(new Date(work.endsAt.getTime() + HOUR), () =>
        assignments.complete(seedContext(orderer), work.assignmentId, { tookPlace: true }),
      );
    }
    await this.dataSource.transaction(async (manager) => {
      for (const work of past) {
        const submittedAt = new Date(work.endsAt.getTime() + DAY);
        await manager.insert(ClaimEntity, {
          assignmentId: work.assignmentId,
          expertId: work.expert.id,
          status: ClaimStatus.Approved,
          workDate: DateTime.fromJSDate(work.startsAt, { zone: COUNTY_ZONE }).toISODate()!,
          workedMinutes: work.workedMinutes,
          preparationMinutes: 60,
          trips: work.trips,
          note: '',
          firstSubmittedAt: submittedAt,
          submittedAt,
          decidedBy: coordinator.id,
          decidedAt: new Date(submittedAt.getTime() + DAY),
        });
      }
    });
  }

  // An offer waiting for the tour's expert (expert01): the coordinator offers them the open working group of the
  // psychosocial services, through the real service (mail and expiry job included), answerable until two days
  // before the work.
  async offerOpenOrder(coordinator: UserEntity, expert: UserEntity): Promise<void> {
    const offers = this.moduleRef.get(OffersService, { strict: false });
    const psy = await this.dataSource.getRepository(OrganisationEntity).findOneByOrFail({ code: 'PSY-100' });
    const request = await this.dataSource
      .getRepository(BookingRequestEntity)
      .findOneByOrFail({ organisationId: psy.id, status: RequestStatus.Submitted, taskType: TaskType.WorkingGroup });
    await offers.send(seedContext(coordinator), request.id, {
      expertIds: [expert.id],
      deadline: new Date(request.startsAt.getTime() - 2 * DAY).toISOString(),
    });
  }

  // Booked work ahead, for the tour's change of time: the coordinator offers an open order (the youth project's
  // remote peer group, else the rehabilitation unit's lecture) to its best-ranked candidate other than the tour's
  // expert, who accepts through the real service (the contract is drafted for the coordinator to approve). Returns
  // the booked expert's e-mail for the seed's log.
  async bookUpcomingWork(coordinator: UserEntity, tourExpert: UserEntity): Promise<string | null> {
    const matching = this.moduleRef.get(MatchingService, { strict: false });
    const offers = this.moduleRef.get(OffersService, { strict: false });
    const ctx = seedContext(coordinator);
    for (const code of ['HANKE-02', 'KUN-200']) {
      const unit = await this.dataSource.getRepository(OrganisationEntity).findOneByOrFail({ code });
      const request = await this.dataSource
        .getRepository(BookingRequestEntity)
        .findOneBy({ organisationId: unit.id, status: RequestStatus.Submitted });
      if (!request) continue;
      const { items } = await matching.candidates(ctx, request.id, { limit: 10, offset: 0 });
      const candidate = items.find((c) => c.expertId !== tourExpert.id);
      if (!candidate) continue;
      const [offer] = await offers.send(ctx, request.id, {
        expertIds: [candidate.expertId],
        deadline: new Date(request.startsAt.getTime() - 2 * DAY).toISOString(),
      });
      const expert = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: candidate.expertId });
      await offers.accept(seedContext(expert), offer.id, {});
      return expert.email;
    }
    this.logger.warn('No open demo order had a candidate: no work is booked ahead');
    return null;
  }

  // Needs the workers (the fee run is computed and exported as a job); gives up quietly after a minute.
  async payRun(coordinator: UserEntity): Promise<boolean> {
    const runs = this.moduleRef.get(FeeRunsService, { strict: false });
    const ctx = seedContext(coordinator);
    const upTo = DateTime.fromJSDate(this.clock.now(), { zone: COUNTY_ZONE }).minus({ days: 1 }).toISODate()!;
    const { id } = await runs.start(ctx, { upTo });
    const reached = async (status: string) => {
      for (let i = 0; i < 600; i++) {
        const run = await runs.get(id);
        if (run.status === status) return true;
        if (run.status === 'failed') return false;
        await new Promise((r) => setTimeout(r, 100));
      }
      return false;
    };
    if (!(await reached('computed'))) return this.gaveUp(id);
    await runs.approve(ctx, id);
    await runs.export(ctx, id);
    return (await reached('exported')) || this.gaveUp(id);
  }

  private gaveUp(id: string): false {
    this.logger.warn(`Demo fee run ${id} did not finish; start the worker and approve and export it by hand`);
    return false;
  }
}
