import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthContext } from '../../../common/auth/auth-context';
import { Clock } from '../../../common/clock/clock.service';
import { FieldCipher } from '../../../common/crypto/field-cipher';
import { PgCode, pgConstraint, pgErrorCode } from '../../../common/errors/pg-errors';
import { localDate } from '../../../common/i18n/format';
import { enqueueAfterCommit } from '../../../common/jobs/enqueue-after-commit';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { AuditService } from '../../audit';
import {
  CostCentreTotalsResponse,
  FeeRunFileResponse,
  FeeRunLinePageResponse,
  FeeRunLinesQuery,
  FeeRunPageResponse,
  FeeRunProgressResponse,
  FeeRunQueuedResponse,
  FeeRunResponse,
  StartFeeRunDto,
  toCostCentreTotalsResponse,
  toFeeRunFileResponse,
  toFeeRunLineResponse,
  toFeeRunResponse,
} from '../dto/fee-run.dto';
import { FeeRunEntity, FeeRunStatus } from '../entities/fee-run.entity';
import { FeeRunFileKind } from '../entities/fee-run-file.entity';
import { Download } from '../../files';
import { PAYROLL_CONTEXT } from './export/fee-run-exporter.service';
import { FeeRunQueue } from './fee-run-queue.service';
import { FeeRunsRepository } from './fee-runs.repository';
import { paymentDay } from './payment-date.rule';
import { FeeErrors } from '../fees.errors';
import { RatesRepository } from '../rates/rates.repository';

const ENTITY = 'fee_run';

// The coordinator's side of a fee run: start it, review it, approve it (twice with four eyes), export it.
// The heavy work happens in the worker (FeeRunComputer, FeeRunExporter); this only moves the run on.
@Injectable()
export class FeeRunsService {
  private readonly logger = new Logger('FeeRuns');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: FeeRunsRepository,
    private readonly rates: RatesRepository,
    private readonly jobs: FeeRunQueue,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // One open run at a time: the partial unique index fee_runs_one_open decides between simultaneous starts.
  async start(ctx: AuthContext, dto: StartFeeRunDto): Promise<FeeRunQueuedResponse> {
    const now = this.clock.now();
    const today = localDate(now);
    if (dto.upTo > today) throw FeeErrors.upToInFuture();
    const { paymentDate, taxYear } = paymentDay(dto.paymentDate, today);
    const run = await this.dataSource
      .transaction(async (manager) => {
        const saved = await this.runs.insert(manager, {
          upTo: dto.upTo,
          status: FeeRunStatus.Queued,
          rates: await this.rates.currentRates(manager),
          cutoffAt: now,
          paymentDate,
          taxYear,
          createdBy: ctx.user.id,
        });
        await this.audit.log(ctx, 'fee_run.queued', [ENTITY, saved.id], { upTo: dto.upTo, paymentDate }, manager);
        return saved;
      })
      .catch((error: unknown) => {
        const open = pgErrorCode(error) === PgCode.UniqueViolation && pgConstraint(error) === 'fee_runs_one_open';
        throw open ? FeeErrors.feeRunInProgress() : error;
      });
    await this.queue(run.id, 'compute');
    return { id: run.id, status: run.status };
  }

  async list(query: PageQueryDto): Promise<FeeRunPageResponse> {
    const [runs, total] = await this.runs.findPage(query.limit, query.offset);
    return { items: runs.map(toFeeRunResponse), total, limit: query.limit, offset: query.offset };
  }

  async get(id: string): Promise<FeeRunResponse> {
    return toFeeRunResponse(await this.found(id));
  }

  async progress(id: string): Promise<FeeRunProgressResponse> {
    const run = await this.found(id);
    const { done, remaining } = await this.runs.progress(run);
    const total = done + remaining;
    const computing =
      run.status === FeeRunStatus.Queued || run.status === FeeRunStatus.Running || run.status === FeeRunStatus.Failed;
    const percent = !computing ? 100 : total === 0 ? 0 : Math.min(99, Math.floor((done * 100) / total));
    return { id, status: run.status, processedClaims: done, totalClaims: total, percent };
  }

  async lines(id: string, query: FeeRunLinesQuery): Promise<FeeRunLinePageResponse> {
    await this.found(id);
    const [lines, total] = await this.runs.findLinesPage(id, query, query.limit, query.offset);
    return { items: lines.map(toFeeRunLineResponse), total, limit: query.limit, offset: query.offset };
  }

  async costCentres(id: string): Promise<CostCentreTotalsResponse[]> {
    await this.found(id);
    return (await this.runs.costCentreTotals(id)).map(toCostCentreTotalsResponse);
  }

