import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { FeeRunEntity, FeeRunStatus } from '../entities/fee-run.entity';
import { FeeRunFileEntity, FeeRunFileKind } from '../entities/fee-run-file.entity';
import { UserEntity } from '../../users/entities/user.entity';
import { TaskType } from '../../../common/domain/task-type';
import { Language } from '../../../common/i18n/language';
import { ClaimTrip } from '../entities/claim.entity';
import { CostCentreRow } from './export/cost-centre-summary.util';
import { PayrollRow } from './export/payroll-csv.util';
import { FeeRunLineEntity, LinePayee } from '../entities/fee-run-line.entity';

export interface CostCentreTotals extends CostCentreRow {
  organisationId: string;
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
  ['public_transport_cents', 'int4', 'publicTransportCents'],
  ['parking_cents', 'int4', 'parkingCents'],
  ['other_costs_cents', 'int4', 'otherCostsCents'],
  ['travel_and_costs_cents', 'int4', 'travelAndCostsCents'],
  ['withholding_cents', 'int4', 'withholdingCents'],
  ['net_cents', 'int4', 'netCents'],
  ['tax_percent', 'numeric', 'taxPercent'],
  ['tax_card_missing', 'bool', 'taxCardMissing'],
];
const INSERT_LINES = `INSERT INTO fee_run_lines (${LINE_COLUMNS.map(([c]) => c).join(', ')})
  SELECT * FROM unnest(${LINE_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`;

// One approved claim with everything its line needs, read in one set-based query per batch.
export interface PendingClaim {
  id: string;
  expertId: string;
  expertName: string;
  workDate: string;
  workedMinutes: number;
  preparationMinutes: number;
  lateCancellation: boolean;
  trips: ClaimTrip[];
  taskType: TaskType;
  costCentre: string;
  organisationId: string;
  payee: 'expert' | 'association' | null;
  declinesFee: boolean | null;
  taxPercent: string | null;
  taxCardYear: number | null;
  associationName: string | null;
  associationBusinessId: string | null;
  ibanEncrypted: string | null;
  associationIbanEncrypted: string | null;
  publicTransportCents: number;
  parkingCents: number;
  otherCostsCents: number;
}

// Approved, not on any line, work up to the run's date, approved before the run started: keyset-paginated
// by claim id, so a batch costs the same at the start and the end of 50,000 claims. The payment details come from
// the run's own copy (RUN_PAYEES), not from the experts' current ones.
const PENDING_CLAIMS = `
  SELECT c.id, c.expert_id AS "expertId", u.name AS "expertName", c.work_date::text AS "workDate",
         c.worked_minutes AS "workedMinutes", c.preparation_minutes AS "preparationMinutes",
         c.late_cancellation AS "lateCancellation", c.trips,
         r.task_type AS "taskType", r.cost_centre AS "costCentre", r.organisation_id AS "organisationId",
         COALESCE(k.public_transport, 0)::int AS "publicTransportCents", COALESCE(k.parking, 0)::int AS "parkingCents",
         COALESCE(k.other, 0)::int AS "otherCostsCents"
    FROM claims c
    JOIN assignments a ON a.id = c.assignment_id
    JOIN booking_requests r ON r.id = a.request_id
    JOIN users u ON u.id = c.expert_id
    LEFT JOIN LATERAL (
      SELECT sum(amount_cents) FILTER (WHERE kind = 'public_transport') AS public_transport,
             sum(amount_cents) FILTER (WHERE kind = 'parking') AS parking,
             sum(amount_cents) FILTER (WHERE kind = 'other') AS other
        FROM claim_costs WHERE claim_id = c.id) k ON true
   WHERE c.status = 'approved' AND c.work_date <= $1 AND c.decided_at <= $2 AND c.id > $3
     AND NOT EXISTS (SELECT 1 FROM fee_run_lines l WHERE l.claim_id = c.id)
   ORDER BY c.id
   LIMIT $4`;

type ClaimWithoutPayee = Omit<PendingClaim, keyof RunPayee>;
type RunPayee = Pick<
  PendingClaim,
  | 'payee'
  | 'declinesFee'
  | 'taxPercent'
  | 'taxCardYear'
  | 'associationName'
  | 'associationBusinessId'
  | 'ibanEncrypted'
  | 'associationIbanEncrypted'
>;

