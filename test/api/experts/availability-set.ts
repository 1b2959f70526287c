import { Role } from '../../../src/common/auth/role.enum';
import { availableExpertsSql } from '../../../src/modules/availability/availability-sql.util';
import { AvailabilityRepository } from '../../../src/modules/availability/availability.repository';
import { ExpertStatus } from '../../../src/modules/experts/entities/expert.entity';
import { addAbsence, addOneOffWindow, addWeeklyWindow } from '../../factories/availability.factory';
import { createExpert } from '../../factories/experts.factory';
import { loggedIn } from '../../factories/users.factory';
import { queriesOf } from '../../utils/query-count';
import { createTestApp, TestApp } from '../../utils/test-app';

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

describe('availability: which experts are available (one set-based query)', () => {
  let t: TestApp;
  let coordinator: string;
  const ids = {} as Record<Key, string>;
  const keyOf = new Map<string, Key>();

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = (await loggedIn(t.db, t.http, Role.Coordinator)).token;
    const db = t.db;
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
  afterAll(() => t.close());

  // Other tests add experts of their own to the same database; only this data set's experts are judged.
  const ours = (found: string[]): Key[] => found.flatMap((id) => keyOf.get(id) ?? []).sort();
  const list = (start: string, end: string) =>
    t.http.get('/availability/experts').set('authorization', `Bearer ${coordinator}`).query({ start, end }).expect(200);

  it.each(RANGES)('$label → exactly $expected', async ({ start, end, expected }) => {
    const res = await list(start, end);
    expect(ours(res.body.map((x: { id: string }) => x.id))).toEqual(expected);
  });

  it('answers ids and names, ordered by name', async () => {
    const res = await list(RANGES[0].start, RANGES[0].end);
    const mine = res.body.filter((x: { id: string }) => keyOf.has(x.id));
    expect(mine).toEqual([
      { id: ids.A, name: 'Aino Weekly' },
      { id: ids.B, name: 'Bror One-off' },
      { id: ids.G, name: 'Gunilla Split' },
      { id: ids.H, name: 'Henrik Mixed' },
      { id: ids.K, name: 'Kaisa Combined' },
    ]);
    expect(Object.keys(res.body[0]).sort()).toEqual(['id', 'name']);
  });

  it('agrees with the per-expert check for every expert and range', async () => {
    for (const range of RANGES) {
      for (const key of Object.keys(ids) as Key[]) {
        const res = await t.http
          .get(`/experts/${ids[key]}/availability/check`)
          .set('authorization', `Bearer ${coordinator}`)
          .query({ start: range.start, end: range.end })
          .expect(200);
        expect({ range: range.label, key, available: res.body.available }).toEqual({
          range: range.label,
          key,
          available: range.expected.includes(key),
        });
        expect(res.body.reasons.length === 0).toBe(res.body.available);
      }
    }
  });

  it.each([
    ['D', ['NOT_ACTIVE']],
    ['E', ['NOT_ACTIVE']],
    ['J', ['NOT_ACTIVE']],
    ['C', ['ABSENT']],
    ['F', ['NO_WINDOW']],
    ['I', ['NO_WINDOW']],
  ] as [Key, string[]][])('gives the reasons for %s on Monday 7 June', async (key, reasons) => {
    const res = await t.http
      .get(`/experts/${ids[key]}/availability/check`)
      .set('authorization', `Bearer ${coordinator}`)
      .query({ start: RANGES[0].start, end: RANGES[0].end })
      .expect(200);
    expect(res.body).toEqual({ available: false, reasons });
  });

  it('composes into another query with columns for the range (as booking does)', async () => {
    const values = RANGES.map(
      (_, i) => `($${3 * i + 1}::text, $${3 * i + 2}::timestamptz, $${3 * i + 3}::timestamptz)`,
    ).join(', ');
    const params = RANGES.flatMap((r) => [r.label, r.start, r.end]);
    const rows: { label: string; id: string }[] = await t.db.query(
      `SELECT r.label, e.user_id AS id
         FROM (VALUES ${values}) AS r(label, starts_at, ends_at)
         JOIN experts e ON ${availableExpertsSql('r.starts_at', 'r.ends_at')}
        WHERE e.user_id = ANY($${params.length + 1}::uuid[])`,
      [...params, Object.values(ids)],
    );
    for (const range of RANGES) {
      expect({ range: range.label, found: ours(rows.filter((r) => r.label === range.label).map((r) => r.id)) }).toEqual(
        {
          range: range.label,
          found: range.expected,
        },
      );
    }
  });

  it('composes into a TypeORM query builder with :named parameters, whatever their names', async () => {
    const range = RANGES[1];
    const rows: { id: string }[] = await t.db
      .createQueryBuilder()
      .select('e.user_id', 'id')
      .from('experts', 'e')
      .where(availableExpertsSql(':date', ':timestamptz'), { date: range.start, timestamptz: range.end })
      .andWhere('e.user_id IN (:...ids)', { ids: Object.values(ids) })
      .getRawMany();
    expect(ours(rows.map((r) => r.id))).toEqual(range.expected);
  });

  it('finds nobody for an empty or reversed range given as columns', async () => {
    const rows: { id: string }[] = await t.db.query(
      `SELECT e.user_id AS id
         FROM (VALUES ($1::timestamptz, $1::timestamptz), ($2::timestamptz, $1::timestamptz)) AS r(starts_at, ends_at)
         JOIN experts e ON ${availableExpertsSql('r.starts_at', 'r.ends_at')}
        WHERE e.user_id = ANY($3::uuid[])`,
      ['2027-06-07T10:00:00+03:00', '2027-06-07T11:00:00+03:00', Object.values(ids)],
    );
    expect(rows).toEqual([]);
  });

  it('gives the same answer through AvailabilityRepository.findAvailableExpertIds', async () => {
    const repo = t.app.get(AvailabilityRepository);
    for (const range of RANGES) {
      const found = await repo.findAvailableExpertIds({ start: new Date(range.start), end: new Date(range.end) });
      expect({ range: range.label, found: ours(found) }).toEqual({ range: range.label, found: range.expected });
    }
  });

  it('runs the same number of SQL queries however many experts there are', async () => {
    const [range] = RANGES;
    const count = async () => {
      const { n, result } = await queriesOf(() => list(range.start, range.end));
      return { queries: n, experts: result.body.length };
    };
    const before = await count();
    for (let i = 0; i < 20; i++) {
      const id = (await createExpert(t.db, { name: `Extra ${i}` })).id;
      await addWeeklyWindow(t.db, id, { weekday: 1, from: '08:00', to: '12:00', validFrom: '2027-01-01' });
    }
    const after = await count();
    expect(after.experts).toBeGreaterThanOrEqual(before.experts + 20);
    expect(before.queries).toBeGreaterThan(0);
    expect(after.queries).toBe(before.queries);
  });
});