  // With four eyes the first approval is recorded and the run waits for a second, different coordinator.
  async approve(ctx: AuthContext, id: string): Promise<FeeRunResponse> {
    const run = await this.found(id);
    if (run.status !== FeeRunStatus.Computed) throw FeeErrors.feeRunStatusConflict(run.status, 'approved');
    const { fourEyesApproval } = await this.rates.settings();
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const locked = (await this.runs.lock(manager, id))!;
      if (locked.status !== FeeRunStatus.Computed) throw FeeErrors.feeRunStatusConflict(locked.status, 'approved');
      let changes: Partial<FeeRunEntity>;
      // Four eyes switched off after a first approval: the one approval is enough, and a first approval by the same
      // coordinator is dropped (the database keeps the two approvers apart), as for claims.
      if (!fourEyesApproval)
        changes = {
          status: FeeRunStatus.Approved,
          approvedBy: ctx.user.id,
          approvedAt: now,
          ...(locked.firstApprovedBy === ctx.user.id ? { firstApprovedBy: null, firstApprovedAt: null } : {}),
        };
      else if (!locked.firstApprovedBy) changes = { firstApprovedBy: ctx.user.id, firstApprovedAt: now };
      else if (locked.firstApprovedBy === ctx.user.id) throw FeeErrors.secondApproverRequired();
      else changes = { status: FeeRunStatus.Approved, approvedBy: ctx.user.id, approvedAt: now };
      await this.runs.transition(manager, id, [FeeRunStatus.Computed], changes);
      const action = changes.status === FeeRunStatus.Approved ? 'fee_run.approved' : 'fee_run.first_approval';
      await this.audit.log(ctx, action, [ENTITY, id], { fourEyes: fourEyesApproval }, manager);
    });
    return this.get(id);
  }

  async retry(ctx: AuthContext, id: string): Promise<FeeRunQueuedResponse> {
    const run = await this.found(id);
    if (run.status !== FeeRunStatus.Failed) throw FeeErrors.feeRunStatusConflict(run.status, 'retried');
    await this.dataSource.transaction(async (manager) => {
      if (
        !(await this.runs.transition(manager, id, [FeeRunStatus.Failed], { status: FeeRunStatus.Queued, error: null }))
      ) {
        throw FeeErrors.feeRunStatusConflict('changed', 'retried');
      }
      await this.audit.log(ctx, 'fee_run.retried', [ENTITY, id], { code: run.error?.code ?? null }, manager);
    });
    await this.queue(id, 'compute');
    return { id, status: FeeRunStatus.Queued };
  }

  // Asking again re-queues an export that failed; the export itself happens once, in the worker.
  async export(ctx: AuthContext, id: string): Promise<FeeRunQueuedResponse> {
    const run = await this.found(id);
    if (run.status !== FeeRunStatus.Approved) throw FeeErrors.feeRunStatusConflict(run.status, 'exported');
    if (!run.exportRequestedAt) {
      await this.dataSource.transaction(async (manager) => {
        const locked = (await this.runs.lock(manager, id))!;
        if (locked.status !== FeeRunStatus.Approved) throw FeeErrors.feeRunStatusConflict(locked.status, 'exported');
        // Asked for by a request at the same moment (a double click, a second tab): recorded once, by that one.
        if (locked.exportRequestedAt) return;
        const changes = { exportRequestedAt: this.clock.now(), exportRequestedBy: ctx.user.id };
        await this.runs.transition(manager, id, [FeeRunStatus.Approved], changes);
        await this.audit.log(ctx, 'fee_run.export_requested', [ENTITY, id], {}, manager);
      });
    }
    await this.queue(id, 'export');
    return { id, status: run.status };
  }

  async files(id: string): Promise<FeeRunFileResponse[]> {
    await this.found(id);
    return (await this.runs.findFiles(id)).map(toFeeRunFileResponse);
  }

  // Every download is in the audit log; the payroll file (clear IBANs) is named as a read of bank details.
  async download(ctx: AuthContext, runId: string, fileId: string): Promise<Download> {
    const file = await this.runs.findFileWithBytes(fileId);
    if (!file || file.runId !== runId) throw FeeErrors.fileNotFound();
    const payroll = file.kind === FeeRunFileKind.PayrollCsv;
    const action = payroll ? 'fee_run.payroll_downloaded' : 'fee_run.file_downloaded';
    await this.audit.log(
      ctx,
      action,
      [ENTITY, runId],
      payroll ? { fileId, kind: file.kind, fields: ['iban'] } : { fileId, kind: file.kind },
    );
    const bytes = file.encrypted ? this.cipher.decryptBytes(file.bytes, PAYROLL_CONTEXT(runId)) : file.bytes;
    return { fileName: file.fileName, mediaType: file.mediaType, sha256: file.sha256, bytes };
  }

  private async found(id: string): Promise<FeeRunEntity> {
    const run = await this.runs.find(id);
    if (!run) throw FeeErrors.feeRunNotFound();
    return run;
  }

  // After commit. If Redis is down the run waits in PostgreSQL and the worker's recovery check queues it.
  private async queue(runId: string, what: 'compute' | 'export'): Promise<void> {
    await enqueueAfterCommit(
      what === 'compute' ? this.jobs.compute(runId) : this.jobs.export(runId),
      this.logger,
      { runId, what },
      'Fee run job not queued yet; the worker will pick the run up',
    );
  }
}
