import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COUNTY_ZONE } from '../../common/i18n/format';
import { AssignmentStatus } from '../booking/entities/assignment.entity';

export const OVERVIEW_ASSIGNMENTS = 50;
const COUNTED = `('accepted', 'confirmed', 'completed')`;

interface AssignmentRow {
  id: string;
  requestId: string;
  title: string;
  status: AssignmentStatus;
  startsAt: Date;
  endsAt: Date;
}

@Injectable()
export class ExpertOverviewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async expert(
    expertId: string,
  ): Promise<{ maxPerWeek: number | null; maxPerMonth: number | null; ceilingCents: number | null } | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT max_per_week AS "maxPerWeek", max_per_month AS "maxPerMonth", yearly_earnings_ceiling_cents AS "ceilingCents" FROM experts WHERE user_id = $1`,
      [expertId],
    )) as { maxPerWeek: number | null; maxPerMonth: number | null; ceilingCents: number | null }[];
    return row;
  }

  assignments(expertId: string): Promise<AssignmentRow[]> {
    return this.dataSource.query(
      `SELECT a.id, a.request_id AS "requestId", r.title, a.status, a.starts_at AS "startsAt", a.ends_at AS "endsAt"
         FROM assignments a JOIN booking_requests r ON r.id = a.request_id
        WHERE a.expert_id = $1 ORDER BY a.starts_at DESC, a.id LIMIT ${OVERVIEW_ASSIGNMENTS}`,
      [expertId],
    );
  }

  // Counted as matching counts them against the caps: by the Helsinki week and month of the start.
  async load(expertId: string, now: Date): Promise<{ thisWeek: number; thisMonth: number }> {
    const tz = `'${COUNTY_ZONE}'`;
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE date_trunc('week', a.starts_at AT TIME ZONE ${tz}) = date_trunc('week', $2::timestamptz AT TIME ZONE ${tz}))::int AS "thisWeek",
              count(*) FILTER (WHERE date_trunc('month', a.starts_at AT TIME ZONE ${tz}) = date_trunc('month', $2::timestamptz AT TIME ZONE ${tz}))::int AS "thisMonth"
         FROM assignments a WHERE a.expert_id = $1 AND a.status IN ${COUNTED}`,
      [expertId, now],
    )) as { thisWeek: number; thisMonth: number }[];
    return row;
  }

  // As the earnings report counts them: gross fees paid to the expert in runs exported this year.
  async paidFees(expertId: string, from: Date, until: Date): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT COALESCE(sum(l.gross_fee_cents), 0)::bigint AS paid
         FROM fee_run_lines l JOIN fee_runs r ON r.id = l.run_id
        WHERE l.expert_id = $1 AND r.status = 'exported' AND r.exported_at >= $2 AND r.exported_at < $3 AND l.payee_kind = 'expert'`,
      [expertId, from, until],
    )) as { paid: string }[];
    return Number(row.paid);
  }
}
