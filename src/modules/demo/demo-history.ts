import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/role.enum';
import { Clock } from '../../common/clock/clock';
import { TaskType } from '../../common/domain/task-type';
import { COUNTY_ZONE } from '../../common/i18n/format';
import { Language } from '../../common/i18n/language';
import { AssignmentEntity, AssignmentStatus } from '../booking/entities/assignment.entity';
import { BookingRequestEntity, RequestStatus } from '../booking/entities/booking-request.entity';
import { ClaimEntity, ClaimStatus } from '../fees/entities/claim.entity';
import { FeeRunsService } from '../fees/fee-runs.service';
import { OrganisationEntity } from '../organisations/entities/organisation.entity';
import { UserEntity } from '../users/entities/user.entity';

const PAST_WORK = [
  { code: 'PSY-100', taskType: TaskType.WorkingGroup, title: 'Mielenterveysstrategian työryhmä', hours: 2 },
  { code: 'KUN-200', taskType: TaskType.Lecture, title: 'Föreläsning för personalen', hours: 1.5 },
  { code: 'KOT-300', taskType: TaskType.Evaluation, title: 'Kotihoidon palvelujen arviointi', hours: 3 },
  { code: 'ARK-400', taskType: TaskType.ClientSession, title: 'Asiakasraati', hours: 2 },
  { code: 'HANKE-01', taskType: TaskType.WorkshopEvent, title: 'Työpaja: kokemustieto palveluissa', hours: 3 },
  { code: 'HANKE-02', taskType: TaskType.ProfessionalPair, title: 'Parityö nuorten ryhmässä', hours: 2 },
];

// The county's recent past: work done last month, claimed, approved and paid in one fee run made by the
// real fee-run code (computed and exported on the worker), so reports and statements have something to show.
@Injectable()
export class DemoHistory {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
  ) {}

  async pastWork(manager: EntityManager, experts: UserEntity[], coordinatorId: string, ordererOf: Map<string, string>): Promise<void> {
    const orgs = await manager.find(OrganisationEntity);
    const lastMonth = DateTime.fromJSDate(this.clock.now(), { zone: COUNTY_ZONE }).minus({ months: 1 }).startOf('month');
    for (const [i, work] of PAST_WORK.entries()) {
      const org = orgs.find((o) => o.code === work.code)!;
      const startsAt = lastMonth.plus({ days: 2 + i * 3, hours: 10 }).toJSDate();
      const endsAt = new Date(startsAt.getTime() + work.hours * 3600_000);
      const request = await manager.save(BookingRequestEntity, {
        organisationId: org.id,
        costCentre: org.code,
        createdBy: ordererOf.get(work.code)!,
        status: RequestStatus.Completed,
        taskType: work.taskType,
        title: work.title,
        description: '',
        startsAt,
        endsAt,
        remote: false,
        municipality: '905',
        address: 'Sandviksgatan 2–4, Vasa',
        languages: ['fi', 'sv'],
        topics: [],
        expertsNeeded: 1,
        preparationMinutes: 60,
        submittedAt: startsAt,
      });
      const expert = experts[i];
      const assignment = await manager.save(AssignmentEntity, {
        requestId: request.id,
        expertId: expert.id,
        status: AssignmentStatus.Completed,
        startsAt,
        endsAt,
        completedAt: endsAt,
        completedBy: ordererOf.get(work.code)!,
      });
      await manager.insert(ClaimEntity, {
        assignmentId: assignment.id,
        expertId: expert.id,
        status: ClaimStatus.Approved,
        workDate: DateTime.fromJSDate(startsAt, { zone: COUNTY_ZONE }).toISODate()!,
        workedMinutes: work.hours * 60,
        preparationMinutes: 60,
        trips: i % 2 === 0 ? [{ from: 'Koti / Hem', to: 'Vaasa / Vasa', kmTenths: 182 + i * 31, date: DateTime.fromJSDate(startsAt, { zone: COUNTY_ZONE }).toISODate()! }] : [],
        note: '',
        firstSubmittedAt: endsAt,
        submittedAt: endsAt,
        decidedBy: coordinatorId,
        decidedAt: endsAt,
      });
    }
  }

  // Needs the workers (the fee run is computed and exported as a job); gives up quietly after a minute.
  async payRun(coordinator: UserEntity): Promise<boolean> {
    const runs = this.moduleRef.get(FeeRunsService, { strict: false });
    const ctx: AuthContext = {
      user: { id: coordinator.id, email: coordinator.email, name: coordinator.name, role: Role.Coordinator, language: Language.Sv, sessionId: 'demo-seed' },
      ip: '127.0.0.1',
      userAgent: 'kokemus demo seed',
      requestId: 'demo-seed',
    };
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
