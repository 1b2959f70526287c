// The experts of the benches at county-and-beyond scale, seeded in SQL (bench/matching.ts, bench/browser-experts.ts):
// `experts` active, verified experts (about 40 weekly windows each: ~200,000 at 5,000) and 20 assignments each
// (~100,000, past and future), each under an order of its own made by the first organisation member's unit.
import { DataSource } from 'typeorm';
import { BookingRequestEntity } from '../src/modules/booking/entities/booking-request.entity';
import { Role } from '../src/common/auth/role.enum';
import { TOPIC_CODES } from '../src/modules/demo/demo-data';
import { createBookableExpert } from '../test/factories/bookable.factory';
import { createRequest } from '../test/factories/booking.factory';
import { addMember, createUnit } from '../test/factories/organisations.factory';
import { createUser, TestUser } from '../test/factories/users.factory';
import { tuesdayThreeWeeksAhead } from './lib/bench';

const MUNICIPALITIES = [
  '905',
  '499',
  '598',
  '599',
  '893',
  '287',
  '545',
  '946',
  '440',
  '475',
  '152',
  '280',
  '231',
  '399',
];
// Pseudo-random choices in SQL from hashes (of the expert's number, or of their id): every run seeds the same mix.
export async function seed(db: DataSource, experts: number, template: TestUser): Promise<void> {
  const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`;
  const h = (salt: string) => `abs(hashtext(g::text || '${salt}'))`;
  await db.query(
    `
    INSERT INTO users (email, name, role, status, password_hash, language)
    SELECT 'bench-expert-' || g || '@example.test', 'Asiantuntija ' || lpad(g::text, 5, '0'), 'expert', 'active',
           (SELECT password_hash FROM users WHERE id = $1), 'fi'
      FROM generate_series(1, $2) g`,
    [template.id, experts],
  );
  await db.query(`
    INSERT INTO experts (user_id, status, home_municipality, travel_municipalities, works_remotely, languages, task_types, topics,
                         topics_consent_at, topics_consent_version, max_per_week, max_per_month, activated_at)
    SELECT u.id, 'active', (${arr(MUNICIPALITIES)})[1 + ${h('m')} % ${MUNICIPALITIES.length}],
           CASE WHEN ${h('t')} % 3 = 0 THEN ARRAY[(${arr(MUNICIPALITIES)})[1 + ${h('t1')} % ${MUNICIPALITIES.length}]]::bpchar[] ELSE '{}' END,
           ${h('r')} % 2 = 0,
           CASE ${h('l')} % 10 WHEN 0 THEN ARRAY['sv']::varchar[] WHEN 1 THEN ARRAY['sv', 'fi']::varchar[] WHEN 2 THEN ARRAY['fi', 'en']::varchar[] ELSE ARRAY['fi']::varchar[] END,
           enum_range(NULL::task_type),
           ARRAY[(${arr(TOPIC_CODES)})[1 + ${h('p1')} % ${TOPIC_CODES.length}], (${arr(TOPIC_CODES)})[1 + ${h('p2')} % ${TOPIC_CODES.length}]]::varchar[],
           now(), 'topics-v1',
           CASE WHEN ${h('w')} % 4 = 0 THEN 2 END, CASE WHEN ${h('mo')} % 4 = 0 THEN 6 END, now()
      FROM (SELECT id, substring(email from 'bench-expert-(\\d+)@')::int AS g FROM users WHERE email LIKE 'bench-expert-%') u`);
  // A verified credential each, on a stored file of its own (file_id is unique), copied from the template's.
  await db.query(
    `
    WITH t AS (SELECT c.*, f.media_type, f.size_bytes, f.sha256, f.original_name, f.bytes
                 FROM training_credentials c JOIN stored_files f ON f.id = c.file_id WHERE c.expert_id = $1),
    files AS (
      INSERT INTO stored_files (id, owner_id, media_type, size_bytes, sha256, original_name, bytes)
      SELECT gen_random_uuid(), e.user_id, t.media_type, t.size_bytes, t.sha256, t.original_name, t.bytes
        FROM experts e CROSS JOIN t WHERE e.user_id <> $1
      RETURNING id, owner_id
    )
    INSERT INTO training_credentials (expert_id, type, provider, completed_on, file_id, status, decided_by, decided_at)
    SELECT files.owner_id, t.type, t.provider, t.completed_on, files.id, 'verified', t.decided_by, now()
      FROM files CROSS JOIN t`,
    [template.id],
  );
  // Six two-hour windows a day, 08–20, each present with probability ~0.96: ~40 per expert.
  await db.query(
    `
    INSERT INTO availability_weekly_windows (expert_id, weekday, start_minute, end_minute, valid_from)
    SELECT e.user_id, d, 480 + s * 120, 600 + s * 120, DATE '2025-01-01'
      FROM experts e CROSS JOIN generate_series(1, 7) d CROSS JOIN generate_series(0, 5) s
     WHERE e.user_id <> $1 AND abs(hashtext(e.user_id::text || d || '-' || s)) % 100 < 96`,
    [template.id],
  );
  // Twenty assignments per expert, one every 30 days (offset per expert), from 500 days ago on: the past ones
  // completed, the future ones accepted; every tenth cancelled. Each under an order of its own.
  await db.query(
    `
    WITH slots AS (
      SELECT e.user_id, k, date_trunc('day', now()) - interval '500 days' + (k * 30 + abs(hashtext(e.user_id::text)) % 29) * interval '1 day' + interval '8 hours' AS starts_at,
             row_number() OVER () AS n
        FROM experts e CROSS JOIN generate_series(0, 19) k WHERE e.user_id <> $1
    ), requests AS (
      INSERT INTO booking_requests (organisation_id, cost_centre, created_by, status, task_type, title, starts_at, ends_at, remote, municipality, address, languages, topics, submitted_at)
      SELECT $2, 'BENCH', $3, CASE WHEN s.starts_at < now() THEN 'completed' ELSE 'filled' END::request_status, 'working_group', 'Bench ' || s.n,
             s.starts_at, s.starts_at + interval '2 hours', false, '905', 'Raastuvankatu 1', ARRAY['fi'], '{}', s.starts_at - interval '20 days'
        FROM slots s
      RETURNING id, starts_at, title
    )
    INSERT INTO assignments (request_id, expert_id, status, starts_at, ends_at, completed_at, cancelled_at, cancelled_by_party, cancel_reason)
    SELECT r.id, s.user_id,
           CASE WHEN s.k % 10 = 9 THEN 'cancelled' WHEN s.starts_at < now() THEN 'completed' ELSE 'accepted' END::assignment_status,
           s.starts_at, s.starts_at + interval '2 hours',
           CASE WHEN s.k % 10 <> 9 AND s.starts_at < now() THEN s.starts_at + interval '2 hours' END,
           CASE WHEN s.k % 10 = 9 THEN s.starts_at - interval '3 days' END,
           CASE WHEN s.k % 10 = 9 THEN 'county'::cancelled_by END,
           CASE WHEN s.k % 10 = 9 THEN 'Peruttu' END
      FROM slots s JOIN requests r ON r.title = 'Bench ' || s.n`,
    [
      template.id,
      (await db.query(`SELECT organisation_id FROM organisation_members LIMIT 1`))[0].organisation_id,
      template.id,
    ],
  );
  await db.query('VACUUM ANALYZE');
}

// The people of the matching benches: a coordinator, an orderer in a unit of their own (the unit the seeded
// assignments' orders are made by), and one bookable expert made by the factory, topic ageing (`template`: its
// credential file is the template of the seeded experts', its password hash theirs).
export async function matchingPeople(
  db: DataSource,
): Promise<{ coordinator: TestUser; orderer: TestUser; unit: { id: string }; template: TestUser }> {
  const coordinator = await createUser(db, Role.Coordinator);
  const orderer = await createUser(db, Role.Orderer);
  const unit = await createUnit(db);
  await addMember(db, unit.id, orderer.id);
  const template = await createBookableExpert(db, { topics: ['ageing'] });
  return { coordinator, orderer, unit, template };
}

// The two orders the matching benches measure, on a Tuesday three weeks ahead (Helsinki time): an ordinary one (on
// site in Vaasa 10–12, Finnish, one topic) and a broad one (remote 14–16, Finnish, any topic).
export async function matchingOrders(
  db: DataSource,
  unitId: string,
  ordererId: string,
  titles?: { ordinary: string; broad: string },
): Promise<{ ordinary: BookingRequestEntity; broad: BookingRequestEntity }> {
  const at = tuesdayThreeWeeksAhead();
  const ordinary = await createRequest(db, unitId, ordererId, {
    title: titles?.ordinary,
    startsAt: at(10),
    endsAt: at(12),
    municipality: '905',
    languages: ['fi'],
    topics: ['ageing'],
  });
  const broad = await createRequest(db, unitId, ordererId, {
    title: titles?.broad,
    startsAt: at(14),
    endsAt: at(16),
    remote: true,
    languages: ['fi'],
    topics: [],
  });
  return { ordinary, broad };
}
