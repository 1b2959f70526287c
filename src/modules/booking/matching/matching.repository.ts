import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { COUNTY_ZONE } from '../../../common/i18n/format';
import { availableExpertsSql } from '../../availability';
import { matchingScoreSql } from './matching-score.rule';

export interface CandidateRow {
  expertId: string;
  name: string;
  languages: string[];
  homeMunicipality: string | null;
  sharedLanguages: string[];
  sharedTopics: string[];
  place: 'remote' | 'home' | 'travels';
  recentAssignments: number;
  alreadyOffered: boolean;
  score: number;
}

const HOLDING = `('accepted', 'confirmed')`;
const COUNTED = `('accepted', 'confirmed', 'completed')`;

// The order's terms, passed as values rather than joined from booking_requests: the planner then estimates each
// condition from the experts' own statistics (which languages, topics and municipalities are common) instead of
// guessing one matching expert, which priced the plan far above the JIT thresholds (about 1 s of compiling per
// call at 5,000 experts) and, without JIT, chose nested loops that read the users, credentials and recent
// assignments once per candidate.
export interface MatchTerms {
  id: string;
  startsAt: Date;
  endsAt: Date;
  remote: boolean;
  municipality: string | null;
  languages: string[];
  topics: string[];
  taskType: string;
}

// Every condition of a match as one set-based query: the number of queries does not grow with the experts.
// $1 the request, $2 now, $3 only these experts (or null for all), $4–$10 the order's terms, $11 the page size
// (null: every candidate), $12 the offset. Each row carries the total of all candidates; an offset past the end
// answers one row holding only the total.
export const CANDIDATES_SQL = candidatesSql();

// Where each of the order's terms sits among a query's parameters.
interface TermParams {
  start: string;
  end: string;
  remote: string;
  municipality: string;
  languages: string;
  topics: string;
  taskType: string;
}

// Each condition of a match over the experts alias `e`, in the order the funnel counts them; the candidates' query
// and the funnel are built from these same fragments, so that the two can never disagree.
function matchConditions(p: TermParams) {
  const tz = `'${COUNTY_ZONE}'`;
  const start = `CAST(${p.start} AS timestamptz)`;
  const end = `CAST(${p.end} AS timestamptz)`;
  const remote = `CAST(${p.remote} AS boolean)`;
  const municipality = `CAST(${p.municipality} AS bpchar)`;
  const languages = `CAST(${p.languages} AS varchar[])`;
  const topics = `CAST(${p.topics} AS varchar[])`;
  // The load caps count the expert's work in the local week and month of the start: as a range of instants on
  // starts_at, so that both columns of the (expert_id, starts_at) index bound the scan. Local midnight is never
  // inside a daylight-saving jump in Finland (03:00–04:00), so the range is exactly the local week or month.
  const local = `(${start} AT TIME ZONE ${tz})`;
  const capped = (unit: 'week' | 'month', max: string) => `(${max} IS NULL OR (
                 SELECT count(*) FROM assignments a WHERE a.expert_id = e.user_id AND a.status IN ${COUNTED}
                    AND a.starts_at >= (date_trunc('${unit}', ${local}) AT TIME ZONE ${tz})
                    AND a.starts_at < ((date_trunc('${unit}', ${local}) + interval '1 ${unit}') AT TIME ZONE ${tz})
               ) < ${max})`;
  return {
    terms: { start, end, remote, municipality, languages, topics },
    // Who can be offered work at all: active, with a verified training credential.
    verified: `e.status = 'active'
           AND EXISTS (SELECT 1 FROM training_credentials tc WHERE tc.expert_id = e.user_id AND tc.status = 'verified')`,
    language: `e.languages && ${languages}`,
    topic: `(cardinality(${topics}) = 0 OR e.topics && ${topics})`,
    taskType: `CAST(${p.taskType} AS task_type) = ANY(e.task_types)`,
    place: `CASE WHEN ${remote} THEN e.works_remotely
                    ELSE e.home_municipality = ${municipality} OR ${municipality} = ANY(e.travel_municipalities) END`,
    available: availableExpertsSql(p.start, p.end, 'e'),
    free: `NOT EXISTS (SELECT 1 FROM assignments a WHERE a.expert_id = e.user_id AND a.status IN ${HOLDING}
                             AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(${start}, ${end}, '[)'))`,
    load: `${capped('week', 'e.max_per_week')}
           AND ${capped('month', 'e.max_per_month')}`,
    capped,
  };
}

