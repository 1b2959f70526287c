import { createHash, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Role } from '../../../src/common/auth/role.enum';
import { Language } from '../../../src/common/i18n/language';
import { JobName, QueueName } from '../../../src/common/jobs/job-names';
import { JobQueue } from '../../../src/common/jobs/job-queue.service';
import { AppConfig } from '../../../src/config/app-config';
import { parseEnv } from '../../../src/config/env.schema';
import { ExpertStatus } from '../../../src/modules/experts/entities/expert.entity';
import { InactiveExpertsJob } from '../../../src/modules/experts/retention/inactive-experts.job';
import { FeeRunFileRetentionJob } from '../../../src/modules/fees/fee-runs/fee-run-file-retention.job';
import { draftedAssignment } from '../../factories/contracts.factory';
import { createExpert } from '../../factories/experts.factory';
import {
  addCost,
  createClaim,
  createFinishedAssignment,
  setPaymentDetails,
  settleOpenFeeRuns,
} from '../../factories/fees.factory';
import { createUnit } from '../../factories/organisations.factory';
import { createUser, login, TestUser } from '../../factories/users.factory';
import { KEPT_AFTER_ERASURE, scanForPerson } from '../../utils/personal-data-scan';
import { createTestApp, TestApp } from '../../utils/test-app';
import { TEST_DATABASE_URL } from '../../utils/test-env';

