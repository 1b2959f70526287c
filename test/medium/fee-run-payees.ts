import { Role } from '../../src/common/auth/role.enum';
import { AppConfig } from '../../src/config/app-config';
import { AuditService } from '../../src/modules/audit';
import { FeeRunComputer } from '../../src/modules/fees/fee-runs/fee-run-computer.service';
import { FeeRunsRepository } from '../../src/modules/fees/fee-runs/fee-runs.repository';
import { FeeRunsService } from '../../src/modules/fees/fee-runs/fee-runs.service';
import { createExpert } from '../factories/experts.factory';
import { seedApprovedClaims, setPaymentDetails, settleOpenFeeRuns } from '../factories/fees.factory';
import { createUnit } from '../factories/organisations.factory';
import { createUser, TestUser } from '../factories/users.factory';
import { contextOf, createMediumApp, MediumApp } from './medium-app';

// The clock stands in February 2026: the runs price claims of 2025 for the tax year 2026.
const NOW = '2026-02-02T08:00:00Z';
const CLAIMS = 6;

interface LineRow {
  payee_kind: string;
  payee_name: string;
  tax_percent: string | null;
  tax_card_missing: boolean;
}

// A fee run computes in batches, one transaction each. The payment details an expert changes while a run computes
// (between two of its batches, or while a failed or stopped run waits to resume) must not split the expert's lines
// in that run between two payees or two tax cards: the statement prints the payee and the percentage of the
// expert's lines, and its words must agree with its numbers (PRODUCT.md §7). The change applies from the next run.
describe('fee run payment details (service and database)', () => {
  let m: MediumApp;
  let computer: FeeRunComputer;
  let repo: FeeRunsRepository;
  let service: FeeRunsService;
  let config: AppConfig;
  let coordinator: TestUser;
  let unitId: string;
  let batchSize: number;
  let month = 0;

  beforeAll(async () => {
    m = await createMediumApp();
    m.clock.set(NOW);
    repo = m.get(FeeRunsRepository);
    service = m.get(FeeRunsService);
    config = m.get(AppConfig);
    // The worker's computer (the medium app runs no workers), on the app's own repository, audit and clock.
    computer = new FeeRunComputer(m.db, repo, m.get(AuditService), m.clock, config);
    batchSize = config.env.FEE_RUN_BATCH_SIZE;
    // Batches of two claims: an expert's six claims take three batches.
    config.env.FEE_RUN_BATCH_SIZE = 2;
    coordinator = await createUser(m.db, Role.Coordinator);
    unitId = (await createUnit(m.db)).id;
  });
  afterAll(async () => {
    config.env.FEE_RUN_BATCH_SIZE = batchSize;
    jest.restoreAllMocks();
    await m.close();
  });

  beforeEach(async () => {
    // No open run, and no approved claim of 2025 but this test's.
    await settleOpenFeeRuns(m.db);
    await m.db.query(
      `UPDATE claims SET status = 'submitted', decided_by = NULL, decided_at = NULL WHERE status = 'approved' AND work_date < '2026-01-01'`,
    );
    jest.restoreAllMocks();
  });

  // An expert with a tax card of 12.5 % paid to themselves, and CLAIMS approved claims of theirs in a new month.
  const expertWithClaims = async () => {
    const expert = await createExpert(m.db, { name: 'Maija Mallikas' });
    await setPaymentDetails(m.db, expert.id, { taxPercent: 12.5, taxCardYear: 2026 });
    await seedClaims(expert);
    return expert;
  };
  const seedClaims = (expert: TestUser) => {
    month += 1;
    return seedApprovedClaims(m.db, {
      count: CLAIMS,
      expertIds: [expert.id],
      organisationIds: [unitId],
      createdBy: coordinator.id,
      decidedBy: coordinator.id,
      firstDay: `2025-${String(month).padStart(2, '0')}-01`,
    });
  };
  const startRun = async () => (await service.start(contextOf(coordinator), { upTo: '2025-12-31' })).id;
  const linesOf = (runId: string, expertId: string): Promise<LineRow[]> =>
    m.db.query(
      `SELECT payee_kind, payee_name, tax_percent, tax_card_missing FROM fee_run_lines WHERE run_id = $1 AND expert_id = $2`,
      [runId, expertId],
    );
  const distinct = (lines: LineRow[]) => [
    ...new Set(lines.map((l) => `${l.payee_kind} ${l.payee_name} ${l.tax_percent} ${l.tax_card_missing}`)),
  ];
  const statusOf = async (runId: string) =>
    ((await m.db.query(`SELECT status FROM fee_runs WHERE id = $1`, [runId])) as { status: string }[])[0].status;
  // Runs `between` once, right after the first batch of the run has written its lines (and before it commits).
  const afterFirstBatch = (between: () => void) => {
    const insertLines = repo.insertLines.bind(repo);
    let batches = 0;
    jest.spyOn(repo, 'insertLines').mockImplementation(async (manager, lines) => {
      await insertLines(manager, lines);
      if (++batches === 1) between();
    });
  };

  it('prices all of an expert’s lines in a run with the details the run met first, and a change from the next run', async () => {
    const expert = await expertWithClaims();
    const runId = await startRun();
    // While the first batch is under way the expert changes to an association and a tax card of 30 %: the change
    // commits before the second batch starts.
    let changed: Promise<void> | undefined;
    afterFirstBatch(() => {
      changed = setPaymentDetails(m.db, expert.id, { payee: 'association', taxPercent: 30, taxCardYear: 2026 });
    });
    await computer.compute(runId, false);
    await changed;
    expect(await statusOf(runId)).toBe('computed');
    const lines = await linesOf(runId, expert.id);
    expect(lines).toHaveLength(CLAIMS);
    expect(distinct(lines)).toEqual(['expert Maija Mallikas 12.50 false']);
    // The run's copy of the details goes with the run computed.
    expect(await m.db.query(`SELECT 1 FROM fee_run_payees WHERE run_id = $1`, [runId])).toEqual([]);

    // The next run pays the association.
    await settleOpenFeeRuns(m.db);
    await seedClaims(expert);
    jest.restoreAllMocks();
    const next = await startRun();
    await computer.compute(next, false);
    expect(distinct(await linesOf(next, expert.id))).toEqual(['association Mielenterveysyhdistys Vaasa ry null false']);
  });

  it('resumes a stopped run with the details it used before it stopped', async () => {
    const expert = await expertWithClaims();
    const runId = await startRun();
    const stop = new AbortController();
    afterFirstBatch(() => stop.abort(new Error('worker stopping')));
    await expect(computer.compute(runId, false, stop.signal)).rejects.toThrow('worker stopping');
    expect(await statusOf(runId)).toBe('running');
    expect(await linesOf(runId, expert.id)).toHaveLength(2);
    // The run keeps one copy of the details per expert, whatever executions it takes.
    const second = await m.db
      .query(`INSERT INTO fee_run_payees (run_id, expert_id) VALUES ($1, $2)`, [runId, expert.id])
      .then(
        () => 'inserted',
        (error: Error) => error.message,
      );

    // Stopped between two batches: the expert's tax card goes and a different account comes in.
    await setPaymentDetails(m.db, expert.id, { taxPercent: null, iban: 'FI4950009420028730' });
    jest.restoreAllMocks();
    await computer.compute(runId, false);
    expect(await statusOf(runId)).toBe('computed');
    const lines = await linesOf(runId, expert.id);
    expect(lines).toHaveLength(CLAIMS);
    expect(distinct(lines)).toEqual(['expert Maija Mallikas 12.50 false']);
    const [{ ibans }] = await m.db.query(
      `SELECT count(DISTINCT iban_encrypted)::int AS ibans FROM fee_run_lines WHERE run_id = $1 AND expert_id = $2`,
      [runId, expert.id],
    );
    expect(ibans).toBe(1);
    expect(second).toMatch(/duplicate key/);
  });
});