// Whether work starting at $1 still fits the caps of expert $2, counted as matching counts them.
const WITHIN_CAPS_SQL = (() => {
  const { capped } = matchConditions({
    start: '$1',
    end: '$1',
    remote: 'NULL',
    municipality: 'NULL',
    languages: 'NULL',
    topics: 'NULL',
    taskType: 'NULL',
  });
  return `SELECT ${capped('week', 'e.max_per_week')} AS week, ${capped('month', 'e.max_per_month')} AS month
            FROM experts e WHERE e.user_id = $2`;
})();

export const FUNNEL_STEPS = [
  'verified',
  'language',
  'topic',
  'taskType',
  'place',
  'available',
  'free',
  'load',
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

// How many experts are left after each condition in turn, from every active expert with a verified credential to
// the candidates: why an order has few or none. $1–$7 the order's terms. Each expert's conditions are checked in
// nested CASEs, which PostgreSQL evaluates lazily: each costly one (times, overlaps, caps) runs once, and only for the
// experts who passed the ones before it.
export const FUNNEL_SQL = (() => {
  const m = matchConditions({
    start: '$1',
    end: '$2',
    remote: '$3',
    municipality: '$4',
    languages: '$5',
    topics: '$6',
    taskType: '$7',
  });
  const conditions = FUNNEL_STEPS.slice(1);
  // The number of conditions passed in a row, from the first.
  const reached = conditions.reduceRight(
    (passedAll, step, i) => `CASE WHEN ${m[step]} THEN ${passedAll} ELSE ${i} END`,
    String(conditions.length),
  );
  const counts = conditions.map((step, i) => `count(*) FILTER (WHERE reached > ${i})::int AS "${step}"`);
  return `SELECT count(*)::int AS "verified", ${counts.join(', ')}
            FROM (SELECT ${reached} AS reached FROM experts e WHERE ${m.verified}) passed`;
})();

function candidatesSql(): string {
  const m = matchConditions({
    start: '$4',
    end: '$5',
    remote: '$6',
    municipality: '$7',
    languages: '$8',
    topics: '$9',
    taskType: '$10',
  });
  const { remote, municipality, languages, topics } = m.terms;
  return `
      WITH e AS MATERIALIZED (
        -- First the conditions the planner can estimate from the experts' statistics, so that it knows how many
        -- experts the costly checks below run for (a few dozen for an ordinary order, a few thousand for a broad one).
        SELECT e.*, u.name FROM experts e
          JOIN users u ON u.id = e.user_id
         WHERE ${m.verified}
           AND ($3::uuid[] IS NULL OR e.user_id = ANY($3::uuid[]))
           AND ${m.language}
           AND ${m.topic}
           AND ${m.taskType}
           AND ${m.place}
      ), c AS (
        -- Every candidate with what ranks it; what only the page shows is worked out below for the page's rows.
        SELECT e.user_id AS "expertId", e.name, rc.n AS "recentAssignments",
               ${matchingScoreSql({
                 sharedTopics: `(SELECT count(DISTINCT t) FROM unnest(e.topics) t WHERE t = ANY(${topics}))`,
                 atHome: `NOT ${remote} AND e.home_municipality = ${municipality}`,
                 speaksFirstLanguage: `(${languages})[1] = ANY(e.languages)`,
                 recentAssignments: 'rc.n',
               })} AS score
          FROM e
          -- The last 90 days' work of this candidate, from both columns of the (expert_id, starts_at) index: the count
          -- grows with the candidates, not with all the assignments of all experts.
          CROSS JOIN LATERAL (
            SELECT count(*)::int AS n FROM assignments a
             WHERE a.expert_id = e.user_id AND a.status IN ${COUNTED}
               AND a.starts_at >= CAST($2 AS timestamptz) - interval '90 days' AND a.starts_at < CAST($2 AS timestamptz)
          ) rc
         WHERE ${m.available}
           AND ${m.free}
           AND ${m.load}
      ), page AS (
        -- The page's rows first (OFFSET 0 keeps the planner from working out the columns below for every candidate).
        SELECT p.*,
               ARRAY(SELECT unnest(p.languages) INTERSECT SELECT unnest(${languages}) ORDER BY 1) AS "sharedLanguages",
               ARRAY(SELECT unnest(p.topics) INTERSECT SELECT unnest(${topics}) ORDER BY 1) AS "sharedTopics",
               CASE WHEN ${remote} THEN 'remote' WHEN p."homeMunicipality" = ${municipality} THEN 'home' ELSE 'travels' END AS place,
               EXISTS (SELECT 1 FROM offers o WHERE o.request_id = $1 AND o.expert_id = p."expertId" AND o.status IN ('offered', 'accepted')) AS "alreadyOffered"
          FROM (
            SELECT c.*, e.languages, e.topics, e.home_municipality AS "homeMunicipality"
              FROM (SELECT * FROM c ORDER BY c.score DESC, c.name ASC, c."expertId" ASC LIMIT $11 OFFSET $12) c
              JOIN e ON e.user_id = c."expertId"
            OFFSET 0
          ) p
      )
      SELECT (SELECT count(*) FROM c)::int AS total, page."expertId", page.name, page.languages, page."homeMunicipality",
             page."sharedLanguages", page."sharedTopics", page.place, page."recentAssignments", page."alreadyOffered",
             page.score
        FROM (SELECT 1) one LEFT JOIN page ON true
       ORDER BY page.score DESC, page.name ASC, page."expertId" ASC`;
}

export interface CandidatePage {
  rows: CandidateRow[];
  total: number;
}

@Injectable()
export class MatchingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // The first of the expert's own caps (a week's, then a month's) that work starting then would cross, if any: an
  // expert may hold several offers at once and accept them one after another. The caller holds the expert's lock.
  async capCrossed(manager: EntityManager, expertId: string, startsAt: Date): Promise<'week' | 'month' | null> {
    const [row]: { week: boolean; month: boolean }[] = await manager.query(WITHIN_CAPS_SQL, [startsAt, expertId]);
    if (!row) return null;
    return !row.week ? 'week' : !row.month ? 'month' : null;
  }

  // How many experts are left after each condition of a match in turn.
  async funnel(terms: MatchTerms): Promise<Record<FunnelStep, number>> {
    const [row]: Record<FunnelStep, number>[] = await this.dataSource.query(FUNNEL_SQL, termValues(terms));
    return row;
  }

  // The ranked candidates, best first; `page` null for all of them.
  async findCandidates(
    terms: MatchTerms,
    now: Date,
    page: { limit: number; offset: number } | null,
    onlyExpertIds?: string[],
  ): Promise<CandidatePage> {
    const rows: (CandidateRow & { total: number })[] = await this.dataSource.query(
      CANDIDATES_SQL,
      candidateParams(terms, now, page, onlyExpertIds),
    );
    return {
      rows: rows.filter((r) => r.expertId !== null).map(({ total: _total, ...row }) => row),
      total: rows[0]?.total ?? 0,
    };
  }
}

export function candidateParams(
  terms: MatchTerms,
  now: Date,
  page: { limit: number; offset: number } | null,
  onlyExpertIds?: string[],
): unknown[] {
  return [terms.id, now, onlyExpertIds ?? null, ...termValues(terms), page?.limit ?? null, page?.offset ?? 0];
}

// The order's terms in the order of TermParams' placeholders.
function termValues(terms: MatchTerms): unknown[] {
  return [
    terms.startsAt,
    terms.endsAt,
    terms.remote,
    terms.municipality,
    terms.languages,
    terms.topics,
    terms.taskType,
  ];
}