// The daily privacy jobs, called as the worker calls them, with the clock moved. The experts here are made
// old by backdating their own rows, and the clock stays within weeks of today: experts of other specs, created
// today, are never inactive for these runs, so each test sees only its own data move.
describe('anonymisation of inactive experts', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let unitId: string;
  let job: InactiveExpertsJob;
  const today = new Date();
  const helsinki = (at: Date) => DateTime.fromJSDate(at, { zone: 'Europe/Helsinki' });
  // Last active 24 months and 40 days ago: the notice was due 70 days ago, the anonymisation 30 days after it.
  const lastActive = helsinki(today).minus({ months: 24, days: 40 });
  const noticeDue = lastActive.plus({ months: 24, days: -30 }).toJSDate();

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await createUser(t.db, Role.Coordinator);
    unitId = (await createUnit(t.db)).id;
    job = t.app.get(InactiveExpertsJob);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  // Everything the expert did, long ago.
  async function backdate(expertId: string, at = lastActive.toJSDate()): Promise<void> {
    await t.db.query(`UPDATE users SET created_at = $2, last_login_at = $2 WHERE id = $1`, [expertId, at]);
    await t.db.query(`UPDATE experts SET activated_at = $2 WHERE user_id = $1`, [expertId, at]);
  }

  async function oldWork(expertId: string, status: 'completed' | 'accepted' = 'completed'): Promise<string> {
    const startsAt = lastActive.minus({ days: 3 });
    return createFinishedAssignment(t.db, expertId, {
      organisationId: unitId,
      createdBy: coordinator.id,
      startsAt: startsAt.toUTC().toISO()!,
      endsAt: startsAt.plus({ hours: 2 }).toUTC().toISO()!,
      status,
    });
  }

  // An exported run paying one claim of the expert's old work, with its payroll file and the expert's statement.
  async function paidLongAgo(
    expertId: string,
    name: string,
  ): Promise<{ claimId: string; runId: string; lineId: string }> {
    const assignmentId = await oldWork(expertId);
    const workDate = lastActive.minus({ days: 3 }).toISODate()!;
    const paymentDay = lastActive.minus({ days: 1 });
    const paidAt = paymentDay.toJSDate();
    const claimId = await createClaim(t.db, expertId, assignmentId, {
      workDate,
      decidedBy: coordinator.id,
      decidedAt: lastActive.minus({ days: 2 }).toISO()!,
    });
    await t.db.query(`UPDATE claims SET submitted_at = $2, first_submitted_at = $2 WHERE id = $1`, [
      claimId,
      lastActive.minus({ days: 2 }).toJSDate(),
    ]);
    const [run] = await t.db.query(
      `INSERT INTO fee_runs (up_to, status, rates, cutoff_at, payment_date, tax_year, created_by, approved_by, approved_at, exported_at, line_count)
       VALUES ($1, 'exported', '{"fees":[],"travel":[]}', $2, $3, $4, $5, $5, $2, $2, 1) RETURNING id`,
      [workDate, paidAt, paymentDay.toISODate(), paymentDay.year, coordinator.id],
    );
    const [line] = await t.db.query(
      `INSERT INTO fee_run_lines (run_id, claim_id, expert_id, payee_kind, payee_name, iban_encrypted, organisation_id, cost_centre, task_type, work_date,
                                  income_type, fee_basis, rate_cents, quarter_hours, gross_fee_cents, car_travel_cents, costs_cents, travel_and_costs_cents,
                                  withholding_cents, net_cents, tax_percent)
       VALUES ($1, $2, $3, 'expert', $4, 'k1:ciphertext-of-the-iban', $5, 'CC-TEST', 'working_group', $6, '210', 'hourly', 2500, 10, 6250, 0, 0, 0, 781, 5469, 12.5)
       RETURNING id`,
      [run.id, claimId, expertId, name, unitId, workDate],
    );
    await t.db.query(`UPDATE claims SET status = 'paid', paid_run_id = $2, paid_at = $3 WHERE id = $1`, [
      claimId,
      run.id,
      paidAt,
    ]);
    for (const [kind, owner] of [
      ['payroll_csv', null],
      ['statement', expertId],
    ] as const) {
      const bytes = Buffer.from(`${kind} of ${name}`);
      await t.db.query(
        `INSERT INTO fee_run_files (run_id, kind, expert_id, language, file_name, media_type, encrypted, sha256, size_bytes, bytes)
         VALUES ($1, $2, $3, NULL, $4, 'application/octet-stream', false, $5, $6, $7)`,
        [run.id, kind, owner, `${kind}.bin`, createHash('sha256').update(bytes).digest('hex'), bytes.length, bytes],
      );
    }
    return { claimId, runId: run.id, lineId: line.id };
  }

  const expertRow = async (id: string) =>
    (
      await t.db.query(
        `SELECT e.status, e.inactivity_notice_at AS "noticeAt", u.name, u.email, u.updated_at AS "userUpdatedAt" FROM experts e JOIN users u ON u.id = e.user_id WHERE e.user_id = $1`,
        [id],
      )
    )[0];
  const auditActions = async (id: string) =>
    (await t.db.query(
      `SELECT action, actor_id AS "actorId", details FROM audit_events WHERE entity_id = $1 AND action LIKE 'expert.%' ORDER BY occurred_at, id`,
      [id],
    )) as {
      action: string;
      actorId: string | null;
      details: Record<string, unknown>;
    }[];
  const mailsTo = (email: string) => t.mail.sent.filter((m) => m.to === email);

  // What the expert wrote of themselves, what an orderer wrote of their work, and a receipt of their paid claim.
  async function ownWords(expertId: string, claimId: string) {
    const costId = await addCost(t.db, claimId, expertId, { amountCents: 480 });
    const then = lastActive.minus({ days: 2 }).toJSDate();
    await t.db.query(
      `UPDATE claim_costs SET description = 'Taksi, en jaksanut kävellä', created_at = $2 WHERE id = $1`,
      [costId, then],
    );
    await t.db.query(`UPDATE claims SET note = 'Migreeni, tein osan kotoa' WHERE id = $1`, [claimId]);
    const [{ requestId, assignmentId }] = await t.db.query(
      `SELECT request_id AS "requestId", id AS "assignmentId" FROM assignments WHERE id = (SELECT assignment_id FROM claims WHERE id = $1)`,
      [claimId],
    );
    await t.db.query(
      `INSERT INTO assignment_feedback (assignment_id, author, author_id, rating, comment, created_at)
       VALUES ($1, 'orderer', $2, 5, 'Kertoi avoimesti masennuksestaan', $3)`,
      [assignmentId, coordinator.id, then],
    );
    const [offer] = await t.db.query(
      `INSERT INTO offers (request_id, expert_id, status, deadline, offered_by, offered_at, answered_at, decline_reason)
       VALUES ($1, $2, 'declined', $4, $3, $4, $4, 'Sairaalajakso') RETURNING id`,
      [requestId, expertId, coordinator.id, then],
    );
    const cancelled = async (party: string, reason: string) =>
      (
        await t.db.query(
          `INSERT INTO assignments (request_id, expert_id, status, starts_at, ends_at, cancelled_at, cancelled_by_party, cancel_reason)
           SELECT request_id, expert_id, 'cancelled', starts_at, ends_at, $4, $2, $3 FROM assignments WHERE id = $1 RETURNING id`,
          [assignmentId, party, reason, then],
        )
      )[0].id as string;
    return {
      costId,
      claimId,
      assignmentId,
      offerId: offer.id as string,
      withdrawnId: await cancelled('expert', 'Voimat eivät riittäneet'),
      countyCancelledId: await cancelled('county', 'Tila varattiin muuhun'),
    };
  }
  const wordsLeft = async (w: Awaited<ReturnType<typeof ownWords>>) => {
    const one = async (sql: string, id: string) => Object.values((await t.db.query(sql, [id]))[0])[0];
    return {
      receipt: await t.db.query(
        `SELECT c.amount_cents AS amount, c.description, count(f.id)::int AS file
           FROM claim_costs c LEFT JOIN stored_files f ON f.id = c.receipt_file_id WHERE c.id = $1 GROUP BY c.id`,
        [w.costId],
      ),
      declineReason: await one(`SELECT decline_reason FROM offers WHERE id = $1`, w.offerId),
      withdrawalReason: await one(`SELECT cancel_reason FROM assignments WHERE id = $1`, w.withdrawnId),
      countyReason: await one(`SELECT cancel_reason FROM assignments WHERE id = $1`, w.countyCancelledId),
      note: await one(`SELECT note FROM claims WHERE id = $1`, w.claimId),
      comment: await one(`SELECT comment FROM assignment_feedback WHERE assignment_id = $1`, w.assignmentId),
    };
  };

  it('mails a notice in the expert’s language, then anonymises them and keeps the money records', async () => {
    const expert = await createExpert(t.db, { name: 'Siv Sällsynt', language: Language.Sv });
    await setPaymentDetails(t.db, expert.id);
    const paid = await paidLongAgo(expert.id, 'Siv Sällsynt');
    const words = await ownWords(expert.id, paid.claimId);
    await backdate(expert.id);

    // A day before the notice is due: nothing.
    t.clock.set(helsinki(noticeDue).minus({ days: 1 }).toJSDate());
    await job.sweep();
    expect((await expertRow(expert.id)).noticeAt).toBeNull();

    t.clock.set(noticeDue);
    await job.sweep();
    const notice = await t.mail.waitFor((m) => m.to === expert.email);
    const anonymiseOn = helsinki(noticeDue).plus({ days: 30 }).toFormat('d.M.yyyy');
    // What to do and by when, in plain words: the subject may be all a person reads.
    expect(notice.subject).toBe(`Logga in i Kokemus före den ${anonymiseOn} om du vill behålla ditt konto`);
    expect(notice.text).toContain(`Dina personuppgifter anonymiseras den ${anonymiseOn}.`);
    expect(notice.text).toContain('http://kokemus.test');
    expect((await expertRow(expert.id)).noticeAt).toEqual(noticeDue);

    // The same day again, and after the period but before the notice's 30 days: no second notice, no erasure.
    await job.sweep();
    t.clock.set(helsinki(noticeDue).plus({ days: 29 }).toJSDate());
    await job.sweep();
    expect(await expertRow(expert.id)).toMatchObject({
      status: ExpertStatus.Active,
      name: 'Siv Sällsynt',
      noticeAt: noticeDue,
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo(expert.email)).toHaveLength(1);

    t.clock.set(helsinki(noticeDue).plus({ days: 30 }).toJSDate());
    await job.sweep();
    const after = await expertRow(expert.id);
    expect(after).toMatchObject({ status: ExpertStatus.Anonymised, name: 'Anonymised expert', noticeAt: null });
    expect(after.email).not.toContain('example.test');
    expect(await t.db.query(`SELECT 1 FROM expert_payment_details WHERE expert_id = $1`, [expert.id])).toEqual([]);
    expect((await auditActions(expert.id)).map((a) => [a.action, a.actorId])).toEqual([
      ['expert.inactivity_noticed', null],
      ['expert.anonymised', null],
    ]);

    // The money stays: the claim paid, the line with its amounts, income type and run; the person goes.
    const [claim] = await t.db.query(
      `SELECT status, paid_run_id AS "runId", worked_minutes AS minutes FROM claims WHERE id = $1`,
      [paid.claimId],
    );
    expect(claim).toEqual({ status: 'paid', runId: paid.runId, minutes: 120 });
    const [line] = await t.db.query(`SELECT * FROM fee_run_lines WHERE id = $1`, [paid.lineId]);
    expect(line).toMatchObject({
      run_id: paid.runId,
      claim_id: paid.claimId,
      expert_id: expert.id,
      income_type: '210',
      gross_fee_cents: 6250,
      withholding_cents: 781,
      net_cents: 5469,
      tax_percent: '12.50',
      payee_name: 'Anonymised expert',
      iban_encrypted: null,
    });
    const files = await t.db.query(`SELECT kind FROM fee_run_files WHERE run_id = $1 ORDER BY kind`, [paid.runId]);
    expect(files).toEqual([{ kind: 'payroll_csv' }]);
    // The receipt stays as the voucher of the cost; the words the expert and the orderer wrote go.
    await expect(wordsLeft(words)).resolves.toEqual({
      receipt: [{ amount: 480, description: '', file: 1 }],
      declineReason: null,
      withdrawalReason: null,
      countyReason: 'Tila varattiin muuhun',
      note: '',
      comment: '',
    });

    // Nothing else of her is left anywhere.
    expect(
      await scanForPerson((sql, params) => t.db.query(sql, params), ['Sällsynt', expert.email], KEPT_AFTER_ERASURE),
    ).toEqual([]);

    // A rerun, even much later, changes nothing.
    const before = await expertRow(expert.id);
    t.clock.set(helsinki(noticeDue).plus({ days: 45 }).toJSDate());
    await job.sweep();
    expect(await expertRow(expert.id)).toEqual(before);
    expect(await auditActions(expert.id)).toHaveLength(2);
  });

  it('leaves alone the expert who signed in, and everyone with work or a contract still open; retired experts go too', async () => {
    const recent = await createExpert(t.db);
    await backdate(recent.id);
    await t.db.query(`UPDATE users SET last_login_at = $2 WHERE id = $1`, [
      recent.id,
      helsinki(today).minus({ months: 3 }).toJSDate(),
    ]);

    const booked = await createExpert(t.db);
    await oldWork(booked.id, 'accepted');
    await backdate(booked.id);

    const claiming = await createExpert(t.db);
    const assignmentId = await oldWork(claiming.id);
    await createClaim(t.db, claiming.id, assignmentId, {
      status: 'submitted',
      workDate: lastActive.minus({ days: 3 }).toISODate()!,
    });
    await t.db.query(`UPDATE claims SET submitted_at = $2, first_submitted_at = $2 WHERE expert_id = $1`, [
      claiming.id,
      lastActive.toJSDate(),
    ]);
    await backdate(claiming.id);

    const offered = await createExpert(t.db);
    const [request] = await t.db.query(`SELECT request_id FROM assignments WHERE id = $1`, [await oldWork(offered.id)]);
    await t.db.query(`DELETE FROM assignments WHERE expert_id = $1`, [offered.id]);
    await t.db.query(
      `INSERT INTO offers (request_id, expert_id, deadline, offered_by, offered_at) VALUES ($1, $2, $3, $4, $3)`,
      [request.request_id, offered.id, lastActive.toJSDate(), coordinator.id],
    );
    await backdate(offered.id);

    // A contract awaiting signature over work done long ago: its ending names who ended it, the coordinator.
    const unsigned = await createExpert(t.db);
    const oldStart = lastActive.minus({ days: 3 });
    await draftedAssignment(t, {
      expertId: unsigned.id,
      organisationId: unitId,
      createdBy: coordinator.id,
      startsAt: oldStart.toUTC().toISO()!,
      endsAt: oldStart.plus({ hours: 2 }).toUTC().toISO()!,
      status: 'completed',
    });
    await backdate(unsigned.id);

    const retired = await createExpert(t.db, { status: ExpertStatus.Retired });
    await backdate(retired.id);

    t.clock.set(noticeDue);
    await job.sweep();
    t.clock.set(helsinki(noticeDue).plus({ days: 31 }).toJSDate());
    await job.sweep();

    expect(await expertRow(retired.id)).toMatchObject({ status: ExpertStatus.Anonymised, name: 'Anonymised expert' });
    for (const kept of [recent, booked, claiming, offered, unsigned]) {
      expect(await expertRow(kept.id)).toMatchObject({
        status: ExpertStatus.Active,
        name: 'Test Expert',
        noticeAt: null,
      });
      expect(await auditActions(kept.id)).toEqual([]);
      expect(mailsTo(kept.email)).toEqual([]);
    }
  });

  it('forgets the notice when the expert signs in after it', async () => {
    const expert = await createExpert(t.db, { language: Language.En });
    await backdate(expert.id);
    t.clock.set(noticeDue);
    await job.sweep();
    const notice = await t.mail.waitFor((m) => m.to === expert.email);
    // An English date, as the English documents write it.
    const anonymiseOn = helsinki(noticeDue).plus({ days: 30 }).setLocale('en-GB').toFormat('d MMMM yyyy');
    expect(notice.subject).toBe(`Sign in to Kokemus before ${anonymiseOn} to keep your account`);
    expect(notice.text).toContain(`Your personal data will be anonymised on ${anonymiseOn}.`);

    t.clock.set(helsinki(noticeDue).plus({ days: 5 }).toJSDate());
    await login(t.http, expert);
    t.clock.set(helsinki(noticeDue).plus({ days: 40 }).toJSDate());
    await job.sweep();
    expect(await expertRow(expert.id)).toMatchObject({ status: ExpertStatus.Active, name: 'Test Expert' });
    expect((await auditActions(expert.id)).map((a) => a.action)).toEqual(['expert.inactivity_noticed']);
  });

  it('clears the person from lines paid after the coordinator anonymised the expert', async () => {
    const expert = await createExpert(t.db, { name: 'Aino Ajoissa' });
    const paid = await paidLongAgo(expert.id, 'Aino Ajoissa');
    // Anonymised while the run was still open: the line kept its name and IBAN for the payment.
    await settleOpenFeeRuns(t.db);
    await t.db.query(`UPDATE fee_runs SET status = 'approved', exported_at = NULL WHERE id = $1`, [paid.runId]);
    const token = await login(t.http, coordinator);
    await t.http
      .post(`/experts/${expert.id}/anonymise`)
      .set('authorization', `Bearer ${token}`)
      .send({ reason: 'Erasure requested' })
      .expect(200);
    expect(
      (await t.db.query(`SELECT payee_name, iban_encrypted FROM fee_run_lines WHERE id = $1`, [paid.lineId]))[0],
    ).toEqual({
      payee_name: 'Aino Ajoissa',
      iban_encrypted: 'k1:ciphertext-of-the-iban',
    });
    await t.db.query(`UPDATE fee_runs SET status = 'exported', exported_at = now() WHERE id = $1`, [paid.runId]);

    await job.sweep();
    expect(
      (await t.db.query(`SELECT payee_name, iban_encrypted FROM fee_run_lines WHERE id = $1`, [paid.lineId]))[0],
    ).toEqual({
      payee_name: 'Anonymised expert',
      iban_encrypted: null,
    });
    expect(await t.db.query(`SELECT kind FROM fee_run_files WHERE run_id = $1`, [paid.runId])).toEqual([
      { kind: 'payroll_csv' },
    ]);
  });

  it('is scheduled once a day at 03:00 county time under one id, on Redis', async () => {
    const scheduler = await t.app.get(JobQueue).queue(QueueName.Privacy).getJobScheduler(JobName.SweepInactiveExperts);
    expect(scheduler).toMatchObject({ pattern: '0 3 * * *', tz: 'Europe/Helsinki' });
  });

  it('is scheduled the same way on the PostgreSQL queues of the embedded mode', async () => {
    const parsed = parseEnv({
      ...process.env,
      REDIS_URL: '',
      KOKEMUS_EMBEDDED: 'true',
      DATABASE_URL: TEST_DATABASE_URL,
    });
    if (!parsed.ok) throw new Error(parsed.message);
    const queue = new JobQueue(new AppConfig(parsed.env));
    try {
      await queue.daily(JobName.SweepInactiveExperts, {}, 3);
      await queue.daily(JobName.SweepInactiveExperts, {}, 3);
      const scheduler = await queue.queue(QueueName.Privacy).getJobScheduler(JobName.SweepInactiveExperts);
      expect(scheduler).toMatchObject({ pattern: '0 3 * * *', tz: 'Europe/Helsinki' });
      const delayed = await queue.queue(QueueName.Privacy).getJobs(['delayed']);
      expect(delayed.map((j) => j.id)).toEqual([expect.stringMatching(/^repeat:sweep-inactive-experts:\d+$/)]);
    } finally {
      await queue.onApplicationShutdown();
      // The backend made its schema in the test database; nothing else here uses it.
      await t.db.query('DROP SCHEMA IF EXISTS bullmq CASCADE');
    }
  });
});

