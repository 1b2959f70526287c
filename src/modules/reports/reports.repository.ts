import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COUNTY_ZONE } from '../../common/i18n/format';
import { Period } from '../fees';

// The unit or project a report row is about.
export interface OrganisationColumns {
  organisationId: string;
  kind: string;
  code: string;
  nameFi: string;
  nameSv: string;
}

export interface SpendRow extends OrganisationColumns {
  month: string;
  claims: number;
  feesCents: number;
  travelAndCostsCents: number;
}

export interface HoursRow {
  taskType: string;
  topic: string | null;
  claims: number;
  minutes: number;
}

export interface UnfilledRow {
  topic: string | null;
  language: string;
  requests: number;
  missingExperts: number;
}

export interface NoShowRow extends OrganisationColumns {
  month: string;
  expertId: string;
  expertName: string;
  noShows: number;
}

const num = (v: unknown) => Number(v ?? 0);

// Read from a row that selects organisation_id, o.kind, o.code, o.name_fi and o.name_sv.
const organisationColumns = (r: Record<string, unknown>): OrganisationColumns => ({
  organisationId: r.organisation_id as string,
  kind: r.kind as string,
  code: r.code as string,
  nameFi: r.name_fi as string,
  nameSv: r.name_sv as string,
});

// Set-based report queries: one statement each, whatever the amount of data.
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // What the county paid for each unit and project, by month of the work: lines of exported runs.
  async spend(period: Period, memberId: string | null): Promise<SpendRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT l.organisation_id, o.kind, o.code, o.name_fi, o.name_sv, to_char(l.work_date, 'YYYY-MM') AS month,
              count(*) AS claims, sum(l.gross_fee_cents) AS fees, sum(l.travel_and_costs_cents) AS travel
         FROM fee_run_lines l
         JOIN fee_runs r ON r.id = l.run_id AND r.status = 'exported'
         JOIN organisations o ON o.id = l.organisation_id
        WHERE l.work_date >= $1 AND l.work_date < $2
          AND ($3::uuid IS NULL OR l.organisation_id IN (SELECT organisation_id FROM organisation_members WHERE user_id = $3))
        GROUP BY l.organisation_id, o.kind, o.code, o.name_fi, o.name_sv, month
        ORDER BY o.code, month`,
      [period.firstDay, period.dayAfter, memberId],
    );
    return rows.map((r) => ({
      ...organisationColumns(r),
      month: r.month as string,
      claims: num(r.claims),
      feesCents: num(r.fees),
      travelAndCostsCents: num(r.travel),
    }));
  }

  // Reported work by task type and topic, from approved and paid claims (late cancellations were not
  // worked and are left out). A request with two topics counts under both.
  async hours(period: Period): Promise<HoursRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT r.task_type, t.topic, count(*) AS claims, sum(c.worked_minutes + c.preparation_minutes) AS minutes
         FROM claims c
         JOIN assignments a ON a.id = c.assignment_id
         JOIN booking_requests r ON r.id = a.request_id
        CROSS JOIN LATERAL unnest(CASE WHEN cardinality(r.topics) = 0 THEN ARRAY[NULL]::varchar[] ELSE r.topics END) AS t(topic)
        WHERE c.status IN ('approved', 'paid') AND NOT c.late_cancellation AND c.work_date >= $1 AND c.work_date < $2
        GROUP BY r.task_type, t.topic
        ORDER BY r.task_type, t.topic NULLS LAST`,
      [period.firstDay, period.dayAfter],
    );
    return rows.map((r) => ({
      taskType: r.task_type as string,
      topic: (r.topic as string | null) ?? null,
      claims: num(r.claims),
      minutes: num(r.minutes),
    }));
  }

  // Requests that got fewer experts than they needed (open, ended or completed; not cancelled or draft),
  // by topic and language: where experts are missing.
  async unfilled(period: Period): Promise<UnfilledRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT t.topic, l.language, count(*) AS requests, sum(r.experts_needed - h.held) AS missing
         FROM booking_requests r
        CROSS JOIN LATERAL (SELECT count(*)::int AS held FROM assignments a
                             WHERE a.request_id = r.id AND a.status IN ('accepted', 'confirmed', 'completed')) h
        CROSS JOIN LATERAL unnest(CASE WHEN cardinality(r.topics) = 0 THEN ARRAY[NULL]::varchar[] ELSE r.topics END) AS t(topic)
        CROSS JOIN LATERAL unnest(r.languages) AS l(language)
        WHERE r.status NOT IN ('draft', 'cancelled') AND h.held < r.experts_needed
          AND r.starts_at >= $1 AND r.starts_at < $2
        GROUP BY t.topic, l.language
        ORDER BY missing DESC, t.topic NULLS LAST, l.language`,
      [period.from, period.until],
    );
    return rows.map((r) => ({
      topic: (r.topic as string | null) ?? null,
      language: r.language as string,
      requests: num(r.requests),
      missingExperts: num(r.missing),
    }));
  }

  // Assignments the expert did not come to (not_held), per month of the work (Helsinki time), ordering unit or
  // project, and expert.
  async noShows(period: Period): Promise<NoShowRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT to_char(a.starts_at AT TIME ZONE '${COUNTY_ZONE}', 'YYYY-MM') AS month, r.organisation_id, o.kind, o.code,
              o.name_fi, o.name_sv, a.expert_id, u.name AS expert_name, count(*) AS no_shows
         FROM assignments a
         JOIN booking_requests r ON r.id = a.request_id
         JOIN organisations o ON o.id = r.organisation_id
         JOIN users u ON u.id = a.expert_id
        WHERE a.status = 'not_held' AND a.starts_at >= $1 AND a.starts_at < $2
        GROUP BY month, r.organisation_id, o.kind, o.code, o.name_fi, o.name_sv, a.expert_id, u.name
        ORDER BY month, o.code, u.name, a.expert_id`,
      [period.from, period.until],
    );
    return rows.map((r) => ({
      month: r.month as string,
      ...organisationColumns(r),
      expertId: r.expert_id as string,
      expertName: r.expert_name as string,
      noShows: num(r.no_shows),
    }));
  }
}