// The run's copy of the payment details of the experts it meets for the first time (a row with a NULL payee for an
// expert without details); an expert the run has met keeps the copy it got then (the primary key, DO NOTHING).
const SNAPSHOT_PAYEES = `
  INSERT INTO fee_run_payees (run_id, expert_id, payee, declines_fee, tax_percent, tax_card_year, association_name,
                              association_business_id, iban_encrypted, association_iban_encrypted)
  SELECT $1, e.id, pd.payee, pd.declines_fee, pd.tax_percent, pd.tax_card_year, pd.association_name,
         pd.association_business_id, pd.iban_encrypted, pd.association_iban_encrypted
    FROM unnest($2::uuid[]) AS e(id)
    LEFT JOIN expert_payment_details pd ON pd.expert_id = e.id
  ON CONFLICT (run_id, expert_id) DO NOTHING`;

const RUN_PAYEES = `
  SELECT expert_id AS "expertId", payee, declines_fee AS "declinesFee", tax_percent AS "taxPercent",
         tax_card_year AS "taxCardYear", association_name AS "associationName",
         association_business_id AS "associationBusinessId", iban_encrypted AS "ibanEncrypted",
         association_iban_encrypted AS "associationIbanEncrypted"
    FROM fee_run_payees WHERE run_id = $1 AND expert_id = ANY($2::uuid[])`;

// A run's line with what the export's files print beside it (the payroll row without the run id and the clear
// IBAN, which the exporter adds).
export interface ExportLine extends Omit<PayrollRow, 'runId' | 'paymentDate' | 'iban'> {
  ibanEncrypted: string | null;
  language: Language;
  title: string;
  // 60 % withheld for want of a tax card (taxPercent then says 60.00).
  taxCardMissing: boolean;
}

// Lines of one run, grouped by expert (keyset on expert and line id), with what the files print.
const EXPORT_LINES = `
  WITH page AS MATERIALIZED (
    SELECT * FROM fee_run_lines WHERE run_id = $1 AND (expert_id, id) > ($2, $3) ORDER BY expert_id, id LIMIT $4)
  SELECT l.id AS "lineId", l.claim_id AS "claimId", l.expert_id AS "expertId", u.name AS "expertName", u.language,
         l.payee_kind AS "payeeKind", l.payee_name AS "payeeName", l.payee_business_id AS "payeeBusinessId",
         l.iban_encrypted AS "ibanEncrypted", l.work_date::text AS "workDate", l.task_type AS "taskType",
         l.income_type AS "incomeType", l.quarter_hours AS "quarterHours", l.gross_fee_cents AS "grossFeeCents",
         l.tax_percent AS "taxPercent", l.tax_card_missing AS "taxCardMissing", l.withholding_cents AS "withholdingCents", l.car_travel_cents AS "carTravelCents",
         l.public_transport_cents AS "publicTransportCents", l.parking_cents AS "parkingCents",
         l.other_costs_cents AS "otherCostsCents", l.travel_and_costs_cents AS "travelAndCostsCents", l.net_cents AS "netCents",
         l.cost_centre AS "costCentre", r.title
    FROM page l
    JOIN users u ON u.id = l.expert_id
    JOIN claims c ON c.id = l.claim_id
    JOIN assignments a ON a.id = c.assignment_id
    JOIN booking_requests r ON r.id = a.request_id
   ORDER BY l.expert_id, l.id`;

export interface LineFilter {
  costCentre?: string;
  taskType?: TaskType;
  payeeKind?: LinePayee;
}