describe('retention of payroll files', () => {
  let t: TestApp;
  let coordinatorId: string;

  beforeAll(async () => {
    t = await createTestApp();
    coordinatorId = (await createUser(t.db, Role.Coordinator)).id;
  });
  afterAll(() => t.close());

  async function exportedRun(exportedAt: string): Promise<string> {
    const [run] = await t.db.query(
      `INSERT INTO fee_runs (up_to, status, rates, cutoff_at, payment_date, tax_year, created_by, approved_by, approved_at, exported_at)
       VALUES ($1::timestamptz::date, 'exported', '{"fees":[],"travel":[]}', $1, $1::timestamptz::date,
               EXTRACT(YEAR FROM $1::timestamptz::date), $2, $2, $1, $1) RETURNING id`,
      [exportedAt, coordinatorId],
    );
    for (const kind of ['payroll_csv', 'cost_centre_summary']) {
      await t.db.query(
        `INSERT INTO fee_run_files (run_id, kind, file_name, media_type, encrypted, sha256, size_bytes, bytes)
         VALUES ($1, $2, $3, 'text/csv', false, $4, 1, '\\x41')`,
        [run.id, kind, `${kind}-${randomUUID()}.csv`, 'a'.repeat(64)],
      );
    }
    return run.id as string;
  }

  it('keeps a payroll file six years from the end of its year, then deletes it and keeps the rest', async () => {
    const old = await exportedRun('2019-12-31T12:00:00Z');
    const kept = await exportedRun('2020-01-01T12:00:00Z');
    const purge = t.app.get(FeeRunFileRetentionJob);

    t.clock.set('2026-12-31T20:00:00Z');
    await purge.purge();
    expect(await t.db.query(`SELECT kind FROM fee_run_files WHERE run_id = $1 ORDER BY kind`, [old])).toEqual([
      { kind: 'cost_centre_summary' },
    ]);
    expect(await t.db.query(`SELECT kind FROM fee_run_files WHERE run_id = $1 ORDER BY kind`, [kept])).toEqual([
      { kind: 'payroll_csv' },
      { kind: 'cost_centre_summary' },
    ]);
    const audit = await t.db.query(
      `SELECT actor_id AS "actorId", details FROM audit_events WHERE entity_id = $1 AND action = 'fee_run.files_purged'`,
      [old],
    );
    expect(audit).toEqual([{ actorId: null, details: { files: 1, retentionYears: 6 } }]);

    // 1 January 2027 in Helsinki: the 2020 file's six years are over.
    t.clock.set('2026-12-31T22:00:00Z');
    await purge.purge();
    expect(await t.db.query(`SELECT kind FROM fee_run_files WHERE run_id = $1`, [kept])).toEqual([
      { kind: 'cost_centre_summary' },
    ]);
    await purge.purge();
    expect(
      await t.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = ANY($1) AND action = 'fee_run.files_purged'`,
        [[old, kept]],
      ),
    ).toEqual([{ n: 2 }]);
  });
});
