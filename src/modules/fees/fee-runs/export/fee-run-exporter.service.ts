import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../../../common/clock/clock.service';
import { FieldCipher } from '../../../../common/crypto/field-cipher';
import { AppConfig } from '../../../../config/app-config';
import { Language } from '../../../../common/i18n/language';
import { AuditService } from '../../../audit';
import { cipherContext } from '../../../experts/entities/payment-details.entity';
import { costCentreSummaryCsv } from './cost-centre-summary.util';
import { FeeRunEntity, FeeRunStatus } from '../../entities/fee-run.entity';
import { FeeRunFileKind } from '../../entities/fee-run-file.entity';
import { ExportLine, FeeRunsRepository } from '../fee-runs.repository';
import { payrollHeader, payrollLines } from './payroll-csv.util';
import { StatementDocument, StatementTaskType } from './statement-document';
import { StatementRenderPool } from './statement-render.pool';
import { serial } from './serial.util';

const BATCH = 500;
// Statements are most of an export's work: one thread renders beside the exporting one (see the pool).
const RENDER_THREADS = 1;
const IN_FLIGHT = 4;
const BEFORE_ALL_IDS = '00000000-0000-0000-0000-000000000000';
export const PAYROLL_CONTEXT = (runId: string) => `fee-run:${runId}:payroll`;
export const runReference = (runId: string) => runId.slice(0, 8);

const STATEMENT_NAME: Record<Language, string> = {
  fi: 'palkkioerittely',
  sv: 'arvodesspecifikation',
  en: 'fee-statement',
};

