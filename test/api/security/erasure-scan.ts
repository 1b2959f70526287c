import { createHash, randomInt } from 'node:crypto';
import { Role } from '../../../src/common/auth/role.enum';
import { PasswordResetService } from '../../../src/modules/auth/password-reset.service';
import { RequestStatus } from '../../../src/modules/booking/entities/booking-request.entity';
import { CredentialStatus } from '../../../src/modules/credentials/entities/training-credential.entity';
import { createBookableExpert } from '../../factories/bookable.factory';
import { createAssignment, createRequest } from '../../factories/booking.factory';
import { draftedAssignment } from '../../factories/contracts.factory';
import { createCredential } from '../../factories/credentials.factory';
import { addCost, createClaim, createFinishedAssignment, IBANS } from '../../factories/fees.factory';
import { uniqueIdentityCode } from '../../factories/identity-code.factory';
import { createOrdererOfUnit } from '../../factories/organisations.factory';
import { loggedIn, login } from '../../factories/users.factory';
import { asUser } from '../../utils/as-user';
import { KEPT_AFTER_ERASURE, scanForPerson } from '../../utils/personal-data-scan';
import { createTestApp, TestApp } from '../../utils/test-app';

// PRODUCT.md §6: an erased expert leaves no name, e-mail address, phone or identity code behind anywhere but in the
// records kept on purpose (KEPT_AFTER_ERASURE). The expert is given a whole history first, over the API where it is made
// there; the workers are off, so the mail their history causes is still in the outbox when they are erased.
describe('erasure leaves nothing of the expert behind', () => {
  let t: TestApp;
  const as = asUser(() => t.http);

  beforeAll(async () => {
    t = await createTestApp({ runWorkers: false });
  });
  afterAll(() => t.close());

  it('finds a name in a column it has never heard of', async () => {
    const runner = t.db.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(`CREATE TABLE erasure_scan_canary (id int, words varchar(100), file bytea)`);
      await runner.query(
        `INSERT INTO erasure_scan_canary VALUES (1, 'Terveisin SÄLLSYNT Kanari', convert_to('Sällsynt Kanari', 'UTF8'))`,
      );
      const query = (sql: string, params?: unknown[]) => runner.query(sql, params);
      expect(await scanForPerson(query, ['Sällsynt Kanari'])).toEqual([
        'erasure_scan_canary.file: Sällsynt Kanari',
        'erasure_scan_canary.words: Sällsynt Kanari',
      ]);
      // An excuse covers its rows only.
      expect(await scanForPerson(query, ['Sällsynt Kanari'], { 'erasure_scan_canary.words': 'x.id = 1' })).toEqual([
        'erasure_scan_canary.file: Sällsynt Kanari',
      ]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('removes the expert from every column but the records kept on purpose', async () => {
    const surname = `Poistuva${randomInt(100000, 999999)}`;
    const name = `Eerikki ${surname}`;
    const phone = `+358 40 ${randomInt(1000000, 9999999)}`;
    const identityCode = uniqueIdentityCode().code;
    const coordinator = await loggedIn(t.db, t.http, Role.Coordinator);
    const { orderer, unitId } = await createOrdererOfUnit(t.db);
    const expert = await createBookableExpert(t.db, { name });
    const token = await login(t.http, expert);

    // Their profile and payment details, as they give them.
    await as(token).patch('/experts/me', { phone }).expect(200);
    await as(token).put('/experts/me/payment-details', { payee: 'expert', iban: IBANS[2], identityCode }).expect(200);
    await t.db.query(`UPDATE experts SET intro_fi = $2 WHERE user_id = $1`, [expert.id, `Olen ${name}, ${phone}.`]);

    // A certificate, rejected with words about them, and the file named after them.
    const credential = await createCredential(t.db, expert.id, {
      status: CredentialStatus.Rejected,
      decidedBy: coordinator.id,
    });
    await t.db.query(`UPDATE training_credentials SET rejection_reason = $2 WHERE id = $1`, [
      credential.id,
      `${name}: todistuksesta puuttuu sivu`,
    ]);
    await t.db.query(`UPDATE stored_files SET original_name = $2 WHERE id = $1`, [
      credential.fileId,
      `todistus ${surname}.pdf`,
    ]);

    // An offer declined with a reason; an assignment they withdraw from, which mails the coordinator and the
    // orderer by their name.
    const coming = await createRequest(t.db, unitId, orderer.id, {
      status: RequestStatus.Filled,
      startsAt: '2027-05-20T07:00:00Z',
      endsAt: '2027-05-20T09:00:00Z',
    });
    await t.db.query(
      `INSERT INTO offers (request_id, expert_id, status, deadline, offered_by, offered_at, answered_at, decline_reason)
       VALUES ($1, $2, 'declined', now(), $3, now(), now(), $4)`,
      [coming.id, expert.id, coordinator.id, `${surname} on sairaalassa`],
    );
    const assignment = await createAssignment(t.db, coming, expert.id);
    // A contract for other work of theirs, approved (the worker that renders its PDF is off).
    const { assignmentId: contracted, contractId } = await draftedAssignment(t, {
      expertId: expert.id,
      organisationId: unitId,
      createdBy: orderer.id,
      startsAt: '2027-06-01T07:00:00Z',
      endsAt: '2027-06-01T09:00:00Z',
    });
    await as(coordinator).post(`/contracts/${contractId}/approve`).expect(200);
    await as(token)
      .post(`/assignments/${assignment.id}/withdraw`, { reason: `${name} ei jaksa` })
      .expect(200);

    // Finished work: a claim the coordinator returns with words about them (mailed to them), with a receipt named
    // after them; feedback on the work; and a claim paid in an exported run, with their statement.
    const work = { organisationId: unitId, createdBy: orderer.id };
    const returnedWork = await createFinishedAssignment(t.db, expert.id, {
      ...work,
      startsAt: '2026-09-01T07:00:00Z',
      endsAt: '2026-09-01T09:00:00Z',
    });
    const returned = await createClaim(t.db, expert.id, returnedWork, { status: 'submitted', workDate: '2026-09-01' });
    const costId = await addCost(t.db, returned, expert.id, { amountCents: 480 });
    await t.db.query(`UPDATE claim_costs SET description = $2 WHERE id = $1`, [costId, `Taksi, ${name}`]);
    await t.db.query(
      `UPDATE stored_files f SET original_name = $2 FROM claim_costs c WHERE c.id = $1 AND f.id = c.receipt_file_id`,
      [costId, `kuitti ${surname}.png`],
    );
    await t.db.query(`UPDATE claims SET note = $2 WHERE id = $1`, [returned, `Soita ${phone}`]);
    await as(coordinator)
      .post(`/claims/${returned}/return`, { reason: `${name}, lisää kuitti` })
      .expect(200);
    await t.db.query(
      `INSERT INTO assignment_feedback (assignment_id, author, author_id, rating, comment)
       VALUES ($1, 'orderer', $2, 5, $3)`,
      [returnedWork, orderer.id, `${name} kertoi avoimesti`],
    );
    const paidWork = await createFinishedAssignment(t.db, expert.id, {
      ...work,
      startsAt: '2026-09-02T07:00:00Z',
      endsAt: '2026-09-02T09:00:00Z',
    });
    const paid = await createClaim(t.db, expert.id, paidWork, {
      workDate: '2026-09-02',
      decidedBy: coordinator.id,
    });
    const [run] = await t.db.query(
      `INSERT INTO fee_runs (up_to, status, rates, cutoff_at, payment_date, tax_year, created_by, approved_by, approved_at, exported_at, line_count)
       VALUES ('2026-09-30', 'exported', '{"fees":[],"travel":[]}', now(), '2026-10-05', 2026, $1, $1, now(), now(), 1) RETURNING id`,
      [coordinator.id],
    );
    await t.db.query(
      `INSERT INTO fee_run_lines (run_id, claim_id, expert_id, payee_kind, payee_name, iban_encrypted, organisation_id, cost_centre, task_type, work_date,
                                  income_type, fee_basis, rate_cents, quarter_hours, gross_fee_cents, car_travel_cents, costs_cents, travel_and_costs_cents,
                                  withholding_cents, net_cents, tax_percent)
       VALUES ($1, $2, $3, 'expert', $4, 'k1:ciphertext', $5, 'CC', 'working_group', '2026-09-02', '210', 'hourly', 2500, 8, 5000, 0, 0, 0, 625, 4375, 12.5)`,
      [run.id, paid, expert.id, name, unitId],
    );
    await t.db.query(`UPDATE claims SET status = 'paid', paid_run_id = $2, paid_at = now() WHERE id = $1`, [
      paid,
      run.id,
    ]);
    const statement = Buffer.from(`Palkkioselvitys: ${name}`);
    await t.db.query(
      `INSERT INTO fee_run_files (run_id, kind, expert_id, language, file_name, media_type, encrypted, sha256, size_bytes, bytes)
       VALUES ($1, 'statement', $2, 'fi', $3, 'application/pdf', false, $4, $5, $6)`,
      [
        run.id,
        expert.id,
        `selvitys-${surname}.pdf`,
        createHash('sha256').update(statement).digest('hex'),
        statement.length,
        statement,
      ],
    );

    // A mail delivered to them earlier, and a pause with a reason.
    await t.db.query(
      `INSERT INTO mail_messages (user_id, template, language, to_address, subject, text_body, status, sent_at)
       VALUES ($1, 'credential-rejected', 'fi', $2, 'Todistus', NULL, 'sent', now())`,
      [expert.id, expert.email],
    );
    await as(token)
      .post('/experts/me/pause', { reason: `${name} lomalla` })
      .expect(200);
    // A link to set a new password, asked for and not used.
    await t.http.post('/auth/password-reset').send({ email: expert.email }).expect(202);
    await t.app.get(PasswordResetService).settled();

    const needles = [name, surname, expert.email, phone, phone.replace(/\D/g, ''), identityCode];
    // The history is there to be found (a scan that finds nothing proves nothing).
    const before = await scanForPerson((sql, params) => t.db.query(sql, params), needles);
    expect([...new Set(before.map((hit) => hit.split(':')[0]))].sort()).toEqual([
      'assignment_feedback.comment',
      'assignments.cancel_reason',
      'claim_costs.description',
      'claims.note',
      'claims.return_reason',
      'contracts.snapshot',
      'experts.intro_fi',
      'experts.pause_reason',
      'experts.phone',
      'fee_run_files.bytes',
      'fee_run_files.file_name',
      'fee_run_lines.payee_name',
      'mail_messages.text_body',
      'mail_messages.to_address',
      'offers.decline_reason',
      'stored_files.original_name',
      'training_credentials.rejection_reason',
      'users.email',
      'users.name',
    ]);
    // Work still booked refuses the erasure until the coordinator has cancelled it (its contract ends with it, and
    // loses the person with the erasure: it was never signed).
    await as(coordinator).post(`/experts/${expert.id}/anonymise`, { reason: 'Erasure requested' }).expect(409);
    await as(coordinator).post(`/assignments/${contracted}/cancel`, { reason: 'Erasure requested' }).expect(200);
    // In the outbox: "X withdrew" to every coordinator and the orderer; to the expert, their withdrawal, the
    // returned claim and the password link.
    const queued = (await t.db.query(
      `SELECT template FROM mail_messages WHERE status = 'queued' AND (user_id = $1 OR about_user_id = $1)`,
      [expert.id],
    )) as { template: string }[];
    expect([...new Set(queued.map((m) => m.template))].sort()).toEqual([
      'assignment-cancelled',
      'claim-returned',
      'expert-withdrew',
      'expert-withdrew-orderer',
      'password_reset',
    ]);

    await as(coordinator).post(`/experts/${expert.id}/anonymise`, { reason: 'Erasure requested' }).expect(200);

    expect(await scanForPerson((sql, params) => t.db.query(sql, params), needles, KEPT_AFTER_ERASURE)).toEqual([]);

    // The mail not sent yet to them or naming them is not sent; the one delivered keeps its row, not the address.
    expect(
      await t.db.query(`SELECT 1 FROM mail_messages WHERE status <> 'sent' AND (user_id = $1 OR about_user_id = $1)`, [
        expert.id,
      ]),
    ).toEqual([]);
    expect(await t.db.query(`SELECT to_address FROM mail_messages WHERE user_id = $1`, [expert.id])).toEqual([
      { to_address: 'anonymised@invalid.invalid' },
    ]);
    // The money stays: the returned claim (still returned, its reason a neutral mark), the paid one and its line,
    // the receipt as the voucher of its cost.
    expect(
      await t.db.query(
        `SELECT status, worked_minutes AS minutes, return_reason AS reason FROM claims WHERE id = ANY($1) ORDER BY status`,
        [[returned, paid]],
      ),
    ).toEqual([
      { status: 'returned', minutes: 120, reason: '–' },
      { status: 'paid', minutes: 120, reason: null },
    ]);
    expect(
      await t.db.query(
        `SELECT c.amount_cents AS amount, f.original_name AS file FROM claim_costs c JOIN stored_files f ON f.id = c.receipt_file_id WHERE c.id = $1`,
        [costId],
      ),
    ).toEqual([{ amount: 480, file: 'receipt' }]);
    expect(
      await t.db.query(`SELECT net_cents AS net, payee_name AS payee FROM fee_run_lines WHERE claim_id = $1`, [paid]),
    ).toEqual([{ net: 4375, payee: 'Anonymised expert' }]);
    // Where they signed in from goes with them; the sessions stay revoked.
    expect(
      await t.db.query(
        `SELECT ip, user_agent AS "userAgent", revoked_at IS NOT NULL AS revoked FROM auth_sessions WHERE user_id = $1`,
        [expert.id],
      ),
    ).toEqual([{ ip: null, userAgent: null, revoked: true }]);
    expect(await t.db.query(`SELECT 1 FROM invitations WHERE user_id = $1 AND used_at IS NULL`, [expert.id])).toEqual(
      [],
    );
    const [audit] = await t.db.query(
      `SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'expert.anonymised'`,
      [expert.id],
    );
    expect(audit.details).toMatchObject({ droppedMails: queued.length, deletedStatements: 1, scrubbedLines: 1 });
  });
});