export type FeeRunFileNamed = FeeRunFileEntity & { expertName: string | null };

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

  // The next batch of the claims a run prices, after the claim id `after`, each with the payment details the run
  // uses for its expert: copied the first time the run meets the expert, the same copy in every later batch (the
  // caller holds the run's lock). Three statements a batch, whatever its size.
  async pendingClaims(
    manager: EntityManager,
    run: FeeRunEntity,
    after: string,
    limit: number,
  ): Promise<PendingClaim[]> {
    const claims: ClaimWithoutPayee[] = await manager.query(PENDING_CLAIMS, [run.upTo, run.cutoffAt, after, limit]);
    if (claims.length === 0) return [];
    const expertIds = [...new Set(claims.map((c) => c.expertId))];
    await manager.query(SNAPSHOT_PAYEES, [run.id, expertIds]);
    const payees = new Map<string, RunPayee>(
      (await manager.query<(RunPayee & { expertId: string })[]>(RUN_PAYEES, [run.id, expertIds])).map(
        ({ expertId, ...payee }) => [expertId, payee],
      ),
    );
    return claims.map((claim) => ({ ...claim, ...payees.get(claim.expertId)! }));
  }

  // A computed run needs its copies of the payment details no more: they go, with the IBANs in them.
  async dropRunPayees(manager: EntityManager, runId: string): Promise<void> {
    await manager.query(`DELETE FROM fee_run_payees WHERE run_id = $1`, [runId]);
  }

  // Totals are summed from the committed lines, never carried along: a resumed run adds up the same.
  async finishComputed(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE fee_runs r
          SET status = 'computed', computed_at = $2, error = NULL, line_count = t.n, gross_fee_cents = t.gross,
              travel_and_costs_cents = t.travel, withholding_cents = t.withholding, net_cents = t.net,
              skipped_count = (SELECT count(*) FROM claims c
                                WHERE c.status = 'approved' AND c.work_date <= r.up_to AND c.decided_at <= r.cutoff_at
                                  AND NOT EXISTS (SELECT 1 FROM fee_run_lines l WHERE l.claim_id = c.id))
         FROM (SELECT count(*) AS n, COALESCE(sum(gross_fee_cents), 0) AS gross, COALESCE(sum(travel_and_costs_cents), 0) AS travel,
                      COALESCE(sum(withholding_cents), 0) AS withholding, COALESCE(sum(net_cents), 0) AS net
                 FROM fee_run_lines WHERE run_id = $1) t
        WHERE r.id = $1 AND r.status = 'running'`,
      [id, at],
    );
  }

  // The export's next page of a run's lines, after the expert and line ids of the last row read.
  exportLines(
    manager: EntityManager,
    runId: string,
    after: { expertId: string; lineId: string },
    limit: number,
  ): Promise<ExportLine[]> {
    return manager.query(EXPORT_LINES, [runId, after.expertId, after.lineId, limit]);
  }

  // Every claim on the run's lines that is still approved becomes paid by it; returns how many did.
  async markClaimsPaid(manager: EntityManager, runId: string, paidAt: Date): Promise<number> {
    const [{ paid }] = await manager.query<{ paid: number }[]>(
      `WITH paid AS (
         UPDATE claims c SET status = 'paid', paid_run_id = $1, paid_at = $2, updated_at = now()
           FROM fee_run_lines l
          WHERE l.claim_id = c.id AND l.run_id = $1 AND c.status = 'approved'
         RETURNING 1)
       SELECT count(*)::int AS paid FROM paid`,
      [runId, paidAt],
    );
    return paid;
  }

  // One `claim.paid` audit row per line of the run, in one statement.
  async auditClaimsPaid(manager: EntityManager, runId: string, actorId: string | null): Promise<void> {
    await manager.query(
      `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, details)
       SELECT $2, 'claim.paid', 'claim', l.claim_id, jsonb_build_object('runId', $3::text) FROM fee_run_lines l WHERE l.run_id = $1`,
      [runId, actorId, runId],
    );
  }

  async clearLineIbans(manager: EntityManager, runId: string): Promise<void> {
    await manager.query(
      `UPDATE fee_run_lines SET iban_encrypted = NULL WHERE run_id = $1 AND iban_encrypted IS NOT NULL`,
      [runId],
    );
  }

  // The payroll files and statements of runs exported before the instant; per run, how many went.
  purgeFilesExportedBefore(manager: EntityManager, before: Date): Promise<{ runId: string; files: number }[]> {
    return manager.query(
      `WITH gone AS (
         DELETE FROM fee_run_files f USING fee_runs r
          WHERE r.id = f.run_id AND r.status = 'exported' AND r.exported_at < $1 AND f.kind IN ('payroll_csv', 'statement')
         RETURNING f.run_id)
       SELECT run_id AS "runId", count(*)::int AS files FROM gone GROUP BY run_id ORDER BY run_id`,
      [before],
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

  // With the name of each statement's expert, so that the coordinator can tell the statements apart.
  async findFiles(runId: string): Promise<FeeRunFileNamed[]> {
    const { entities, raw } = await this.dataSource
      .getRepository(FeeRunFileEntity)
      .createQueryBuilder('f')
      .leftJoin(UserEntity, 'u', 'u.id = f.expert_id')
      .addSelect('u.name', 'expert_name')
      .where('f.run_id = :runId', { runId })
      .orderBy('f.kind', 'ASC')
      .addOrderBy('u.name', 'ASC', 'NULLS FIRST')
      .addOrderBy('f.file_name', 'ASC')
      .getRawAndEntities<{ expert_name: string | null }>();
    return entities.map((file, i) => ({ ...file, expertName: raw[i].expert_name }));
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