// The export of an approved run, in ONE transaction: the payroll CSV, the summary per cost centre, a
// statement per payee, the run exported and every one of its claims paid. It commits whole or not at
// all; a retried export finds the run exported and stops. The trigger on claims refuses a second payment.
@Injectable()
export class FeeRunExporter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: FeeRunsRepository,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  // When the signal aborts (the worker is stopping), the export stops at the next statement and its
  // transaction rolls back: a later execution exports the run whole.
  async export(runId: string, signal?: AbortSignal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const run = await this.runs.lock(manager, runId);
      if (!run || run.status !== FeeRunStatus.Approved || !run.exportRequestedAt) return;
      const exportedAt = this.clock.now();
      const payroll = await this.linesAndStatements(manager, run, exportedAt, signal);
      signal?.throwIfAborted();
      await this.store(
        manager,
        run,
        FeeRunFileKind.PayrollCsv,
        null,
        null,
        `payroll-${runReference(run.id)}.csv`,
        'text/csv; charset=utf-8',
        payroll,
        true,
      );
      payroll.length = 0;
      const summary = costCentreSummaryCsv(await this.runs.costCentreTotals(run.id, manager));
      await this.store(
        manager,
        run,
        FeeRunFileKind.CostCentreSummary,
        null,
        null,
        `cost-centres-${runReference(run.id)}.csv`,
        'text/csv; charset=utf-8',
        [Buffer.from(summary, 'utf8')],
        false,
      );
      await this.markPaid(manager, run, exportedAt);
      // The IBAN copies were there for this export only: paid, the lines keep the money and the payroll file
      // (encrypted, the voucher) keeps the accounts.
      await this.runs.clearLineIbans(manager, run.id);
      await this.runs.transition(manager, run.id, [FeeRunStatus.Approved], {
        status: FeeRunStatus.Exported,
        exportedAt,
        error: null,
      });
      await this.audit.log(
        { actorId: run.exportRequestedBy },
        'fee_run.exported',
        ['fee_run', run.id],
        { lines: run.lineCount },
        manager,
      );
    });
  }

  // Streams the run's lines once: each becomes a payroll row, and each expert's lines a statement, rendered
  // by the pool and stored as soon as it is ready, a few at a time. Only the CSV is kept whole (in chunks).
  private async linesAndStatements(
    manager: EntityManager,
    run: FeeRunEntity,
    exportedAt: Date,
    signal?: AbortSignal,
  ): Promise<Buffer[]> {
    const pool = new StatementRenderPool(RENDER_THREADS);
    const db = serial();
    const inFlight = new Set<Promise<void>>();
    let failure: unknown = null;
    const submit = (lines: ExportLine[]) => {
      const task: Promise<void> = this.renderStatement(pool, run, lines, exportedAt)
        .then(({ name, language, bytes }) =>
          db(() =>
            this.store(
              manager,
              run,
              FeeRunFileKind.Statement,
              lines[0].expertId,
              language,
              name,
              'application/pdf',
              [bytes],
              false,
            ),
          ),
        )
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
    };
    try {
      const csv: Buffer[] = [Buffer.from(payrollHeader(), 'utf8')];
      const ibans = new Map<string, string>();
      let group: ExportLine[] = [];
      let after = { expertId: BEFORE_ALL_IDS, lineId: BEFORE_ALL_IDS };
      for (;;) {
        const rows = await db(() => this.runs.exportLines(manager, run.id, after, BATCH));
        let text = '';
        for (const row of rows) {
          text += payrollLines({ ...row, runId: run.id, paymentDate: run.paymentDate, iban: this.iban(row, ibans) });
          if (group.length > 0 && group[0].expertId !== row.expertId) {
            submit(group);
            group = [];
            // A few statements at a time: many small ones must not pile up in memory.
            while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
            if (failure) throw failure;
            // Tests slow an export down with it, to stop a worker in the middle of one.
            if (this.config.env.FEE_RUN_BATCH_DELAY_MS > 0) await sleep(this.config.env.FEE_RUN_BATCH_DELAY_MS);
            signal?.throwIfAborted();
          }
          group.push(row);
        }
        csv.push(Buffer.from(text, 'utf8'));
        if (rows.length < BATCH) break;
        after = rows[rows.length - 1];
      }
      if (group.length > 0) submit(group);
      await Promise.all(inFlight);
      if (failure) throw failure;
      return csv;
    } finally {
      // Nothing may still write on the transaction once it ends, whichever way.
      await Promise.all(inFlight);
      await pool.close();
    }
  }

  // Decrypted here and nowhere else; each ciphertext once per export.
  private iban(row: ExportLine, cache: Map<string, string>): string | null {
    if (!row.ibanEncrypted) return null;
    let clear = cache.get(row.ibanEncrypted);
    if (clear === undefined) {
      const field = row.payeeKind === 'association' ? 'association_iban' : 'iban';
      clear = this.cipher.decrypt(row.ibanEncrypted, cipherContext(row.expertId, field));
      cache.set(row.ibanEncrypted, clear);
    }
    return clear;
  }

  private async renderStatement(
    pool: StatementRenderPool,
    run: FeeRunEntity,
    lines: ExportLine[],
    exportedAt: Date,
  ): Promise<{ name: string; language: Language; bytes: Buffer }> {
    const first = lines[0];
    const doc: StatementDocument = {
      language: first.language,
      runReference: runReference(run.id),
      issuedAt: exportedAt.toISOString(),
      paymentDate: run.paymentDate,
      expertName: first.expertName,
      payee: { kind: first.payeeKind, name: first.payeeName, businessId: first.payeeBusinessId },
      // Without a tax card the statement says so (null), rather than "by tax card 60 %".
      taxPercent: first.taxCardMissing ? null : first.taxPercent,
      lines: [...lines]
        .sort((a, b) => a.workDate.localeCompare(b.workDate) || a.lineId.localeCompare(b.lineId))
        .map((l) => ({
          workDate: l.workDate,
          title: l.title,
          taskType: l.taskType as StatementTaskType,
          incomeType: l.incomeType,
          quarterHours: l.quarterHours,
          grossFeeCents: l.grossFeeCents,
          travelAndCostsCents: l.travelAndCostsCents,
          withholdingCents: l.withholdingCents,
          netCents: l.netCents,
        })),
    };
    const name = `${STATEMENT_NAME[first.language]}-${runReference(run.id)}-${first.expertId.slice(0, 8)}.pdf`;
    return { name, language: first.language, bytes: await pool.render(doc) };
  }

  // The payroll file holds clear IBANs, so it rests encrypted like they do; its hash is of the clear bytes.
  // The file arrives in chunks and is never joined in the clear.
  private async store(
    manager: EntityManager,
    run: FeeRunEntity,
    kind: FeeRunFileKind,
    expertId: string | null,
    language: Language | null,
    fileName: string,
    mediaType: string,
    chunks: Buffer[],
    encrypted: boolean,
  ): Promise<void> {
    const hash = createHash('sha256');
    for (const chunk of chunks) hash.update(chunk);
    const sizeBytes = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const bytes = encrypted
      ? this.cipher.encryptBytes(chunks, PAYROLL_CONTEXT(run.id))
      : chunks.length === 1
        ? chunks[0]
        : Buffer.concat(chunks);
    await this.runs.insertFile(manager, {
      runId: run.id,
      kind,
      expertId,
      language,
      fileName,
      mediaType,
      encrypted,
      sha256: hash.digest('hex'),
      sizeBytes,
      bytes,
    });
  }

  // Every claim on the run's lines, and only those, becomes paid; if any was not approved any more the
  // count differs and the whole export rolls back.
  private async markPaid(manager: EntityManager, run: FeeRunEntity, paidAt: Date): Promise<void> {
    const paid = await this.runs.markClaimsPaid(manager, run.id, paidAt);
    if (paid !== run.lineCount)
      throw new Error(`Fee run ${run.id}: ${paid} of ${run.lineCount} claims could be marked paid`);
    await this.runs.auditClaimsPaid(manager, run.id, run.exportRequestedBy);
  }
}
