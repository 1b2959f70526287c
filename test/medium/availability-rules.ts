import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Role } from '../../src/common/auth/role.enum';
import { createValidationPipe } from '../../src/common/validation/validation.pipe';
import { availableExpertsSql } from '../../src/modules/availability/availability-sql.util';
import { AvailabilityRepository } from '../../src/modules/availability/availability.repository';
import { AvailabilityService } from '../../src/modules/availability/availability.service';
import { AvailabilityRangeQuery } from '../../src/modules/availability/dto/availability-range.query';
import { CreateAbsenceDto } from '../../src/modules/availability/dto/create-absence.dto';
import { CreateOneOffWindowDto } from '../../src/modules/availability/dto/create-one-off-window.dto';
import { CreateWeeklyWindowDto } from '../../src/modules/availability/dto/create-weekly-window.dto';
import { ExpertStatus } from '../../src/modules/experts/entities/expert.entity';
import { addAbsence, addOneOffWindow, addWeeklyWindow } from '../factories/availability.factory';
import { createExpert, ExpertOverrides } from '../factories/experts.factory';
import { createUser } from '../factories/users.factory';
import { queriesOf } from '../utils/query-count';
import { body, contextOf, createMediumApp, MediumApp, problemOf } from './medium-app';

type Key = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K';

// Ranges in 2027: June is summer time (+03:00), January winter time (+02:00).
// 7, 14, 28 June, 31 May and 4 January 2027 are Mondays; 9 June a Wednesday, 12 June a Saturday.
const RANGES: { label: string; start: string; end: string; expected: Key[] }[] = [
  {
    label: 'Mon 7 Jun 10:00–11:00',
    start: '2027-06-07T10:00:00+03:00',
    end: '2027-06-07T11:00:00+03:00',
    expected: ['A', 'B', 'G', 'H', 'K'],
  },
  {
    label: 'Mon 7 Jun 09:30–11:00',
    start: '2027-06-07T06:30:00Z',
    end: '2027-06-07T08:00:00Z',
    expected: ['A', 'G', 'H', 'K'],
  },
  {
    label: 'Mon 14 Jun 13:00–15:00',
    start: '2027-06-14T13:00:00+03:00',
    end: '2027-06-14T15:00:00+03:00',
    expected: ['F'],
  },
  {
    label: 'Mon 28 Jun 11:00–12:30',
    start: '2027-06-28T11:00:00+03:00',
    end: '2027-06-28T12:30:00+03:00',
    expected: ['C', 'G', 'H'],
  },
  {
    label: 'Sat 12 Jun 10:00–12:00',
    start: '2027-06-12T10:00:00+03:00',
    end: '2027-06-12T12:00:00+03:00',
    expected: ['H'],
  },
  {
    label: 'Mon 7 Jun 23:00 – Tue 01:00',
    start: '2027-06-07T23:00:00+03:00',
    end: '2027-06-08T01:00:00+03:00',
    expected: [],
  },
  {
    label: 'Wed 9 Jun 13:00–16:00',
    start: '2027-06-09T13:00:00+03:00',
    end: '2027-06-09T16:00:00+03:00',
    expected: ['A'],
  },
  {
    label: 'Mon 4 Jan 09:00–12:00 (winter)',
    start: '2027-01-04T09:00:00+02:00',
    end: '2027-01-04T12:00:00+02:00',
    expected: ['A', 'C', 'F', 'G', 'H'],
  },
  {
    label: 'Mon 31 May 08:00–09:00',
    start: '2027-05-31T08:00:00+03:00',
    end: '2027-05-31T09:00:00+03:00',
    expected: ['C', 'F'],
  },
  {
    label: 'Tue 8 Jun 10:00–11:00',
    start: '2027-06-08T10:00:00+03:00',
    end: '2027-06-08T11:00:00+03:00',
    expected: [],
  },
];

