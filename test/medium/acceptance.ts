import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { PgCode, pgErrorCode } from '../../src/common/errors/pg-errors';
import { OffersService } from '../../src/modules/booking/offers/offers.service';
import { RequestStatus } from '../../src/modules/booking/entities/booking-request.entity';
import { ContractsRepository } from '../../src/modules/contracts/contracts.repository';
import { ContractLanguage, ContractStatus } from '../../src/modules/contracts/entities/contract.entity';
import { createBookableExpert } from '../factories/bookable.factory';
import { createAssignment, createOffer, createRequest } from '../factories/booking.factory';
import { createOrdererOfUnit } from '../factories/organisations.factory';
import { createUser } from '../factories/users.factory';
import { contextOf, createMediumApp, MediumApp, problemOf } from './medium-app';

// An acceptance's statements on the real database: what they keep when another change lands between its reads
// and its writes, and the contract drafted and linked in one statement (the flows over HTTP are test/api/booking/booking.ts's).
describe('acceptance (service and database)', () => {
  let m: MediumApp;
  let offers: OffersService;

  beforeAll(async () => {
    m = await createMediumApp();
    offers = m.get(OffersService);
  });
  afterAll(() => m.close());

  const order = async (expertsNeeded = 1) => {
    const { unitId, orderer } = await createOrdererOfUnit(m.db);
    const coordinator = await createUser(m.db, Role.Coordinator);
    const startsAt = new Date(Date.now() + 20 * 86400_000);
    const request = await createRequest(m.db, unitId, orderer.id, {
      status: RequestStatus.Matching,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
      expertsNeeded,
    });
    const offerTo = async () => {
      const expert = await createBookableExpert(m.db);
      const deadline = new Date(Date.now() + 5 * 86400_000).toISOString();
      return { expert, offer: await createOffer(m.db, request, expert.id, coordinator.id, { deadline }) };
    };
    return { request, offerTo };
  };
  const statusOf = async (table: 'offers' | 'booking_requests', id: string) =>
    ((await m.db.query(`SELECT status FROM ${table} WHERE id = $1`, [id])) as { status: string }[])[0].status;

  it('does not accept an offer declined while the acceptance waited for the expert: 409, nothing written', async () => {
    const { request, offerTo } = await order();
    const { expert, offer } = await offerTo();
    const other = await offerTo();
    // A second session holds the expert's row: the acceptance reads the offer's state in the statement that waits
    // for it, so that read is from before the decline below.
    const holder = m.db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT 1 FROM experts WHERE user_id = $1 FOR NO KEY UPDATE`, [expert.id]);
    const acceptance = problemOf(offers.accept(contextOf(expert), offer.id, {}));
    await waitForLockWait(expert.id);
    await offers.decline(contextOf(expert), offer.id, {});
    await holder.commitTransaction();
    await holder.release();

    expect(await acceptance).toMatchObject({ status: 409, code: 'OFFER_NOT_OPEN' });
    expect(await statusOf('offers', offer.id)).toBe('declined');
    expect(await statusOf('offers', other.offer.id)).toBe('offered');
    expect(await statusOf('booking_requests', request.id)).toBe(RequestStatus.Matching);
    expect(await m.db.query(`SELECT id FROM assignments WHERE request_id = $1`, [request.id])).toEqual([]);
    expect(await m.db.query(`SELECT id FROM contracts WHERE expert_id = $1`, [expert.id])).toEqual([]);
  });

  it("refuses another expert's offer as if it did not exist, audits the refusal and writes nothing else", async () => {
    const { request, offerTo } = await order();
    const { expert, offer } = await offerTo();
    const stranger = await offerTo();
    const auditRows = async () => Number((await m.db.query(`SELECT count(*) AS n FROM audit_events`))[0].n);
    const before = await auditRows();

    expect(await problemOf(offers.accept(contextOf(stranger.expert), offer.id, {}))).toMatchObject({
      status: 404,
      code: 'OFFER_NOT_FOUND',
    });
    expect(
      await m.db.query(
        `SELECT actor_id AS "actorId", entity_type AS "entityType" FROM audit_events WHERE entity_id = $1`,
        [offer.id],
      ),
    ).toEqual([{ actorId: stranger.expert.id, entityType: 'offer' }]);
    expect(await auditRows()).toBe(before + 1);
    expect(await statusOf('offers', offer.id)).toBe('offered');
    expect(await m.db.query(`SELECT id FROM assignments WHERE request_id = $1`, [request.id])).toEqual([]);
    // No such offer: 404 too, and no lock left behind: the offer's own expert then accepts it.
    expect(await problemOf(offers.accept(contextOf(expert), randomUUID(), {}))).toMatchObject({
      status: 404,
      code: 'OFFER_NOT_FOUND',
    });
    await offers.accept(contextOf(expert), offer.id, {});
    expect(await statusOf('offers', offer.id)).toBe('accepted');
  });

  it('fills the request and withdraws its other open offers in the acceptance, each withdrawal audited', async () => {
    const { request, offerTo } = await order();
    const { expert, offer } = await offerTo();
    const others = [await offerTo(), await offerTo()];
    const booked = await offers.accept(contextOf(expert), offer.id, {});

    expect(await statusOf('offers', offer.id)).toBe('accepted');
    expect(await statusOf('booking_requests', request.id)).toBe(RequestStatus.Filled);
    for (const o of others) {
      expect(await statusOf('offers', o.offer.id)).toBe('withdrawn');
      const audit = (await m.db.query(
        `SELECT details FROM audit_events WHERE action = 'offer.withdrawn' AND entity_id = $1`,
        [o.offer.id],
      )) as { details: object }[];
      expect(audit).toEqual([{ details: { reason: 'request_filled' } }]);
    }
    // The draft's audit event and the acceptance's, written together.
    expect(
      await m.db.query(
        `SELECT action, entity_id AS "entityId", actor_id AS "actorId", details FROM audit_events
          WHERE action IN ('contract.drafted', 'offer.accepted') AND entity_id IN ($1, $2) ORDER BY action`,
        [booked.contract.id, offer.id],
      ),
    ).toEqual([
      {
        action: 'contract.drafted',
        entityId: booked.contract.id,
        actorId: expert.id,
        details: { assignmentId: booked.id, automatic: true },
      },
      {
        action: 'offer.accepted',
        entityId: offer.id,
        actorId: expert.id,
        details: { assignmentId: booked.id, requestStatus: RequestStatus.Filled },
      },
    ]);
    // The drafted contract covers the new assignment, live, from the statement that inserted it.
    expect(booked.contract).toMatchObject({ status: ContractStatus.Draft, number: expect.stringMatching(/^KOK-/) });
    expect(
      await m.db.query(
        `SELECT assignment_id AS "assignmentId", live FROM contract_assignments WHERE contract_id = $1`,
        [booked.contract.id],
      ),
    ).toEqual([{ assignmentId: booked.id, live: true }]);
  });

  it('leaves a request needing two experts matching, and the other offers open, after the first acceptance', async () => {
    const { request, offerTo } = await order(2);
    const { expert, offer } = await offerTo();
    const other = await offerTo();
    await offers.accept(contextOf(expert), offer.id, {});
    expect(await statusOf('booking_requests', request.id)).toBe(RequestStatus.PartiallyFilled);
    expect(await statusOf('offers', other.offer.id)).toBe('offered');
  });

  it("reads a new contract back whole, and its link's trigger still refuses another expert's assignment", async () => {
    const { request, offerTo } = await order();
    const { expert } = await offerTo();
    const stranger = await createBookableExpert(m.db);
    const strangersWork = await createAssignment(m.db, request, stranger.id);
    const contracts = m.get(ContractsRepository);
    const row = {
      number: `KOK-2099-${String(Date.now() % 1_000_000).padStart(6, '0')}`,
      version: 1,
      expertId: expert.id,
      organisationId: request.organisationId,
      validFrom: '2099-01-01',
      validUntil: '2099-01-31',
      language: ContractLanguage.Sv,
      status: ContractStatus.Draft,
      createdBy: null,
    };
    const refused = await m.db
      .transaction((manager) => contracts.insert(manager, row, [strangersWork.id]))
      .catch((error: unknown) => error);
    expect(pgErrorCode(refused)).toBe(PgCode.CheckViolation);
    expect(await m.db.query(`SELECT id FROM contracts WHERE number = $1`, [row.number])).toEqual([]);

    const inserted = await m.db.transaction((manager) => contracts.insert(manager, row));
    expect(inserted).toMatchObject({ ...row, supersedesId: null, approvedAt: null, snapshot: null });
    expect(inserted.createdAt).toBeInstanceOf(Date);
  });

  // Until the acceptance's session waits for a lock on the expert's row.
  async function waitForLockWait(expertId: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const [{ waiting }] = (await m.db.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR NO KEY UPDATE OF e%'`,
      )) as { waiting: number }[];
      if (waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`The acceptance never waited for expert ${expertId}'s lock`);
  }
});
