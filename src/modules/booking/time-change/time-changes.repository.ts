import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, DeepPartial, EntityManager } from 'typeorm';
import { entityColumns } from '../../../common/database/entity-columns';
import { TimeChangeEntity, TimeChangeStatus } from '../entities/time-change.entity';

export interface OverlappingWork {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

@Injectable()
export class TimeChangesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  save(manager: EntityManager, change: DeepPartial<TimeChangeEntity>): Promise<TimeChangeEntity> {
    return manager.save(TimeChangeEntity, change);
  }

  // The open proposal, locked: its answer and a second answer cannot both pass.
  lockOpen(manager: EntityManager, assignmentId: string): Promise<TimeChangeEntity | null> {
    return manager.findOne(TimeChangeEntity, {
      where: { assignmentId, status: TimeChangeStatus.Open },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async answer(
    manager: EntityManager,
    id: string,
    status: TimeChangeStatus.Accepted | TimeChangeStatus.Declined,
    at: Date,
    by: string,
  ): Promise<boolean> {
    const result = await manager.update(
      TimeChangeEntity,
      { id, status: TimeChangeStatus.Open },
      { status, answeredAt: at, answeredBy: by },
    );
    return (result.affected ?? 0) > 0;
  }

  // The assignment ended before the expert answered.
  async withdrawOpen(manager: EntityManager, assignmentId: string, at: Date): Promise<string[]> {
    const result = await manager
      .createQueryBuilder()
      .update(TimeChangeEntity)
      .set({ status: TimeChangeStatus.Withdrawn, answeredAt: at })
      .where('assignment_id = :assignmentId AND status = :open', { assignmentId, open: TimeChangeStatus.Open })
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  // The latest proposal of each assignment (open, or the last answered), for the assignments' read models.
  async latestOf(assignmentIds: string[]): Promise<Map<string, TimeChangeEntity>> {
    if (assignmentIds.length === 0) return new Map();
    // Plain SQL of one constant text: every order list and order page asks this. Of two proposals made at the same
    // instant (a decline and a new proposal within the clock's resolution) the open one is the latest, then the one
    // answered last: the answer never depends on the order PostgreSQL happens to read the rows in.
    const rows: TimeChangeEntity[] = await this.dataSource.query(
      `SELECT DISTINCT ON (t.assignment_id) ${entityColumns(this.dataSource, TimeChangeEntity, 't')}
         FROM assignment_time_changes t WHERE t.assignment_id = ANY($1::uuid[])
        ORDER BY t.assignment_id, t.proposed_at DESC, t.answered_at DESC NULLS FIRST, t.id`,
      [assignmentIds],
    );
    return new Map(rows.map((r) => [r.assignmentId, Object.assign(new TimeChangeEntity(), r)]));
  }

  // The expert's other booked work over [startsAt, endsAt), the same test as the exclusion constraint.
  async findOverlapping(
    manager: EntityManager,
    expertId: string,
    startsAt: Date,
    endsAt: Date,
    exceptId: string,
  ): Promise<OverlappingWork | null> {
    const [row] = (await manager.query(
      `SELECT a.id, r.title, a.starts_at AS "startsAt", a.ends_at AS "endsAt"
         FROM assignments a JOIN booking_requests r ON r.id = a.request_id
        WHERE a.expert_id = $1 AND a.id <> $4 AND a.status IN ('accepted', 'confirmed')
          AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange($2, $3, '[)')
        ORDER BY a.starts_at LIMIT 1`,
      [expertId, startsAt, endsAt, exceptId],
    )) as OverlappingWork[];
    return row ?? null;
  }
}
