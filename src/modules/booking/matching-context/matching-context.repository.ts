import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COUNTY_ZONE } from '../../../common/i18n/format';
import { OfferStatus } from '../entities/offer.entity';

const COUNTED = `('accepted', 'confirmed', 'completed')`;

export interface OfferRow {
  id: string;
  expertId: string;
  expertName: string;
  status: OfferStatus;
  offeredAt: Date;
  deadline: Date;
  answeredAt: Date | null;
  declineReason: string | null;
}

export interface LoadRow {
  expertId: string;
  week: number;
  month: number;
  maxPerWeek: number | null;
  maxPerMonth: number | null;
  offersLast30Days: number;
  lastOfferedAt: Date | null;
}

@Injectable()
export class MatchingContextRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  offers(requestId: string): Promise<OfferRow[]> {
    return this.dataSource.query(
      `SELECT o.id, o.expert_id AS "expertId", u.name AS "expertName", o.status, o.offered_at AS "offeredAt", o.deadline,
              o.answered_at AS "answeredAt", o.decline_reason AS "declineReason"
         FROM offers o JOIN users u ON u.id = o.expert_id
        WHERE o.request_id = $1 ORDER BY o.offered_at DESC, u.name, o.id`,
      [requestId],
    );
  }

  // Load counted as matching counts it against the caps: by the Helsinki week and month of the order's start.
  loads(expertIds: string[], startsAt: Date, now: Date): Promise<LoadRow[]> {
    if (expertIds.length === 0) return Promise.resolve([]);
    const tz = `'${COUNTY_ZONE}'`;
    return this.dataSource.query(
      `SELECT e.user_id AS "expertId", e.max_per_week AS "maxPerWeek", e.max_per_month AS "maxPerMonth",
              (SELECT count(*) FROM assignments a WHERE a.expert_id = e.user_id AND a.status IN ${COUNTED}
                  AND date_trunc('week', a.starts_at AT TIME ZONE ${tz}) = date_trunc('week', $2::timestamptz AT TIME ZONE ${tz}))::int AS week,
              (SELECT count(*) FROM assignments a WHERE a.expert_id = e.user_id AND a.status IN ${COUNTED}
                  AND date_trunc('month', a.starts_at AT TIME ZONE ${tz}) = date_trunc('month', $2::timestamptz AT TIME ZONE ${tz}))::int AS month,
              (SELECT count(*) FROM offers o WHERE o.expert_id = e.user_id AND o.offered_at >= $3::timestamptz - interval '30 days')::int AS "offersLast30Days",
              (SELECT max(o.offered_at) FROM offers o WHERE o.expert_id = e.user_id) AS "lastOfferedAt"
         FROM experts e WHERE e.user_id = ANY($1::uuid[])`,
      [expertIds, startsAt, now],
    );
  }
}
