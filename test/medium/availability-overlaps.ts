import { PgCode } from '../../src/common/errors/pg-errors';
import { AvailabilityService } from '../../src/modules/availability/availability.service';
import { CreateAbsenceDto } from '../../src/modules/availability/dto/create-absence.dto';
import { CreateOneOffWindowDto } from '../../src/modules/availability/dto/create-one-off-window.dto';
import { CreateWeeklyWindowDto } from '../../src/modules/availability/dto/create-weekly-window.dto';
import { createExpert } from '../factories/experts.factory';
import { body, contextOf, createMediumApp, MediumApp, problemOf } from './medium-app';

// The overlap rules of availability, on the service and the database (the routes, their roles and the
// validation of the bodies are test/api/experts/availability*.ts's).
describe('availability overlaps (service and database)', () => {
  let m: MediumApp;
  let service: AvailabilityService;

  beforeAll(async () => {
    m = await createMediumApp();
    service = m.get(AvailabilityService);
  });
  afterAll(() => m.close());

  const expert = async () => {
    const user = await createExpert(m.db);
    return { ...user, ctx: contextOf(user) };
  };
  type Expert = Awaited<ReturnType<typeof expert>>;
  const weekly = async (e: Expert, b: object) => service.addWeekly(e.ctx, await body(CreateWeeklyWindowDto, b));
  const oneOff = async (e: Expert, b: object) => service.addOneOff(e.ctx, await body(CreateOneOffWindowDto, b));
  const absence = async (e: Expert, b: object) => service.addAbsence(e.ctx, await body(CreateAbsenceDto, b));

  it('refuses an overlapping weekly window on the same weekday and validity with 409 naming the fields', async () => {
    const e = await expert();
    const first = await weekly(e, { weekday: 1, from: '09:00', to: '12:00', validFrom: '2026-01-01' });
    const res = await problemOf(
      weekly(e, { weekday: 1, from: '11:00', to: '13:00', validFrom: '2026-06-01', validUntil: '2026-06-30' }),
    );
    expect(res).toMatchObject({ status: 409, code: 'AVAILABILITY_OVERLAP' });
    expect(res.errors!.map((f) => [f.field, f.code])).toEqual([
      ['from', 'overlaps'],
      ['to', 'overlaps'],
    ]);
    expect(res.detail).toContain(first.id);
    expect((await service.mine(e.ctx)).weekly).toHaveLength(1);
  });

  it('allows adjacent windows: 09:00–12:00 and 12:00–15:00', async () => {
    const e = await expert();
    await weekly(e, { weekday: 2, from: '09:00', to: '12:00', validFrom: '2026-01-01' });
    await weekly(e, { weekday: 2, from: '12:00', to: '15:00', validFrom: '2026-01-01' });
    await weekly(e, { weekday: 2, from: '08:00', to: '09:00', validFrom: '2026-01-01' });
    expect(
      (await problemOf(weekly(e, { weekday: 2, from: '14:59', to: '16:00', validFrom: '2026-01-01' }))).status,
    ).toBe(409);
  });

  it('allows the same times in validity periods that do not overlap; the last day counts', async () => {
    const e = await expert();
    await weekly(e, { weekday: 2, from: '09:00', to: '12:00', validFrom: '2026-01-01', validUntil: '2026-06-30' });
    await weekly(e, { weekday: 2, from: '09:00', to: '12:00', validFrom: '2026-07-01' });
    const res = await problemOf(
      weekly(e, { weekday: 2, from: '10:00', to: '11:00', validFrom: '2026-06-30', validUntil: '2026-06-30' }),
    );
    expect(res.status).toBe(409);
    expect(res.code).toBe('AVAILABILITY_OVERLAP');
  });

  it('allows the same times on another weekday and for another expert', async () => {
    const a = await expert();
    const b = await expert();
    const window = { weekday: 4, from: '09:00', to: '12:00', validFrom: '2026-01-01' };
    await weekly(a, window);
    await weekly(a, { ...window, weekday: 5 });
    await weekly(b, window);
    expect((await service.mine(a.ctx)).weekly).toHaveLength(2);
    expect((await service.mine(b.ctx)).weekly).toHaveLength(1);
  });

  it('refuses an overlapping one-off window on the same date, and allows touching ones and other dates', async () => {
    const e = await expert();
    const first = await oneOff(e, { date: '2026-09-10', from: '10:00', to: '14:00' });
    await oneOff(e, { date: '2026-09-10', from: '14:00', to: '16:00' });
    await oneOff(e, { date: '2026-09-11', from: '10:00', to: '14:00' });
    const res = await problemOf(oneOff(e, { date: '2026-09-10', from: '09:00', to: '10:01' }));
    expect(res).toMatchObject({ status: 409, code: 'AVAILABILITY_OVERLAP' });
    expect(res.errors!.map((f) => f.field)).toEqual(['from', 'to']);
    expect(res.detail).toContain(first.id);
  });

  it('refuses an overlapping absence, naming its days, and allows the next one to start the day after', async () => {
    const e = await expert();
    const holiday = await absence(e, { firstDay: '2026-07-01', lastDay: '2026-07-21' });
    await absence(e, { firstDay: '2026-07-22', lastDay: '2026-07-22' });
    await absence(e, { firstDay: '2026-06-20', lastDay: '2026-06-30' });
    const res = await problemOf(absence(e, { firstDay: '2026-07-10', lastDay: '2026-07-10' }));
    expect(res).toMatchObject({ status: 409, code: 'AVAILABILITY_OVERLAP' });
    expect(res.errors!.map((f) => f.field)).toEqual(['firstDay', 'lastDay']);
    expect(res.detail).toContain(holiday.id);
    expect((await problemOf(absence(e, { firstDay: '2026-06-01', lastDay: '2026-07-01' }))).status).toBe(409);
  });

  it('lets exactly one of many parallel overlapping requests through', async () => {
    const e = await expert();
    // Twelve windows that all overlap, no two the same (the same window twice is no conflict: the next test).
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        weekly(e, {
          weekday: 6,
          from: `${String(8 + (i % 3)).padStart(2, '0')}:${String(5 * Math.floor(i / 3)).padStart(2, '0')}`,
          to: '12:00',
          validFrom: '2026-01-01',
        }).then(
          () => 201,
          async (error: unknown) => (await problemOf(Promise.reject(error))).status,
        ),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    const [{ n }] = await m.db.query(
      `SELECT count(*)::int AS n FROM availability_weekly_windows WHERE expert_id = $1`,
      [e.id],
    );
    expect(n).toBe(1);
  });

  it('answers a window or absence sent again, the same to the minute, with the one kept: nothing added', async () => {
    const e = await expert();
    const count = async (table: string) =>
      (await m.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE expert_id = $1`, [e.id]))[0].n as number;
    const logged = async (action: string) =>
      (
        await m.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1 AND action = $2`, [
          e.id,
          action,
        ])
      )[0].n as number;
    const open = { weekday: 3, from: '09:00', to: '12:00', validFrom: '2026-01-01' };
    const first = await weekly(e, open);
    expect(await weekly(e, open)).toEqual(first);
    const bounded = { weekday: 3, from: '13:00', to: '15:00', validFrom: '2026-01-01', validUntil: '2026-06-30' };
    const second = await weekly(e, bounded);
    expect(await weekly(e, bounded)).toEqual(second);
    expect(await count('availability_weekly_windows')).toBe(2);
    expect(await logged('weekly_window.created')).toBe(2);
    // Only the same window: other days of validity or other times still overlap it.
    for (const other of [
      { ...open, validUntil: '2026-12-31' },
      { ...open, validFrom: '2026-02-01' },
      { ...open, to: '11:00' },
      { ...bounded, validUntil: undefined },
    ]) {
      expect(await problemOf(weekly(e, other))).toMatchObject({ status: 409, code: 'AVAILABILITY_OVERLAP' });
    }
    const day = { date: '2026-09-10', from: '10:00', to: '14:00' };
    const oneOffFirst = await oneOff(e, day);
    expect(await oneOff(e, day)).toEqual(oneOffFirst);
    expect(await problemOf(oneOff(e, { ...day, to: '14:30' }))).toMatchObject({ status: 409 });
    const days = { firstDay: '2026-07-01', lastDay: '2026-07-21' };
    const absenceFirst = await absence(e, days);
    expect(await absence(e, days)).toEqual(absenceFirst);
    expect(await problemOf(absence(e, { ...days, lastDay: '2026-07-20' }))).toMatchObject({ status: 409 });
    expect([await count('availability_one_off_windows'), await count('availability_absences')]).toEqual([1, 1]);
    expect([await logged('one_off_window.created'), await logged('absence.created')]).toEqual([1, 1]);
  });

  it('keeps one window when the same one comes many times at once, and answers each with it', async () => {
    const e = await expert();
    const window = { weekday: 7, from: '10:00', to: '12:00', validFrom: '2026-01-01' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => weekly(e, window)));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    const [{ n }] = await m.db.query(
      `SELECT count(*)::int AS n FROM availability_weekly_windows WHERE expert_id = $1`,
      [e.id],
    );
    expect(n).toBe(1);
  });

  it('is refused by the database itself, not only by the service', async () => {
    const e = await expert();
    await m.db.query(
      `INSERT INTO availability_absences (expert_id, first_day, last_day) VALUES ($1, '2026-01-05', '2026-01-09')`,
      [e.id],
    );
    await expect(
      m.db.query(
        `INSERT INTO availability_absences (expert_id, first_day, last_day) VALUES ($1, '2026-01-09', '2026-01-12')`,
        [e.id],
      ),
    ).rejects.toMatchObject({
      driverError: { code: PgCode.ExclusionViolation, constraint: 'availability_absences_no_overlap' },
    });
    await m.db.query(
      `INSERT INTO availability_one_off_windows (expert_id, day, start_minute, end_minute) VALUES ($1, '2026-01-05', 540, 720)`,
      [e.id],
    );
    await expect(
      m.db.query(
        `INSERT INTO availability_one_off_windows (expert_id, day, start_minute, end_minute) VALUES ($1, '2026-01-05', 600, 660)`,
        [e.id],
      ),
    ).rejects.toMatchObject({
      driverError: { code: PgCode.ExclusionViolation, constraint: 'availability_one_off_no_overlap' },
    });
  });
});
