import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Role } from '../../../src/common/auth/role.enum';
import { PgCode } from '../../../src/common/errors/pg-errors';
import { ExpertStatus } from '../../../src/modules/experts/entities/expert.entity';
import { createUser, login, loggedIn } from '../../factories/users.factory';
import { loggedInExpert } from '../../factories/availability.factory';
import { createTestApp, TestApp } from '../../utils/test-app';

const WEEKLY = '/experts/me/availability/weekly';
const ONE_OFF = '/experts/me/availability/one-off';
const ABSENCES = '/experts/me/availability/absences';

describe('availability: keeping windows and absences', () => {
  let t: TestApp;
  let coordinator: string;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = (await loggedIn(t.db, t.http, Role.Coordinator)).token;
  });
  afterAll(() => t.close());

  const bearer = (token: string) => `Bearer ${token}`;
  const post = (token: string, path: string, body: object) =>
    t.http.post(path).set('authorization', bearer(token)).send(body);
  const get = (token: string, path: string) => t.http.get(path).set('authorization', bearer(token));
  const del = (token: string, path: string) => t.http.delete(path).set('authorization', bearer(token));
  const expert = () => loggedInExpert(t.db, t.http);
  const auditActions = async (entityId: string): Promise<string[]> =>
    (
      await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, action`, [entityId])
    ).map((r: { action: string }) => r.action);

  describe('CRUD', () => {
    it('adds, lists and deletes weekly windows, one-off windows and absences, auditing each change', async () => {
      const e = await expert();
      const weekly = await post(e.token, WEEKLY, {
        weekday: 1,
        from: '09:00',
        to: '12:00',
        validFrom: '2026-01-01',
      }).expect(201);
      expect(weekly.body).toEqual({
        id: expect.any(String),
        weekday: 1,
        from: '09:00',
        to: '12:00',
        validFrom: '2026-01-01',
        validUntil: null,
      });
      const oneOff = await post(e.token, ONE_OFF, { date: '2026-12-24', from: '10:00', to: '24:00' }).expect(201);
      expect(oneOff.body).toEqual({ id: expect.any(String), date: '2026-12-24', from: '10:00', to: '24:00' });
      // A three-week holiday is one entry.
      const absence = await post(e.token, ABSENCES, { firstDay: '2026-07-01', lastDay: '2026-07-21' }).expect(201);
      expect(absence.body).toEqual({ id: expect.any(String), firstDay: '2026-07-01', lastDay: '2026-07-21' });

      const all = { weekly: [weekly.body], oneOff: [oneOff.body], absences: [absence.body] };
      expect((await get(e.token, '/experts/me/availability').expect(200)).body).toEqual(all);
      expect((await get(coordinator, `/experts/${e.id}/availability`).expect(200)).body).toEqual(all);

      await del(e.token, `${WEEKLY}/${weekly.body.id}`).expect(204);
      await del(e.token, `${ONE_OFF}/${oneOff.body.id}`).expect(204);
      await del(e.token, `${ABSENCES}/${absence.body.id}`).expect(204);
      expect((await get(e.token, '/experts/me/availability').expect(200)).body).toEqual({
        weekly: [],
        oneOff: [],
        absences: [],
      });

      expect(await auditActions(weekly.body.id)).toEqual(['weekly_window.created', 'weekly_window.deleted']);
      expect(await auditActions(oneOff.body.id)).toEqual(['one_off_window.created', 'one_off_window.deleted']);
      expect(await auditActions(absence.body.id)).toEqual(['absence.created', 'absence.deleted']);
      const [{ actor }] = await t.db.query(`SELECT DISTINCT actor_id AS actor FROM audit_events WHERE entity_id = $1`, [
        weekly.body.id,
      ]);
      expect(actor).toBe(e.id);
    });

    it('lists windows by weekday and time, and validity with an end', async () => {
      const e = await expert();
      await post(e.token, WEEKLY, {
        weekday: 3,
        from: '13:00',
        to: '15:00',
        validFrom: '2026-01-01',
        validUntil: '2026-06-30',
      }).expect(201);
      await post(e.token, WEEKLY, { weekday: 1, from: '13:00', to: '15:00', validFrom: '2026-01-01' }).expect(201);
      await post(e.token, WEEKLY, { weekday: 1, from: '08:00', to: '10:00', validFrom: '2026-01-01' }).expect(201);
      const res = await get(e.token, '/experts/me/availability').expect(200);
      expect(
        res.body.weekly.map((w: { weekday: number; from: string; validUntil: string | null }) => [
          w.weekday,
          w.from,
          w.validUntil,
        ]),
      ).toEqual([
        [1, '08:00', null],
        [1, '13:00', null],
        [3, '13:00', '2026-06-30'],
      ]);
    });
  });

  // The overlap rules are test/medium/availability-overlaps.medium-spec.ts's (service and database, no HTTP).

  describe('bad input', () => {
    let e: Awaited<ReturnType<typeof expert>>;
    beforeAll(async () => {
      e = await expert();
    });

    const errorsOf = (res: { body: { code: string; errors: { field: string; code: string }[] } }) => {
      expect(res.body.code).toBe('VALIDATION_FAILED');
      return res.body.errors.map((f) => [f.field, f.code]);
    };

    it.each([
      ['weekly', WEEKLY, { weekday: 1, from: '12:00', to: '09:00', validFrom: '2026-01-01' }, [['to', 'notAfterFrom']]],
      [
        'weekly, empty',
        WEEKLY,
        { weekday: 1, from: '09:00', to: '09:00', validFrom: '2026-01-01' },
        [['to', 'notAfterFrom']],
      ],
      ['one-off', ONE_OFF, { date: '2026-09-10', from: '15:00', to: '14:45' }, [['to', 'notAfterFrom']]],
      [
        'weekly validity',
        WEEKLY,
        { weekday: 1, from: '09:00', to: '12:00', validFrom: '2026-06-02', validUntil: '2026-06-01' },
        [['validUntil', 'beforeValidFrom']],
      ],
      ['absence', ABSENCES, { firstDay: '2026-07-21', lastDay: '2026-07-01' }, [['lastDay', 'beforeFirstDay']]],
    ])('refuses an end before its start (%s) with 400 naming the field', async (_label, path, body, expected) => {
      expect(errorsOf(await post(e.token, path, body).expect(400))).toEqual(expected);
    });

    it.each([0, 8, -1, 1.5, 'mon', '1', null])('refuses weekday %p', async (weekday) => {
      const res = await post(e.token, WEEKLY, { weekday, from: '09:00', to: '12:00', validFrom: '2026-01-01' }).expect(
        400,
      );
      expect(new Set(errorsOf(res).map(([field]) => field))).toEqual(new Set(['weekday']));
    });

    it.each([
      ['from', '9:00'],
      ['from', '12:60'],
      ['from', '24:00'],
      ['from', '09:00:00'],
      ['from', '0900'],
      ['to', '24:30'],
      ['to', '25:00'],
      ['to', 12],
    ])('refuses %s = %p', async (field, value) => {
      const res = await post(e.token, WEEKLY, {
        weekday: 1,
        from: '09:00',
        to: '12:00',
        validFrom: '2026-01-01',
        [field]: value,
      }).expect(400);
      expect(errorsOf(res)).toEqual([[field, 'matches']]);
      const oneOff = await post(e.token, ONE_OFF, {
        date: '2026-09-10',
        from: '09:00',
        to: '12:00',
        [field]: value,
      }).expect(400);
      expect(errorsOf(oneOff)).toEqual([[field, 'matches']]);
    });

    it('refuses impossible dates and missing fields', async () => {
      const res = await post(e.token, WEEKLY, {
        weekday: 1,
        from: '09:00',
        to: '12:00',
        validFrom: '2026-02-30',
      }).expect(400);
      expect(errorsOf(res)).toEqual([['validFrom', 'isIso8601']]);
      expect(new Set(errorsOf(await post(e.token, ONE_OFF, {}).expect(400)).map(([f]) => f))).toEqual(
        new Set(['date', 'from', 'to']),
      );
      expect(
        new Set(errorsOf(await post(e.token, ABSENCES, { firstDay: '2026-7-1' }).expect(400)).map(([f]) => f)),
      ).toEqual(new Set(['firstDay', 'lastDay']));
    });

    it('has no place for a reason for an absence', async () => {
      const res = await post(e.token, ABSENCES, {
        firstDay: '2026-07-01',
        lastDay: '2026-07-02',
        reason: 'sick leave',
      }).expect(400);
      expect(errorsOf(res)).toEqual([['reason', 'unknownField']]);
    });

    it('names a path id that is not a UUID', async () => {
      expect(errorsOf(await del(e.token, `${WEEKLY}/42`).expect(400))).toEqual([['id', 'isUuid']]);
      expect(errorsOf(await get(coordinator, '/experts/x/availability').expect(400))).toEqual([['id', 'isUuid']]);
    });

    it('has CHECK constraints in the database for an end before its start', async () => {
      const insert = (sql: string) => t.db.query(sql, [e.id]);
      await expect(
        insert(
          `INSERT INTO availability_weekly_windows (expert_id, weekday, start_minute, end_minute, valid_from) VALUES ($1, 1, 720, 540, '2026-01-01')`,
        ),
      ).rejects.toMatchObject({
        driverError: { code: PgCode.CheckViolation, constraint: 'availability_weekly_times' },
      });
      await expect(
        insert(
          `INSERT INTO availability_weekly_windows (expert_id, weekday, start_minute, end_minute, valid_from, valid_until) VALUES ($1, 1, 540, 720, '2026-01-02', '2026-01-01')`,
        ),
      ).rejects.toMatchObject({
        driverError: { code: PgCode.CheckViolation, constraint: 'availability_weekly_validity' },
      });
      await expect(
        insert(
          `INSERT INTO availability_weekly_windows (expert_id, weekday, start_minute, end_minute, valid_from) VALUES ($1, 8, 540, 720, '2026-01-01')`,
        ),
      ).rejects.toMatchObject({
        driverError: { code: PgCode.CheckViolation, constraint: 'availability_weekly_weekday' },
      });
      await expect(
        insert(
          `INSERT INTO availability_one_off_windows (expert_id, day, start_minute, end_minute) VALUES ($1, '2026-01-01', 540, 1441)`,
        ),
      ).rejects.toMatchObject({
        driverError: { code: PgCode.CheckViolation, constraint: 'availability_one_off_times' },
      });
      await expect(
        insert(
          `INSERT INTO availability_absences (expert_id, first_day, last_day) VALUES ($1, '2026-01-02', '2026-01-01')`,
        ),
      ).rejects.toMatchObject({
        driverError: { code: PgCode.CheckViolation, constraint: 'availability_absences_period' },
      });
    });

    it('answers 404 to an expert account without an expert profile', async () => {
      const user = await createUser(t.db, Role.Expert);
      const token = await login(t.http, user);
      expect((await get(token, '/experts/me/availability').expect(404)).body.code).toBe('EXPERT_NOT_FOUND');
      expect(
        (await post(token, ABSENCES, { firstDay: '2026-07-01', lastDay: '2026-07-02' }).expect(404)).body.code,
      ).toBe('EXPERT_NOT_FOUND');
    });
  });

  describe("only one's own", () => {
    it.each([
      [
        'weekly',
        WEEKLY,
        { weekday: 1, from: '09:00', to: '12:00', validFrom: '2026-01-01' },
        'availability_weekly_windows',
        'weekly_window',
      ],
      [
        'one-off',
        ONE_OFF,
        { date: '2026-09-10', from: '09:00', to: '12:00' },
        'availability_one_off_windows',
        'one_off_window',
      ],
      ['absence', ABSENCES, { firstDay: '2026-07-01', lastDay: '2026-07-21' }, 'availability_absences', 'absence'],
    ])(
      "an expert cannot delete another expert's %s: 404, the row stays, the attempt is audited",
      async (_label, path, body, table, entityType) => {
        const owner = await expert();
        const other = await expert();
        const row = await post(owner.token, path, body).expect(201);
        const res = await del(other.token, `${path}/${row.body.id}`).expect(404);
        expect(res.body.code).toBe('AVAILABILITY_NOT_FOUND');
        // Exactly the answer for an id that does not exist at all.
        const missing = await del(other.token, `${path}/${randomUUID()}`).expect(404);
        expect(missing.body.code).toBe(res.body.code);
        expect(missing.body.detail).toBe(res.body.detail);
        const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = $1`, [row.body.id]);
        expect(n).toBe(1);
        const denied = await t.db.query(
          `SELECT actor_id, entity_type FROM audit_events WHERE entity_id = $1 AND action = 'authz.denied'`,
          [row.body.id],
        );
        expect(denied).toEqual([{ actor_id: other.id, entity_type: entityType }]);
      },
    );

    it('answers 404 for an expert that does not exist', async () => {
      const id = randomUUID();
      expect((await get(coordinator, `/experts/${id}/availability`).expect(404)).body.code).toBe('EXPERT_NOT_FOUND');
      const check = await get(
        coordinator,
        `/experts/${id}/availability/check?start=2026-10-18T06:00:00Z&end=2026-10-18T09:00:00Z`,
      ).expect(404);
      expect(check.body.code).toBe('EXPERT_NOT_FOUND');
    });
  });

  describe('range query parameters', () => {
    let e: Awaited<ReturnType<typeof expert>>;
    beforeAll(async () => {
      e = await expert();
    });

    const paths = () => [
      [e.token, '/experts/me/availability/check'],
      [coordinator, `/experts/${e.id}/availability/check`],
      [coordinator, '/availability/experts'],
    ];

    it.each([
      ['a missing start', { end: '2026-10-18T09:00:00Z' }, ['start']],
      ['a start without an offset', { start: '2026-10-18T09:00:00', end: '2026-10-18T12:00:00Z' }, ['start']],
      ['an impossible end', { start: '2026-10-18T09:00:00Z', end: '2026-10-32T12:00:00Z' }, ['end']],
      ['an end before the start', { start: '2026-10-18T12:00:00Z', end: '2026-10-18T09:00:00Z' }, ['end']],
      ['an empty range', { start: '2026-10-18T12:00:00Z', end: '2026-10-18T12:00:00Z' }, ['end']],
      ['more than 24 hours', { start: '2026-10-18T06:00:00Z', end: '2026-10-19T06:00:01Z' }, ['end']],
      ['an unknown parameter', { start: '2026-10-18T06:00:00Z', end: '2026-10-18T09:00:00Z', expert: 'x' }, ['expert']],
    ])('refuses %s with VALIDATION_FAILED naming the field', async (_label, query, fields) => {
      for (const [token, path] of paths()) {
        const res = await get(token, path).query(query).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect([...new Set(res.body.errors.map((f: { field: string }) => f.field))]).toEqual(fields);
      }
    });

    it('accepts exactly 24 hours', async () => {
      for (const [token, path] of paths()) {
        await get(token, path).query({ start: '2026-10-18T06:00:00Z', end: '2026-10-19T06:00:00Z' }).expect(200);
      }
    });
  });

  describe('daylight saving time', () => {
    let sunday: Awaited<ReturnType<typeof expert>>;
    let night: Awaited<ReturnType<typeof expert>>;

    beforeAll(async () => {
      sunday = await expert();
      await post(sunday.token, WEEKLY, { weekday: 7, from: '09:00', to: '12:00', validFrom: '2026-01-01' }).expect(201);
      // The night of the autumn change: 03:00–04:00 local happens twice.
      night = await expert();
      await post(night.token, ONE_OFF, { date: '2026-10-25', from: '02:00', to: '05:00' }).expect(201);
      // A window starting inside the spring gap (03:00–04:00 local does not exist on 29 March 2026).
      await post(night.token, ONE_OFF, { date: '2026-03-29', from: '03:30', to: '04:00' }).expect(201);
    });

    const check = async (token: string, start: string, end: string) =>
      (await get(token, '/experts/me/availability/check').query({ start, end }).expect(200)).body;
    const inSet = async (id: string, start: string, end: string) =>
      (await get(coordinator, '/availability/experts').query({ start, end }).expect(200)).body.some(
        (x: { id: string }) => x.id === id,
      );

    it.each([
      // Autumn: the clocks go back on Sunday 25 October 2026 at 04:00 EEST (+03:00) → 03:00 EET (+02:00).
      ['18 Oct (+03:00) 09:00–12:00', '2026-10-18T09:00:00+03:00', '2026-10-18T12:00:00+03:00', true],
      ['18 Oct the same range in UTC', '2026-10-18T06:00:00Z', '2026-10-18T09:00:00Z', true],
      ['18 Oct 08:30–09:30', '2026-10-18T08:30:00+03:00', '2026-10-18T09:30:00+03:00', false],
      ['25 Oct, the day of the change, 09:00–12:00 (+02:00)', '2026-10-25T07:00:00Z', '2026-10-25T10:00:00Z', true],
      ['1 Nov (+02:00) 09:00–12:00', '2026-11-01T09:00:00+02:00', '2026-11-01T12:00:00+02:00', true],
      ['1 Nov the same range in UTC', '2026-11-01T07:00:00Z', '2026-11-01T10:00:00Z', true],
      ['1 Nov 08:30–09:30', '2026-11-01T08:30:00+02:00', '2026-11-01T09:30:00+02:00', false],
      ['1 Nov at the summer UTC times (08:00–11:00 local)', '2026-11-01T06:00:00Z', '2026-11-01T09:00:00Z', false],
      // Spring: the clocks go forward on Sunday 29 March 2026 at 03:00 EET (+02:00) → 04:00 EEST (+03:00).
      ['22 Mar (+02:00) 09:00–12:00', '2026-03-22T09:00:00+02:00', '2026-03-22T12:00:00+02:00', true],
      ['22 Mar 08:30–09:30', '2026-03-22T08:30:00+02:00', '2026-03-22T09:30:00+02:00', false],
      ['29 Mar, the day of the change, 09:00–12:00 (+03:00)', '2026-03-29T06:00:00Z', '2026-03-29T09:00:00Z', true],
      ['29 Mar at the winter UTC times (10:00–13:00 local)', '2026-03-29T07:00:00Z', '2026-03-29T10:00:00Z', false],
      ['5 Apr (+03:00) 09:00–12:00', '2026-04-05T09:00:00+03:00', '2026-04-05T12:00:00+03:00', true],
      ['5 Apr 08:30–09:30', '2026-04-05T08:30:00+03:00', '2026-04-05T09:30:00+03:00', false],
    ])('Sundays 09:00–12:00 local: %s → %s', async (_label, start, end, available) => {
      expect(await check(sunday.token, start, end)).toEqual({ available, reasons: available ? [] : ['NO_WINDOW'] });
      expect(await inSet(sunday.id, start, end)).toBe(available);
    });

    it('agrees with luxon on the offsets used above', () => {
      const local = (iso: string) =>
        DateTime.fromISO(iso, { zone: 'Europe/Helsinki' }).toUTC().toISO({ suppressMilliseconds: true });
      expect(local('2026-10-18T09:00')).toBe('2026-10-18T06:00:00Z');
      expect(local('2026-10-25T09:00')).toBe('2026-10-25T07:00:00Z');
      expect(local('2026-11-01T09:00')).toBe('2026-11-01T07:00:00Z');
      expect(local('2026-03-22T09:00')).toBe('2026-03-22T07:00:00Z');
      expect(local('2026-03-29T09:00')).toBe('2026-03-29T06:00:00Z');
      expect(local('2026-04-05T09:00')).toBe('2026-04-05T06:00:00Z');
    });

    it('keeps the stored window at 09:00–12:00', async () => {
      const res = await get(sunday.token, '/experts/me/availability').expect(200);
      expect(res.body.weekly).toEqual([expect.objectContaining({ weekday: 7, from: '09:00', to: '12:00' })]);
    });

    it('covers the repeated hour of the autumn night with a 02:00–05:00 window', async () => {
      // 03:30 EEST → 03:30 EET: one real hour that reads 03:30–03:30 on the wall.
      expect(await check(night.token, '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z')).toEqual({
        available: true,
        reasons: [],
      });
      // 02:00 EEST is 23:00Z the day before; 05:00 EET is 03:00Z.
      expect(await check(night.token, '2026-10-24T23:00:00Z', '2026-10-25T03:00:00Z')).toEqual({
        available: true,
        reasons: [],
      });
      expect(await check(night.token, '2026-10-24T22:59:00Z', '2026-10-25T01:00:00Z')).toMatchObject({
        available: false,
      });
      expect(await check(night.token, '2026-10-25T02:00:00Z', '2026-10-25T03:01:00Z')).toMatchObject({
        available: false,
      });
    });

    it('treats a window in the spring gap as empty, without failing', async () => {
      // 04:00 EEST is 01:00Z; the missing 03:30 reads as 03:30 EET, 01:30Z.
      expect(await check(night.token, '2026-03-29T00:59:00Z', '2026-03-29T01:01:00Z')).toEqual({
        available: false,
        reasons: ['NO_WINDOW'],
      });
      expect(await check(night.token, '2026-03-29T01:00:00Z', '2026-03-29T01:30:00Z')).toEqual({
        available: false,
        reasons: ['NO_WINDOW'],
      });
      expect(await inSet(night.id, '2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z')).toBe(false);
    });
  });

  describe('reasons', () => {
    it('names why an expert is not available', async () => {
      const e = await loggedInExpert(t.db, t.http);
      await post(e.token, WEEKLY, { weekday: 1, from: '08:00', to: '24:00', validFrom: '2026-01-01' }).expect(201);
      await post(e.token, ABSENCES, { firstDay: '2026-06-01', lastDay: '2026-06-21' }).expect(201);
      const check = async (start: string, end: string) =>
        (await get(coordinator, `/experts/${e.id}/availability/check`).query({ start, end }).expect(200)).body;
      // Mondays, summer time.
      expect(await check('2026-06-22T08:00:00+03:00', '2026-06-22T10:00:00+03:00')).toEqual({
        available: true,
        reasons: [],
      });
      expect(await check('2026-06-15T08:00:00+03:00', '2026-06-15T10:00:00+03:00')).toEqual({
        available: false,
        reasons: ['ABSENT'],
      });
      expect(await check('2026-06-22T07:00:00+03:00', '2026-06-22T10:00:00+03:00')).toEqual({
        available: false,
        reasons: ['NO_WINDOW'],
      });
      expect(await check('2026-06-23T08:00:00+03:00', '2026-06-23T10:00:00+03:00')).toEqual({
        available: false,
        reasons: ['NO_WINDOW'],
      });
      // An end at local midnight is still the same day; a minute later is not.
      expect(await check('2026-06-22T22:00:00+03:00', '2026-06-23T00:00:00+03:00')).toEqual({
        available: true,
        reasons: [],
      });
      expect(await check('2026-06-22T22:00:00+03:00', '2026-06-23T00:01:00+03:00')).toEqual({
        available: false,
        reasons: ['CROSSES_MIDNIGHT'],
      });
      expect(await check('2026-06-14T23:00:00+03:00', '2026-06-15T01:00:00+03:00')).toEqual({
        available: false,
        reasons: ['CROSSES_MIDNIGHT', 'ABSENT'],
      });
      expect(await check('2026-06-28T23:00:00+03:00', '2026-06-29T01:00:00+03:00')).toEqual({
        available: false,
        reasons: ['CROSSES_MIDNIGHT'],
      });
      await t.db.query(`UPDATE experts SET status = $2 WHERE user_id = $1`, [e.id, ExpertStatus.Paused]);
      expect(await check('2026-06-15T08:00:00+03:00', '2026-06-15T10:00:00+03:00')).toEqual({
        available: false,
        reasons: ['NOT_ACTIVE', 'ABSENT'],
      });
      expect(
        (
          await get(e.token, '/experts/me/availability/check')
            .query({ start: '2026-06-22T08:00:00+03:00', end: '2026-06-22T10:00:00+03:00' })
            .expect(200)
        ).body,
      ).toEqual({
        available: false,
        reasons: ['NOT_ACTIVE'],
      });
    });
  });
});