// The rules of availability other than overlaps (availability-overlaps.ts), through the service and
// the repository on the real database: keeping windows and absences with their audit rows, only one's own, the
// range of a question, daylight-saving time in Europe/Helsinki, the reasons for not being available and who is
// available (one set-based query, also composed into other queries). The routes, their roles and the validation of
// bodies and query strings are test/api/experts/availability*.ts's.
describe('availability rules (service and database)', () => {
  let m: MediumApp;
  let service: AvailabilityService;
  let coordinator: ReturnType<typeof contextOf>;

  beforeAll(async () => {
    m = await createMediumApp();
    service = m.get(AvailabilityService);
    coordinator = contextOf(await createUser(m.db, Role.Coordinator));
  });
  afterAll(() => m.close());

  const expert = async (overrides: ExpertOverrides = {}) => {
    const user = await createExpert(m.db, overrides);
    return { ...user, ctx: contextOf(user) };
  };
  type Expert = Awaited<ReturnType<typeof expert>>;
  const weekly = async (e: Expert, b: object) => service.addWeekly(e.ctx, await body(CreateWeeklyWindowDto, b));
  const oneOff = async (e: Expert, b: object) => service.addOneOff(e.ctx, await body(CreateOneOffWindowDto, b));
  const absence = async (e: Expert, b: object) => service.addAbsence(e.ctx, await body(CreateAbsenceDto, b));
  // A query string as the controllers receive it: through the app's validation pipe.
  const range = async (start: string, end: string) =>
    (await createValidationPipe().transform(
      { start, end },
      { type: 'query', metatype: AvailabilityRangeQuery },
    )) as AvailabilityRangeQuery;
  const checkMine = async (e: Expert, start: string, end: string) => service.checkMine(e.ctx, await range(start, end));
  const checkOf = async (id: string, start: string, end: string) =>
    service.check(coordinator, id, await range(start, end));
  const availableIds = async (start: string, end: string) =>
    (await service.availableExperts(coordinator, await range(start, end))).map((x) => x.id);
  const audit = async (entityId: string) =>
    (await m.db.query(
      `SELECT action, actor_id, entity_type FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, action`,
      [entityId],
    )) as { action: string; actor_id: string; entity_type: string }[];
  const count = async (table: string, id: string) =>
    ((await m.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = $1`, [id])) as { n: number }[])[0].n;

  describe('keeping windows and absences', () => {
    it('adds, lists (weekday, then time) and removes the three kinds, each change audited as the expert', async () => {
      const e = await expert();
      const w3 = await weekly(e, {
        weekday: 3,
        from: '13:00',
        to: '15:00',
        validFrom: '2026-01-01',
        validUntil: '2026-06-30',
      });
      const w1pm = await weekly(e, { weekday: 1, from: '13:00', to: '15:00', validFrom: '2026-01-01' });
      const w1am = await weekly(e, { weekday: 1, from: '08:00', to: '10:00', validFrom: '2026-01-01' });
      expect(w1am).toEqual({
        id: expect.any(String),
        weekday: 1,
        from: '08:00',
        to: '10:00',
        validFrom: '2026-01-01',
        validUntil: null,
      });
      const day = await oneOff(e, { date: '2026-12-24', from: '10:00', to: '24:00' });
      expect(day).toEqual({ id: expect.any(String), date: '2026-12-24', from: '10:00', to: '24:00' });
      // A three-week holiday is one entry.
      const away = await absence(e, { firstDay: '2026-07-01', lastDay: '2026-07-21' });
      expect(away).toEqual({ id: expect.any(String), firstDay: '2026-07-01', lastDay: '2026-07-21' });

      const all = { weekly: [w1am, w1pm, w3], oneOff: [day], absences: [away] };
      expect(await service.mine(e.ctx)).toEqual(all);
      expect(await service.ofExpert(coordinator, e.id)).toEqual(all);
      expect((await service.mine(e.ctx)).weekly.map((w) => [w.weekday, w.from, w.validUntil])).toEqual([
        [1, '08:00', null],
        [1, '13:00', null],
        [3, '13:00', '2026-06-30'],
      ]);

      for (const w of [w1am, w1pm, w3]) await service.remove(e.ctx, 'weekly', w.id);
      await service.remove(e.ctx, 'oneOff', day.id);
      await service.remove(e.ctx, 'absence', away.id);
      expect(await service.mine(e.ctx)).toEqual({ weekly: [], oneOff: [], absences: [] });

      const trail = (type: string) => [
        { action: `${type}.created`, actor_id: e.id, entity_type: type },
        { action: `${type}.deleted`, actor_id: e.id, entity_type: type },
      ];
      for (const w of [w1am, w1pm, w3]) expect(await audit(w.id)).toEqual(trail('weekly_window'));
      expect(await audit(day.id)).toEqual(trail('one_off_window'));
      expect(await audit(away.id)).toEqual(trail('absence'));
    });

    it('refuses an end before its start with 400 naming the field, writing nothing', async () => {
      const e = await expert();
      const cases: [() => Promise<unknown>, string[][]][] = [
        [
          () => weekly(e, { weekday: 1, from: '12:00', to: '09:00', validFrom: '2026-01-01' }),
          [['to', 'notAfterFrom']],
        ],
        [
          () => weekly(e, { weekday: 1, from: '09:00', to: '09:00', validFrom: '2026-01-01' }),
          [['to', 'notAfterFrom']],
        ],
        [() => oneOff(e, { date: '2026-09-10', from: '15:00', to: '14:45' }), [['to', 'notAfterFrom']]],
        [
          () =>
            weekly(e, { weekday: 1, from: '09:00', to: '12:00', validFrom: '2026-06-02', validUntil: '2026-06-01' }),
          [['validUntil', 'beforeValidFrom']],
        ],
        [() => absence(e, { firstDay: '2026-07-21', lastDay: '2026-07-01' }), [['lastDay', 'beforeFirstDay']]],
      ];
      for (const [call, fields] of cases) {
        const res = await problemOf(call());
        expect(res).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
        expect(res.errors!.map((f) => [f.field, f.code])).toEqual(fields);
      }
      expect(await service.mine(e.ctx)).toEqual({ weekly: [], oneOff: [], absences: [] });
      const [{ n }] = await m.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE actor_id = $1`, [e.id]);
      expect(n).toBe(0);
    });

    it('answers EXPERT_NOT_FOUND to an expert account without a profile and for an expert that does not exist', async () => {
      const ctx = contextOf(await createUser(m.db, Role.Expert));
      const dto = await body(CreateAbsenceDto, { firstDay: '2026-07-01', lastDay: '2026-07-02' });
      const query = await range('2026-10-18T06:00:00Z', '2026-10-18T09:00:00Z');
      const id = randomUUID();
      const calls = [
        () => service.mine(ctx),
        () => service.addAbsence(ctx, dto),
        () => service.checkMine(ctx, query),
        () => service.remove(ctx, 'weekly', randomUUID()),
        // A coordinator asking about an expert that does not exist.
        () => service.ofExpert(coordinator, id),
        () => service.check(coordinator, id, query),
      ];
      for (const call of calls) {
        expect(await problemOf(call())).toMatchObject({ status: 404, code: 'EXPERT_NOT_FOUND' });
      }
      const [{ n }] = await m.db.query(`SELECT count(*)::int AS n FROM availability_absences WHERE expert_id = $1`, [
        ctx.user.id,
      ]);
      expect(n).toBe(0);
    });

    it("removes only one's own: another expert's id is not found, as a missing one, the row stays and the attempt is audited", async () => {
      const owner = await expert();
      const other = await expert();
      const kinds = [
        [
          'weekly',
          'availability_weekly_windows',
          'weekly_window',
          await weekly(owner, { weekday: 1, from: '09:00', to: '12:00', validFrom: '2026-01-01' }),
        ],
        [
          'oneOff',
          'availability_one_off_windows',
          'one_off_window',
          await oneOff(owner, { date: '2026-09-10', from: '09:00', to: '12:00' }),
        ],
        [
          'absence',
          'availability_absences',
          'absence',
          await absence(owner, { firstDay: '2026-07-01', lastDay: '2026-07-21' }),
        ],
      ] as const;
      const before = await service.mine(owner.ctx);
      for (const [kind, table, entityType, row] of kinds) {
        const refused = await problemOf(service.remove(other.ctx, kind, row.id));
        expect(refused).toMatchObject({ status: 404, code: 'AVAILABILITY_NOT_FOUND' });
        // Exactly the answer for an id that does not exist at all.
        const missing = await problemOf(service.remove(other.ctx, kind, randomUUID()));
        expect([missing.status, missing.code, missing.detail]).toEqual([refused.status, refused.code, refused.detail]);
        expect(await count(table, row.id)).toBe(1);
        expect(await audit(row.id)).toEqual([
          { action: `${entityType}.created`, actor_id: owner.id, entity_type: entityType },
          { action: 'authz.denied', actor_id: other.id, entity_type: entityType },
        ]);
      }
      expect(await service.mine(owner.ctx)).toEqual(before);
      expect(await service.mine(other.ctx)).toEqual({ weekly: [], oneOff: [], absences: [] });
    });
  });

  it('answers a range of exactly 24 hours on all three questions, and refuses a second more naming end', async () => {
    const e = await expert();
    const [start, end] = ['2026-10-18T06:00:00Z', '2026-10-19T06:00:00Z'];
    expect(await checkMine(e, start, end)).toMatchObject({ available: false });
    expect(await checkOf(e.id, start, end)).toMatchObject({ available: false });
    expect(await availableIds(start, end)).toEqual(expect.any(Array));
    const res = await problemOf(range(start, '2026-10-19T06:00:01Z'));
    expect(res).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect([...new Set(res.errors!.map((f) => f.field))]).toEqual(['end']);
  });

  describe('daylight saving time (Europe/Helsinki)', () => {
    let sunday: Expert;
    let night: Expert;

    beforeAll(async () => {
      sunday = await expert();
      await weekly(sunday, { weekday: 7, from: '09:00', to: '12:00', validFrom: '2026-01-01' });
      // The night of the autumn change: 03:00–04:00 local happens twice.
      night = await expert();
      await oneOff(night, { date: '2026-10-25', from: '02:00', to: '05:00' });
      // A window starting inside the spring gap (03:00–04:00 local does not exist on 29 March 2026).
      await oneOff(night, { date: '2026-03-29', from: '03:30', to: '04:00' });
    });

    it('keeps Sundays 09:00–12:00 in local time across both changes, for the check and the list alike', async () => {
      const rows: [string, string, string, boolean][] = [
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
      ];
      for (const [label, start, end, available] of rows) {
        expect({ label, check: await checkMine(sunday, start, end) }).toEqual({
          label,
          check: { available, reasons: available ? [] : ['NO_WINDOW'] },
        });
        expect({ label, listed: (await availableIds(start, end)).includes(sunday.id) }).toEqual({
          label,
          listed: available,
        });
      }
      // The offsets used above, as luxon reads them.
      const utc = (iso: string) =>
        DateTime.fromISO(iso, { zone: 'Europe/Helsinki' }).toUTC().toISO({ suppressMilliseconds: true });
      expect(utc('2026-10-18T09:00')).toBe('2026-10-18T06:00:00Z');
      expect(utc('2026-10-25T09:00')).toBe('2026-10-25T07:00:00Z');
      expect(utc('2026-11-01T09:00')).toBe('2026-11-01T07:00:00Z');
      expect(utc('2026-03-22T09:00')).toBe('2026-03-22T07:00:00Z');
      expect(utc('2026-03-29T09:00')).toBe('2026-03-29T06:00:00Z');
      expect(utc('2026-04-05T09:00')).toBe('2026-04-05T06:00:00Z');
      // The stored window stays 09:00–12:00.
      expect((await service.mine(sunday.ctx)).weekly).toEqual([
        expect.objectContaining({ weekday: 7, from: '09:00', to: '12:00' }),
      ]);
    });

    it('covers the repeated hour of the autumn night with a 02:00–05:00 window', async () => {
      const free = { available: true, reasons: [] };
      // 03:30 EEST → 03:30 EET: one real hour that reads 03:30–03:30 on the wall.
      expect(await checkMine(night, '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z')).toEqual(free);
      // 02:00 EEST is 23:00Z the day before; 05:00 EET is 03:00Z.
      expect(await checkMine(night, '2026-10-24T23:00:00Z', '2026-10-25T03:00:00Z')).toEqual(free);
      expect(await checkMine(night, '2026-10-24T22:59:00Z', '2026-10-25T01:00:00Z')).toMatchObject({
        available: false,
      });
      expect(await checkMine(night, '2026-10-25T02:00:00Z', '2026-10-25T03:01:00Z')).toMatchObject({
        available: false,
      });
    });

    it('treats a window in the spring gap as empty, without failing', async () => {
      const none = { available: false, reasons: ['NO_WINDOW'] };
      // 04:00 EEST is 01:00Z; the missing 03:30 reads as 03:30 EET, 01:30Z.
      expect(await checkMine(night, '2026-03-29T00:59:00Z', '2026-03-29T01:01:00Z')).toEqual(none);
      expect(await checkMine(night, '2026-03-29T01:00:00Z', '2026-03-29T01:30:00Z')).toEqual(none);
      expect(await availableIds('2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z')).not.toContain(night.id);
    });
  });

  it('names why an expert is not available', async () => {
    const e = await expert();
    await weekly(e, { weekday: 1, from: '08:00', to: '24:00', validFrom: '2026-01-01' });
    await absence(e, { firstDay: '2026-06-01', lastDay: '2026-06-21' });
    const check = (start: string, end: string) => checkOf(e.id, start, end);
    const no = (...reasons: string[]) => ({ available: false, reasons });
    // Mondays, summer time.
    expect(await check('2026-06-22T08:00:00+03:00', '2026-06-22T10:00:00+03:00')).toEqual({
      available: true,
      reasons: [],
    });
    expect(await check('2026-06-15T08:00:00+03:00', '2026-06-15T10:00:00+03:00')).toEqual(no('ABSENT'));
    expect(await check('2026-06-22T07:00:00+03:00', '2026-06-22T10:00:00+03:00')).toEqual(no('NO_WINDOW'));
    expect(await check('2026-06-23T08:00:00+03:00', '2026-06-23T10:00:00+03:00')).toEqual(no('NO_WINDOW'));
    // An end at local midnight is still the same day; a minute later is not.
    expect(await check('2026-06-22T22:00:00+03:00', '2026-06-23T00:00:00+03:00')).toEqual({
      available: true,
      reasons: [],
    });
    expect(await check('2026-06-22T22:00:00+03:00', '2026-06-23T00:01:00+03:00')).toEqual(no('CROSSES_MIDNIGHT'));
    expect(await check('2026-06-14T23:00:00+03:00', '2026-06-15T01:00:00+03:00')).toEqual(
      no('CROSSES_MIDNIGHT', 'ABSENT'),
    );
    expect(await check('2026-06-28T23:00:00+03:00', '2026-06-29T01:00:00+03:00')).toEqual(no('CROSSES_MIDNIGHT'));
    await m.db.query(`UPDATE experts SET status = $2 WHERE user_id = $1`, [e.id, ExpertStatus.Paused]);
    expect(await check('2026-06-15T08:00:00+03:00', '2026-06-15T10:00:00+03:00')).toEqual(no('NOT_ACTIVE', 'ABSENT'));
    expect(await checkMine(e, '2026-06-22T08:00:00+03:00', '2026-06-22T10:00:00+03:00')).toEqual(no('NOT_ACTIVE'));
  });

  describe('who is available (one set-based query)', () => {
    const ids = {} as Record<Key, string>;
    const keyOf = new Map<string, Key>();

    beforeAll(async () => {
      const db = m.db;
      const make = async (key: Key, name: string, status = ExpertStatus.Active) => {
        ids[key] = (await createExpert(db, { name, status })).id;
        keyOf.set(ids[key], key);
        return ids[key];
      };
      const from2027 = { validFrom: '2027-01-01' };

      const a = await make('A', 'Aino Weekly');
      await addWeeklyWindow(db, a, { weekday: 1, from: '09:00', to: '12:00', ...from2027 });
      await addWeeklyWindow(db, a, { weekday: 3, from: '13:00', to: '16:00', ...from2027 });

      const b = await make('B', 'Bror One-off');
      await addOneOffWindow(db, b, { date: '2027-06-07', from: '10:00', to: '14:00' });

      const c = await make('C', 'Cecilia Holiday');
      await addWeeklyWindow(db, c, { weekday: 1, from: '08:00', to: '16:00', ...from2027 });
      await addAbsence(db, c, { firstDay: '2027-06-01', lastDay: '2027-06-21' });

      const d = await make('D', 'Daniel Paused', ExpertStatus.Paused);
      await addWeeklyWindow(db, d, { weekday: 1, from: '08:00', to: '16:00', ...from2027 });

      const e = await make('E', 'Elina Applicant', ExpertStatus.Applicant);
      await addWeeklyWindow(db, e, { weekday: 1, from: '08:00', to: '16:00', ...from2027 });

      // One validity ended on 31 May; the next begins on 14 June.
      const f = await make('F', 'Fredrik Ended');
      await addWeeklyWindow(db, f, {
        weekday: 1,
        from: '08:00',
        to: '16:00',
        validFrom: '2027-01-01',
        validUntil: '2027-05-31',
      });
      await addWeeklyWindow(db, f, { weekday: 1, from: '13:00', to: '17:00', validFrom: '2027-06-14' });

      // Two touching windows together cover 09:00–13:00.
      const g = await make('G', 'Gunilla Split');
      await addWeeklyWindow(db, g, { weekday: 1, from: '09:00', to: '11:00', ...from2027 });
      await addWeeklyWindow(db, g, { weekday: 1, from: '11:00', to: '13:00', ...from2027 });

      const h = await make('H', 'Henrik Mixed');
      await addWeeklyWindow(db, h, { weekday: 1, from: '09:00', to: '17:00', ...from2027 });
      await addOneOffWindow(db, h, { date: '2027-06-12', from: '10:00', to: '12:00' });
      await addAbsence(db, h, { firstDay: '2027-06-14', lastDay: '2027-06-14' });

      await make('I', 'Iida Nothing');

      const j = await make('J', 'Johannes Retired', ExpertStatus.Retired);
      await addWeeklyWindow(db, j, { weekday: 1, from: '08:00', to: '16:00', ...from2027 });

      // A weekly hour and a one-off window on 7 June that touch: 09:00–12:00 that day only.
      const k = await make('K', 'Kaisa Combined');
      await addWeeklyWindow(db, k, { weekday: 1, from: '09:00', to: '10:00', ...from2027 });
      await addOneOffWindow(db, k, { date: '2027-06-07', from: '10:00', to: '12:00' });
    });

    // Other tests add experts of their own to the same database; only this data set's experts are judged.
    const ours = (found: string[]): Key[] => found.flatMap((id) => keyOf.get(id) ?? []).sort();

    it('lists exactly the available experts for each range, by name, and the per-expert check agrees with reasons', async () => {
      for (const r of RANGES) {
        expect({ range: r.label, found: ours(await availableIds(r.start, r.end)) }).toEqual({
          range: r.label,
          found: r.expected,
        });
        for (const key of Object.keys(ids) as Key[]) {
          const check = await checkOf(ids[key], r.start, r.end);
          expect({ range: r.label, key, available: check.available }).toEqual({
            range: r.label,
            key,
            available: r.expected.includes(key),
          });
          expect(check.reasons.length === 0).toBe(check.available);
        }
      }
      const first = await service.availableExperts(coordinator, await range(RANGES[0].start, RANGES[0].end));
      expect(first.filter((x) => keyOf.has(x.id))).toEqual([
        { id: ids.A, name: 'Aino Weekly' },
        { id: ids.B, name: 'Bror One-off' },
        { id: ids.G, name: 'Gunilla Split' },
        { id: ids.H, name: 'Henrik Mixed' },
        { id: ids.K, name: 'Kaisa Combined' },
      ]);
      expect(Object.keys(first[0]).sort()).toEqual(['id', 'name']);
      // The reasons on Monday 7 June.
      const reasons: [Key, string[]][] = [
        ['D', ['NOT_ACTIVE']],
        ['E', ['NOT_ACTIVE']],
        ['J', ['NOT_ACTIVE']],
        ['C', ['ABSENT']],
        ['F', ['NO_WINDOW']],
        ['I', ['NO_WINDOW']],
      ];
      for (const [key, expected] of reasons) {
        expect({ key, check: await checkOf(ids[key], RANGES[0].start, RANGES[0].end) }).toEqual({
          key,
          check: { available: false, reasons: expected },
        });
      }
    });

    it('composes into other queries: columns for the range, :named parameters, and nobody for an empty or reversed range', async () => {
      const values = RANGES.map(
        (_, i) => `($${3 * i + 1}::text, $${3 * i + 2}::timestamptz, $${3 * i + 3}::timestamptz)`,
      ).join(', ');
      const params = RANGES.flatMap((r) => [r.label, r.start, r.end]);
      const rows: { label: string; id: string }[] = await m.db.query(
        `SELECT r.label, e.user_id AS id
           FROM (VALUES ${values}) AS r(label, starts_at, ends_at)
           JOIN experts e ON ${availableExpertsSql('r.starts_at', 'r.ends_at')}
          WHERE e.user_id = ANY($${params.length + 1}::uuid[])`,
        [...params, Object.values(ids)],
      );
      for (const r of RANGES) {
        const found = ours(rows.filter((x) => x.label === r.label).map((x) => x.id));
        expect({ range: r.label, found }).toEqual({ range: r.label, found: r.expected });
      }

      const named: { id: string }[] = await m.db
        .createQueryBuilder()
        .select('e.user_id', 'id')
        .from('experts', 'e')
        .where(availableExpertsSql(':date', ':timestamptz'), { date: RANGES[1].start, timestamptz: RANGES[1].end })
        .andWhere('e.user_id IN (:...ids)', { ids: Object.values(ids) })
        .getRawMany();
      expect(ours(named.map((r) => r.id))).toEqual(RANGES[1].expected);

      const empty: { id: string }[] = await m.db.query(
        `SELECT e.user_id AS id
           FROM (VALUES ($1::timestamptz, $1::timestamptz), ($2::timestamptz, $1::timestamptz)) AS r(starts_at, ends_at)
           JOIN experts e ON ${availableExpertsSql('r.starts_at', 'r.ends_at')}
          WHERE e.user_id = ANY($3::uuid[])`,
        ['2027-06-07T10:00:00+03:00', '2027-06-07T11:00:00+03:00', Object.values(ids)],
      );
      expect(empty).toEqual([]);
    });

    it('gives the same answer through findAvailableExpertIds, and the same number of queries however many experts', async () => {
      const repo = m.get(AvailabilityRepository);
      for (const r of RANGES) {
        const found = await repo.findAvailableExpertIds({ start: new Date(r.start), end: new Date(r.end) });
        expect({ range: r.label, found: ours(found) }).toEqual({ range: r.label, found: r.expected });
      }

      const [first] = RANGES;
      const query = await range(first.start, first.end);
      const measure = async () => {
        const { n, result } = await queriesOf(() => service.availableExperts(coordinator, query));
        return { queries: n, experts: result.length };
      };
      const before = await measure();
      for (let i = 0; i < 20; i++) {
        const id = (await createExpert(m.db, { name: `Extra ${i}` })).id;
        await addWeeklyWindow(m.db, id, { weekday: 1, from: '08:00', to: '12:00', validFrom: '2027-01-01' });
      }
      const after = await measure();
      expect(after.experts).toBeGreaterThanOrEqual(before.experts + 20);
      expect(before.queries).toBeGreaterThan(0);
      expect(after.queries).toBe(before.queries);
    });
  });
});
