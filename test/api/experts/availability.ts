import { randomUUID } from 'node:crypto';
import { Role } from '../../../src/common/auth/role.enum';
import { PgCode } from '../../../src/common/errors/pg-errors';
import { loggedIn } from '../../factories/users.factory';
import { loggedInExpert } from '../../factories/availability.factory';
import { createTestApp, TestApp } from '../../utils/test-app';

const WEEKLY = '/experts/me/availability/weekly';
const ONE_OFF = '/experts/me/availability/one-off';
// A weekly window the API takes: Mondays 9 to 12 from 2026. The bad input below is this with one field changed.
const MONDAYS = { weekday: 1, from: '09:00', to: '12:00', validFrom: '2026-01-01' };
const ABSENCES = '/experts/me/availability/absences';

// Availability over HTTP: one happy path per route, the validation of bodies, path ids and query strings naming each
// field, one problem+json example and the database's CHECK constraints. The rules (listing order, audit rows, only
// one's own, a missing expert, the 24-hour range, daylight-saving time, the reasons, who is available and the SQL that
// other features compose) are asserted through the service in test/medium/availability-rules.ts, the
// overlaps in test/medium/availability-overlaps.ts; who may call which route is
// test/api/experts/availability-authorization.ts's.
describe('availability over HTTP', () => {
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
  const expert = (name?: string) => loggedInExpert(t.db, t.http, { name });

  describe('CRUD', () => {
    it('adds, lists and deletes weekly windows, one-off windows and absences', async () => {
      const e = await expert();
      const weekly = await post(e.token, WEEKLY, MONDAYS).expect(201);
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
    });
  });

  it('answers whether an expert is free (to the expert and the coordinator) and who is free, by name', async () => {
    const tag = randomUUID().slice(0, 8);
    const bror = await expert(`Bror ${tag}`);
    const aino = await expert(`Aino ${tag}`);
    for (const e of [bror, aino]) {
      await post(e.token, WEEKLY, { weekday: 1, from: '08:00', to: '24:00', validFrom: '2026-01-01' }).expect(201);
    }
    await post(aino.token, ABSENCES, { firstDay: '2026-06-01', lastDay: '2026-06-21' }).expect(201);
    // Mondays, summer time.
    const free = { start: '2026-06-22T08:00:00+03:00', end: '2026-06-22T10:00:00+03:00' };
    const away = { start: '2026-06-15T08:00:00+03:00', end: '2026-06-15T10:00:00+03:00' };
    expect((await get(coordinator, `/experts/${aino.id}/availability/check`).query(free).expect(200)).body).toEqual({
      available: true,
      reasons: [],
    });
    expect((await get(aino.token, '/experts/me/availability/check').query(away).expect(200)).body).toEqual({
      available: false,
      reasons: ['ABSENT'],
    });
    const list = (await get(coordinator, '/availability/experts').query(free).expect(200)).body as object[];
    expect(list.filter((x) => JSON.stringify(x).includes(tag))).toEqual([
      { id: aino.id, name: `Aino ${tag}` },
      { id: bror.id, name: `Bror ${tag}` },
    ]);
    expect(list.every((x) => Object.keys(x).sort().join() === 'id,name')).toBe(true);
  });

  describe('bad input', () => {
    let e: Awaited<ReturnType<typeof expert>>;
    beforeAll(async () => {
      e = await expert();
    });

    const errorsOf = (res: { body: { code: string; errors: { field: string; code: string }[] } }) => {
      expect(res.body.code).toBe('VALIDATION_FAILED');
      return res.body.errors.map((f) => [f.field, f.code]);
    };

    // The other ends before their starts (one-off, validity, absence) are the medium spec's.
    it('refuses an end before its start with a problem+json 400 naming the field', async () => {
      const res = await post(e.token, WEEKLY, { ...MONDAYS, from: '12:00', to: '09:00' }).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', detail: expect.any(String) });
      expect(errorsOf(res)).toEqual([['to', 'notAfterFrom']]);
    });

    it.each([0, 8, -1, 1.5, 'mon', '1', null])('refuses weekday %p', async (weekday) => {
      const res = await post(e.token, WEEKLY, { ...MONDAYS, weekday }).expect(400);
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
      const res = await post(e.token, WEEKLY, { ...MONDAYS, [field]: value }).expect(400);
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
      const res = await post(e.token, WEEKLY, { ...MONDAYS, validFrom: '2026-02-30' }).expect(400);
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
      // The row `sql` inserts (for the expert e) is refused by the CHECK constraint `constraint`.
      const refusedBy = (constraint: string, sql: string) =>
        expect(t.db.query(sql, [e.id])).rejects.toMatchObject({
          driverError: { code: PgCode.CheckViolation, constraint },
        });
      await refusedBy(
        'availability_weekly_times',
        `INSERT INTO availability_weekly_windows (expert_id, weekday, start_minute, end_minute, valid_from) VALUES ($1, 1, 720, 540, '2026-01-01')`,
      );
      await refusedBy(
        'availability_weekly_validity',
        `INSERT INTO availability_weekly_windows (expert_id, weekday, start_minute, end_minute, valid_from, valid_until) VALUES ($1, 1, 540, 720, '2026-01-02', '2026-01-01')`,
      );
      await refusedBy(
        'availability_weekly_weekday',
        `INSERT INTO availability_weekly_windows (expert_id, weekday, start_minute, end_minute, valid_from) VALUES ($1, 8, 540, 720, '2026-01-01')`,
      );
      await refusedBy(
        'availability_one_off_times',
        `INSERT INTO availability_one_off_windows (expert_id, day, start_minute, end_minute) VALUES ($1, '2026-01-01', 540, 1441)`,
      );
      await refusedBy(
        'availability_absences_period',
        `INSERT INTO availability_absences (expert_id, first_day, last_day) VALUES ($1, '2026-01-02', '2026-01-01')`,
      );
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
  });
});
