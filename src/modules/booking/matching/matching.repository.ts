import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COUNTY_ZONE } from '../../../common/i18n/format';
import { availableExpertsSql } from '../../availability/availability-sql';

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

// Weights of the ranking. Fairness: each assignment in the last 90 days costs more than a shared topic earns,
// so the same few experts do not get everything.
export const SCORE = { base: 100, perSharedTopic: 10, homeMunicipality: 5, firstLanguage: 3, perRecentAssignment: 12 } as const;
const HOLDING = `('accepted', 'confirmed')`;
const COUNTED = `('accepted', 'confirmed', 'completed')`;

// Every condition of a match as one set-based query: the number of queries does not grow with the experts.
@Injectable()
export class MatchingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findCandidates(requestId: string, now: Date, onlyExpertIds?: string[]): Promise<CandidateRow[]> {
    const tz = `'${COUNTY_ZONE}'`;
    return this.dataSource.query(
      `
      WITH recent AS (
        SELECT a.expert_id, count(*)::int AS n FROM assignments a
         WHERE a.status IN ${COUNTED} AND a.starts_at >= $2::timestamptz - interval '90 days' AND a.starts_at < $2::timestamptz
         GROUP BY a.expert_id
      )
      SELECT c.* FROM (
        SELECT e.user_id AS "expertId", u.name, e.languages, e.home_municipality AS "homeMunicipality",
               ARRAY(SELECT unnest(e.languages) INTERSECT SELECT unnest(r.languages) ORDER BY 1) AS "sharedLanguages",
               ARRAY(SELECT unnest(e.topics) INTERSECT SELECT unnest(r.topics) ORDER BY 1) AS "sharedTopics",
               CASE WHEN r.remote THEN 'remote' WHEN e.home_municipality = r.municipality THEN 'home' ELSE 'travels' END AS place,
               COALESCE(rc.n, 0) AS "recentAssignments",
               EXISTS (SELECT 1 FROM offers o WHERE o.request_id = r.id AND o.expert_id = e.user_id AND o.status IN ('offered', 'accepted')) AS "alreadyOffered",
               (${SCORE.base}
                 + ${SCORE.perSharedTopic} * cardinality(ARRAY(SELECT unnest(e.topics) INTERSECT SELECT unnest(r.topics)))
                 + CASE WHEN NOT r.remote AND e.home_municipality = r.municipality THEN ${SCORE.homeMunicipality} ELSE 0 END
                 + CASE WHEN r.languages[1] = ANY(e.languages) THEN ${SCORE.firstLanguage} ELSE 0 END
                 - ${SCORE.perRecentAssignment} * COALESCE(rc.n, 0))::int AS score
          FROM booking_requests r
          JOIN experts e ON true
          JOIN users u ON u.id = e.user_id
          LEFT JOIN recent rc ON rc.expert_id = e.user_id
         WHERE r.id = $1
           AND ($3::uuid[] IS NULL OR e.user_id = ANY($3::uuid[]))
           AND ${availableExpertsSql('r.starts_at', 'r.ends_at', 'e')}
           AND EXISTS (SELECT 1 FROM training_credentials tc WHERE tc.expert_id = e.user_id AND tc.status = 'verified')
           AND e.languages && r.languages
           AND (cardinality(r.topics) = 0 OR e.topics && r.topics)
           AND r.task_type = ANY(e.task_types)
           AND CASE WHEN r.remote THEN e.works_remotely
                    ELSE e.home_municipality = r.municipality OR r.municipality = ANY(e.travel_municipalities) END
           AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.expert_id = e.user_id AND a.status IN ${HOLDING}
                             AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(r.starts_at, r.ends_at, '[)'))
           AND (e.max_per_week IS NULL OR (
                 SELECT count(*) FROM assignments a WHERE a.expert_id = e.user_id AND a.status IN ${COUNTED}
                    AND date_trunc('week', a.starts_at AT TIME ZONE ${tz}) = date_trunc('week', r.starts_at AT TIME ZONE ${tz})
               ) < e.max_per_week)
           AND (e.max_per_month IS NULL OR (
                 SELECT count(*) FROM assignments a WHERE a.expert_id = e.user_id AND a.status IN ${COUNTED}
                    AND date_trunc('month', a.starts_at AT TIME ZONE ${tz}) = date_trunc('month', r.starts_at AT TIME ZONE ${tz})
               ) < e.max_per_month)
      ) c
      ORDER BY c.score DESC, c.name ASC, c."expertId" ASC`,
      [requestId, now, onlyExpertIds ?? null],
    );
  }
}
