import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { FeeRunEntity, FeeRunStatus } from './entities/fee-run.entity';
import { FeeRunFileEntity, FeeRunFileKind } from './entities/fee-run-file.entity';
import { FeeRunLineEntity } from './entities/fee-run-line.entity';

export interface CostCentreTotals {
  costCentre: string;
  organisationId: string;
  organisationCode: string;
  organisationNameFi: string;
  organisationNameSv: string;
  lines: number;
  minutes: number;
  grossFeeCents: number;
  travelAndCostsCents: number;
  withholdingCents: number;
  netCents: number;
}

@Injectable()
export class FeeRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(manager: EntityManager, run: Partial<FeeRunEntity>): Promise<FeeRunEntity> {
    return manager.save(FeeRunEntity, run);
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<FeeRunEntity | null> {
    return manager.findOneBy(FeeRunEntity, { id });
  }

  // Every batch and every transition of a run takes this lock first: two executions of one run (a job
  // Redis lost and re-queued while the first still works) take turns and never price a claim twice.
  lock(manager: EntityManager, id: string): Promise<FeeRunEntity | null> {
    return manager.findOne(FeeRunEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findPage(limit: number, offset: number): Promise<[FeeRunEntity[], number]> {
    return this.dataSource.getRepository(FeeRunEntity).findAndCount({ order: { createdAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
  }

  findByStatus(statuses: FeeRunStatus[]): Promise<FeeRunEntity[]> {
    return this.dataSource.getRepository(FeeRunEntity).findBy({ status: In(statuses) });
  }

  async transition(manager: EntityManager, id: string, from: FeeRunStatus[], changes: Partial<FeeRunEntity>): Promise<boolean> {
    const result = await manager.update(FeeRunEntity, { id, status: In(from) }, changes);
    return (result.affected ?? 0) > 0;
  }

  async incrementExecutions(id: string): Promise<void> {
    await this.dataSource.getRepository(FeeRunEntity).increment({ id }, 'executions', 1);
  }

  findLinesPage(runId: string, limit: number, offset: number): Promise<[FeeRunLineEntity[], number]> {
    return this.dataSource.getRepository(FeeRunLineEntity).findAndCount({
      where: { runId },
      order: { payeeName: 'ASC', workDate: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  // An expert's lines in exported runs, newest payment first.
  findPaidLines(expertId: string, limit: number, offset: number): Promise<[(FeeRunLineEntity & { run: FeeRunEntity })[], number]> {
    return this.dataSource
      .getRepository(FeeRunLineEntity)
      .createQueryBuilder('l')
      .innerJoinAndSelect('l.run', 'r')
      .where('l.expertId = :expertId', { expertId })
      .andWhere('r.status = :status', { status: FeeRunStatus.Exported })
      .orderBy('r.exportedAt', 'DESC')
      .addOrderBy('l.workDate', 'DESC')
      .addOrderBy('l.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount() as Promise<[(FeeRunLineEntity & { run: FeeRunEntity })[], number]>;
  }

  async costCentreTotals(runId: string, manager: EntityManager = this.dataSource.manager): Promise<CostCentreTotals[]> {
    const rows: Record<string, string>[] = await manager.query(
      `SELECT l.cost_centre, l.organisation_id, o.code, o.name_fi, o.name_sv, count(*) AS lines,
              sum(c.worked_minutes + c.preparation_minutes) AS minutes, sum(l.gross_fee_cents) AS gross,
              sum(l.travel_and_costs_cents) AS travel, sum(l.withholding_cents) AS withholding, sum(l.net_cents) AS net
         FROM fee_run_lines l
         JOIN claims c ON c.id = l.claim_id
         JOIN organisations o ON o.id = l.organisation_id
        WHERE l.run_id = $1
        GROUP BY l.cost_centre, l.organisation_id, o.code, o.name_fi, o.name_sv
        ORDER BY l.cost_centre, o.code`,
      [runId],
    );
    return rows.map((r) => ({
      costCentre: r.cost_centre,
      organisationId: r.organisation_id,
      organisationCode: r.code,
      organisationNameFi: r.name_fi,
      organisationNameSv: r.name_sv,
      lines: Number(r.lines),
      minutes: Number(r.minutes),
      grossFeeCents: Number(r.gross),
      travelAndCostsCents: Number(r.travel),
      withholdingCents: Number(r.withholding),
      netCents: Number(r.net),
    }));
  }

  insertFile(manager: EntityManager, file: Omit<FeeRunFileEntity, 'id' | 'createdAt' | 'run' | 'expert'>): Promise<FeeRunFileEntity> {
    return manager.save(FeeRunFileEntity, file);
  }

  findFiles(runId: string): Promise<FeeRunFileEntity[]> {
    return this.dataSource.getRepository(FeeRunFileEntity).find({ where: { runId }, order: { kind: 'ASC', fileName: 'ASC' } });
  }

  findStatements(expertId: string): Promise<FeeRunFileEntity[]> {
    return this.dataSource.getRepository(FeeRunFileEntity).find({ where: { expertId, kind: FeeRunFileKind.Statement }, order: { createdAt: 'DESC' } });
  }

  findFileWithBytes(id: string): Promise<FeeRunFileEntity | null> {
    return this.dataSource.getRepository(FeeRunFileEntity).createQueryBuilder('f').addSelect('f.bytes').where('f.id = :id', { id }).getOne();
  }
}
