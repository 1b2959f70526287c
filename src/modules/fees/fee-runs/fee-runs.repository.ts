import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { FeeRunEntity, FeeRunStatus } from '../entities/fee-run.entity';
import { FeeRunFileEntity, FeeRunFileKind } from '../entities/fee-run-file.entity';
import { TaskType } from '../../../common/domain/task-type';
import { FeeRunLineEntity, LinePayee } from '../entities/fee-run-line.entity';

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

export type NewLine = Omit<FeeRunLineEntity, 'id' | 'run' | 'claim' | 'expert' | 'organisation'>;

// Column, SQL type of its array, property: one array parameter per column, so a batch of lines is one
// INSERT ... SELECT FROM unnest(...) whatever its size (no per-row parameters to build or parse).
const LINE_COLUMNS: [string, string, keyof NewLine][] = [
  ['run_id', 'uuid', 'runId'],
  ['claim_id', 'uuid', 'claimId'],
  ['expert_id', 'uuid', 'expertId'],
  ['payee_kind', 'line_payee', 'payeeKind'],
  ['payee_name', 'text', 'payeeName'],
  ['payee_business_id', 'text', 'payeeBusinessId'],
  ['iban_encrypted', 'text', 'ibanEncrypted'],
  ['organisation_id', 'uuid', 'organisationId'],
  ['cost_centre', 'text', 'costCentre'],
  ['task_type', 'task_type', 'taskType'],
  ['work_date', 'date', 'workDate'],
  ['income_type', 'text', 'incomeType'],
  ['fee_basis', 'fee_basis', 'feeBasis'],
  ['rate_cents', 'int4', 'rateCents'],
  ['quarter_hours', 'int4', 'quarterHours'],
  ['gross_fee_cents', 'int4', 'grossFeeCents'],
  ['car_travel_cents', 'int4', 'carTravelCents'],
  ['costs_cents', 'int4', 'costsCents'],
  ['travel_and_costs_cents', 'int4', 'travelAndCostsCents'],
  ['withholding_cents', 'int4', 'withholdingCents'],
  ['net_cents', 'int4', 'netCents'],
  ['tax_percent', 'numeric', 'taxPercent'],
];
const INSERT_LINES = `INSERT INTO fee_run_lines (${LINE_COLUMNS.map(([c]) => c).join(', ')})
  SELECT * FROM unnest(${LINE_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`;

export interface LineFilter {
  costCentre?: string;
  taskType?: TaskType;
  payeeKind?: LinePayee;
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
    return this.dataSource
      .getRepository(FeeRunEntity)
      .findAndCount({ order: { createdAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
  }

  findByStatus(statuses: FeeRunStatus[]): Promise<FeeRunEntity[]> {
    return this.dataSource.getRepository(FeeRunEntity).findBy({ status: In(statuses) });
  }

  async transition(
    manager: EntityManager,
    id: string,
    from: FeeRunStatus[],
    changes: Partial<FeeRunEntity>,
  ): Promise<boolean> {
    const result = await manager.update(FeeRunEntity, { id, status: In(from) }, changes);
    return (result.affected ?? 0) > 0;
  }

  async incrementExecutions(id: string): Promise<void> {
    await this.dataSource.getRepository(FeeRunEntity).increment({ id }, 'executions', 1);
  }

  async insertLines(manager: EntityManager, lines: NewLine[]): Promise<void> {
    if (lines.length === 0) return;
    await manager.query(
      INSERT_LINES,
      LINE_COLUMNS.map(([, , key]) => lines.map((line) => line[key])),
    );
  }

  // Fresh statistics once a run's lines are in: the export then reads them by index, in order, by the page.
  async analyzeLines(manager: EntityManager): Promise<void> {
    await manager.query('ANALYZE fee_run_lines');
  }

  findLinesPage(
    runId: string,
    filter: LineFilter,
    limit: number,
    offset: number,
  ): Promise<[FeeRunLineEntity[], number]> {
    return this.dataSource.getRepository(FeeRunLineEntity).findAndCount({
      where: { runId, costCentre: filter.costCentre, taskType: filter.taskType, payeeKind: filter.payeeKind },
      order: { payeeName: 'ASC', workDate: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  // Live progress while the worker computes: the claims priced so far, and those the run still has to price
  // (the same selection as the computer's; a claim left without a line for want of an account stays in it).
  async progress(run: FeeRunEntity): Promise<{ done: number; remaining: number }> {
    const [row] = await this.dataSource.query<{ done: number; remaining: number }[]>(
      `SELECT (SELECT count(*)::int FROM fee_run_lines WHERE run_id = $1) AS done,
              (SELECT count(*)::int FROM claims c
                WHERE c.status = 'approved' AND c.work_date <= $2 AND c.decided_at <= $3
                  AND NOT EXISTS (SELECT 1 FROM fee_run_lines l WHERE l.claim_id = c.id)) AS remaining`,
      [run.id, run.upTo, run.cutoffAt],
    );
    return row;
  }

  // An expert's lines in exported runs, newest payment first.
  findPaidLines(
    expertId: string,
    limit: number,
    offset: number,
  ): Promise<[(FeeRunLineEntity & { run: FeeRunEntity })[], number]> {
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

  // Plain SQL: an export inserts hundreds of files in one transaction and needs nothing back.
  async insertFile(
    manager: EntityManager,
    f: Omit<FeeRunFileEntity, 'id' | 'createdAt' | 'run' | 'expert'>,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO fee_run_files (run_id, kind, expert_id, language, file_name, media_type, encrypted, sha256, size_bytes, bytes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [f.runId, f.kind, f.expertId, f.language, f.fileName, f.mediaType, f.encrypted, f.sha256, f.sizeBytes, f.bytes],
    );
  }

  findFiles(runId: string): Promise<FeeRunFileEntity[]> {
    return this.dataSource
      .getRepository(FeeRunFileEntity)
      .find({ where: { runId }, order: { kind: 'ASC', fileName: 'ASC' } });
  }

  findStatements(expertId: string): Promise<FeeRunFileEntity[]> {
    return this.dataSource
      .getRepository(FeeRunFileEntity)
      .find({ where: { expertId, kind: FeeRunFileKind.Statement }, order: { createdAt: 'DESC' } });
  }

  findFileWithBytes(id: string): Promise<FeeRunFileEntity | null> {
    return this.dataSource
      .getRepository(FeeRunFileEntity)
      .createQueryBuilder('f')
      .addSelect('f.bytes')
      .where('f.id = :id', { id })
      .getOne();
  }
}
