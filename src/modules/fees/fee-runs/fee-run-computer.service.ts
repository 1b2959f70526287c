import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../../common/clock/clock.service';
import { AppConfig } from '../../../config/app-config';
import { AuditService } from '../../audit';
import { payeeTerms, priceClaim } from '../money/claim-pricing.rule';
import { FeeBasis } from '../entities/fee-rate.entity';
import { FeeRunEntity, FeeRunStatus, RunError } from '../entities/fee-run.entity';
import { LinePayee } from '../entities/fee-run-line.entity';
import { DEFAULT_TAX_BASIS_POINTS, FeeArithmeticError } from '../money/fee-arithmetic.rule';
import { FeeRunsRepository, NewLine, PendingClaim } from './fee-runs.repository';
import { FeeErrorCode } from '../fees.errors';

const BEFORE_ALL_IDS = '00000000-0000-0000-0000-000000000000';

// A claim the arithmetic refuses (no rate for its day, say): the run stops as failed, naming it.
class RunFailure extends Error {
  constructor(readonly detail: RunError) {
    super(detail.message);
  }
}

// The work of a fee run job: batches of lines, each batch one transaction under the run's row lock.
// Nothing is kept between batches but the last claim id, so a run of any size needs the memory of one
// batch, and a run killed at any point resumes from what PostgreSQL has committed. The payment details are the run's
// copy (fee_run_payees): an expert's details changed while the run computes apply from the next run, so one run
// prices all of an expert's lines for one payee and one tax card.
@Injectable()
export class FeeRunComputer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: FeeRunsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  // Returns quietly when the run is done or not this execution's to do. On the job's last attempt an
  // unexpected error fails the run, so that a coordinator sees it and can retry. When the signal aborts (the
  // worker is stopping), it stops after the batch under way has committed and throws the signal's reason.
  async compute(runId: string, lastAttempt: boolean, signal?: AbortSignal): Promise<void> {
    const run = await this.runs.find(runId);
    if (!run || (run.status !== FeeRunStatus.Queued && run.status !== FeeRunStatus.Running)) return;
    await this.runs.incrementExecutions(runId);
    await this.start(run);
    try {
      let after: string | null = BEFORE_ALL_IDS;
      while (after !== null) {
        signal?.throwIfAborted();
        after = await this.batch(runId, after);
      }
    } catch (error) {
      if (error instanceof RunFailure) return this.fail(runId, error.detail);
      // Stopped, not failed: the next execution resumes from the committed batches.
      if (signal?.aborted) throw error;
      if (lastAttempt)
        await this.fail(runId, {
          code: FeeErrorCode.FeeRunCrashed,
          message: 'The run failed on every attempt; the worker log has the cause',
        });
      throw error;
    }
  }

  async fail(runId: string, error: RunError): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (
        !(await this.runs.transition(manager, runId, [FeeRunStatus.Queued, FeeRunStatus.Running], {
          status: FeeRunStatus.Failed,
          error,
        }))
      )
        return;
      await this.audit.log(
        null,
        'fee_run.failed',
        ['fee_run', runId],
        { code: error.code, claimId: error.claimId ?? null },
        manager,
      );
    });
  }

  private async start(run: FeeRunEntity): Promise<void> {
    if (run.status !== FeeRunStatus.Queued) return;
    await this.dataSource.transaction(async (manager) => {
      if (
        !(await this.runs.transition(manager, run.id, [FeeRunStatus.Queued], {
          status: FeeRunStatus.Running,
          startedAt: this.clock.now(),
        }))
      )
        return;
      await this.audit.log(null, 'fee_run.running', ['fee_run', run.id], {}, manager);
    });
  }

  // The next claim id to continue after, or null when the run is finished (or no longer running).
  private batch(runId: string, after: string): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      const run = await this.runs.lock(manager, runId);
      if (!run || run.status !== FeeRunStatus.Running) return null;
      const claims = await this.runs.pendingClaims(manager, run, after, this.config.env.FEE_RUN_BATCH_SIZE);
      if (claims.length === 0) {
        await this.finish(manager, run);
        return null;
      }
      const lines = claims.map((claim) => this.line(run, claim)).filter((line) => line !== null);
      await this.runs.insertLines(manager, lines);
      // Inside the transaction on purpose: a slowed run (tests) can then be killed in the middle of a batch.
      if (this.config.env.FEE_RUN_BATCH_DELAY_MS > 0) await sleep(this.config.env.FEE_RUN_BATCH_DELAY_MS);
      return claims[claims.length - 1].id;
    });
  }

  // A payee without a bank account on file gets no line: the claim stays approved for a later run.
  private line(run: FeeRunEntity, claim: PendingClaim): NewLine | null {
    const terms = payeeTerms(
      claim.payee === null
        ? null
        : {
            payee: claim.payee,
            declinesFee: !!claim.declinesFee,
            taxPercent: claim.taxPercent,
            taxCardYear: claim.taxCardYear,
          },
      run.taxYear,
    );
    let priced;
    try {
      priced = priceClaim({ ...claim, trips: claim.trips }, terms, run.rates.fees, run.rates.travel);
    } catch (error) {
      if (error instanceof FeeArithmeticError)
        throw new RunFailure({ code: error.code, message: error.message, claimId: claim.id });
      throw error;
    }
    const association = terms.payee === 'association';
    const iban = association ? claim.associationIbanEncrypted : claim.ibanEncrypted;
    if (priced.netPayableCents > 0 && !iban) return null;
    return {
      runId: run.id,
      claimId: claim.id,
      expertId: claim.expertId,
      payeeKind: terms.payee as LinePayee,
      payeeName: association ? claim.associationName! : claim.expertName,
      payeeBusinessId: association ? claim.associationBusinessId : null,
      ibanEncrypted: iban,
      organisationId: claim.organisationId,
      costCentre: claim.costCentre,
      taskType: claim.taskType,
      workDate: claim.workDate,
      incomeType: priced.incomeType,
      feeBasis: priced.feeBasis as FeeBasis,
      rateCents: priced.rateCents,
      quarterHours: priced.quarterHours,
      grossFeeCents: priced.grossFeeCents,
      carTravelCents: priced.carTravelCents,
      costsCents: priced.costsCents,
      // The sum above, by the kinds of the claim's receipts (the payroll export's rows).
      publicTransportCents: claim.publicTransportCents,
      parkingCents: claim.parkingCents,
      otherCostsCents: claim.otherCostsCents,
      travelAndCostsCents: priced.travelAndCostsCents,
      withholdingCents: priced.withholdingCents,
      netCents: priced.netPayableCents,
      // The percentage withheld: the tax card's, or 60 % without one (a line of an association or of a declined fee
      // has none).
      taxPercent: terms.payee === 'expert' ? (terms.taxPercent ?? DEFAULT_TAX_BASIS_POINTS / 100).toFixed(2) : null,
      taxCardMissing: terms.payee === 'expert' && terms.taxPercent === null,
    };
  }

  private async finish(manager: EntityManager, run: FeeRunEntity): Promise<void> {
    await this.runs.finishComputed(manager, run.id, this.clock.now());
    await this.runs.dropRunPayees(manager, run.id);
    await this.audit.log(null, 'fee_run.computed', ['fee_run', run.id], {}, manager);
    await this.runs.analyzeLines(manager);
  }
}
