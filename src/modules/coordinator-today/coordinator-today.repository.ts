import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  TodayClaimResponse,
  TodayContractResponse,
  TodayCountsResponse,
  TodayCredentialResponse,
  TodayFeeRunResponse,
  TodayNoShowResponse,
  TodayOfferResponse,
  TodayOrderResponse,
} from './dto/coordinator-today.response';

export const TODAY_ROWS = 10;
// An open offer is "about to expire" within this many hours.
export const EXPIRING_HOURS = 24;
const OPEN_REQUESTS = `('submitted', 'matching', 'partially_filled')`;
const OPEN_RUNS = `('queued', 'running', 'computed', 'failed')`;

const iso = (d: Date | string) => new Date(d).toISOString();

// The coordinator's queues: each one narrow query with its own LIMIT, the counts in one more.
@Injectable()
export class CoordinatorTodayRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async counts(now: Date): Promise<TodayCountsResponse> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM training_credentials WHERE status = 'pending')::int AS "credentialsToCheck",
              (SELECT count(*) FROM booking_requests WHERE status IN ${OPEN_REQUESTS})::int AS "ordersToMatch",
              (SELECT count(*) FROM offers WHERE status = 'offered' AND deadline > $1 AND deadline <= $1::timestamptz + interval '${EXPIRING_HOURS} hours')::int AS "offersExpiring",
              (SELECT count(*) FROM contracts WHERE status = 'draft')::int AS "contractsToApprove",
              (SELECT count(*) FROM claims WHERE status = 'submitted')::int AS "claimsToApprove",
              (SELECT count(*) FROM fee_runs WHERE status IN ${OPEN_RUNS})::int AS "feeRunsOpen",
              (SELECT count(*) FROM assignments a WHERE a.status = 'not_held'
                  AND NOT EXISTS (SELECT 1 FROM no_show_reviews n WHERE n.assignment_id = a.id))::int AS "noShowsToHandle"`,
      [now],
    )) as TodayCountsResponse[];
    return row;
  }

  async credentials(): Promise<TodayCredentialResponse[]> {
    const rows: (Omit<TodayCredentialResponse, 'createdAt'> & { createdAt: Date })[] = await this.dataSource.query(
      `SELECT c.id, c.expert_id AS "expertId", u.name AS "expertName", c.type, c.created_at AS "createdAt"
         FROM training_credentials c JOIN users u ON u.id = c.expert_id
        WHERE c.status = 'pending' ORDER BY c.created_at, c.id LIMIT ${TODAY_ROWS}`,
    );
    return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) }));
  }

  async orders(): Promise<TodayOrderResponse[]> {
    const rows: (Omit<TodayOrderResponse, 'startsAt' | 'submittedAt'> & { startsAt: Date; submittedAt: Date })[] =
      await this.dataSource.query(
        `SELECT r.id, r.title, r.task_type AS "taskType", r.status, r.starts_at AS "startsAt",
              COALESCE(r.submitted_at, r.created_at) AS "submittedAt", r.experts_needed AS "expertsNeeded",
              (SELECT count(*) FROM assignments a WHERE a.request_id = r.id AND a.status IN ('accepted', 'confirmed'))::int AS booked,
              (SELECT count(*) FROM offers o WHERE o.request_id = r.id AND o.status = 'offered')::int AS "openOffers"
         FROM booking_requests r
        WHERE r.status IN ${OPEN_REQUESTS}
        ORDER BY COALESCE(r.submitted_at, r.created_at), r.id LIMIT ${TODAY_ROWS}`,
      );
    return rows.map((r) => ({ ...r, startsAt: iso(r.startsAt), submittedAt: iso(r.submittedAt) }));
  }

  async offersExpiring(now: Date): Promise<TodayOfferResponse[]> {
    const rows: (Omit<TodayOfferResponse, 'deadline'> & { deadline: Date })[] = await this.dataSource.query(
      `SELECT o.id, o.request_id AS "requestId", r.title, u.name AS "expertName", o.deadline
         FROM offers o JOIN booking_requests r ON r.id = o.request_id JOIN users u ON u.id = o.expert_id
        WHERE o.status = 'offered' AND o.deadline > $1 AND o.deadline <= $1::timestamptz + interval '${EXPIRING_HOURS} hours'
        ORDER BY o.deadline, o.id LIMIT ${TODAY_ROWS}`,
      [now],
    );
    return rows.map((r) => ({ ...r, deadline: iso(r.deadline) }));
  }

  async contracts(): Promise<TodayContractResponse[]> {
    const rows: (Omit<TodayContractResponse, 'createdAt'> & { createdAt: Date })[] = await this.dataSource.query(
      `SELECT c.id, c.number, c.version, u.name AS "expertName", to_char(c.valid_from, 'YYYY-MM-DD') AS "validFrom",
              to_char(c.valid_until, 'YYYY-MM-DD') AS "validUntil",
              (SELECT count(*) FROM contract_assignments ca WHERE ca.contract_id = c.id)::int AS assignments, c.created_at AS "createdAt"
         FROM contracts c JOIN users u ON u.id = c.expert_id
        WHERE c.status = 'draft' ORDER BY c.created_at, c.id LIMIT ${TODAY_ROWS}`,
    );
    return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) }));
  }

  async claims(): Promise<TodayClaimResponse[]> {
    const rows: (Omit<TodayClaimResponse, 'submittedAt'> & { submittedAt: Date })[] = await this.dataSource.query(
      `SELECT c.id, u.name AS "expertName", r.title, to_char(c.work_date, 'YYYY-MM-DD') AS "workDate", COALESCE(c.submitted_at, c.created_at) AS "submittedAt"
         FROM claims c JOIN users u ON u.id = c.expert_id
         JOIN assignments a ON a.id = c.assignment_id JOIN booking_requests r ON r.id = a.request_id
        WHERE c.status = 'submitted' ORDER BY COALESCE(c.submitted_at, c.created_at), c.id LIMIT ${TODAY_ROWS}`,
    );
    return rows.map((r) => ({ ...r, submittedAt: iso(r.submittedAt) }));
  }

  async feeRuns(): Promise<TodayFeeRunResponse[]> {
    const rows: (Omit<TodayFeeRunResponse, 'createdAt'> & { createdAt: Date })[] = await this.dataSource.query(
      `SELECT id, status, to_char(up_to, 'YYYY-MM-DD') AS "upTo", created_at AS "createdAt"
         FROM fee_runs WHERE status IN ${OPEN_RUNS} ORDER BY created_at DESC, id LIMIT ${TODAY_ROWS}`,
    );
    return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) }));
  }

  // Newest first: a no-show is news to act on while it is fresh (call the expert, offer the work again); the count
  // says how many older ones are still unhandled.
  async noShows(): Promise<TodayNoShowResponse[]> {
    const rows: (Omit<TodayNoShowResponse, 'startsAt' | 'reportedAt'> & { startsAt: Date; reportedAt: Date })[] =
      await this.dataSource.query(
        `SELECT a.id AS "assignmentId", a.request_id AS "requestId", r.title, a.expert_id AS "expertId", u.name AS "expertName",
                o.code AS "organisationCode", o.name_fi AS "organisationNameFi", o.name_sv AS "organisationNameSv",
                a.starts_at AS "startsAt", COALESCE(a.completed_at, a.ends_at) AS "reportedAt"
           FROM assignments a JOIN booking_requests r ON r.id = a.request_id
           JOIN users u ON u.id = a.expert_id JOIN organisations o ON o.id = r.organisation_id
          WHERE a.status = 'not_held' AND NOT EXISTS (SELECT 1 FROM no_show_reviews n WHERE n.assignment_id = a.id)
          ORDER BY COALESCE(a.completed_at, a.ends_at) DESC, a.id LIMIT ${TODAY_ROWS}`,
      );
    return rows.map((r) => ({ ...r, startsAt: iso(r.startsAt), reportedAt: iso(r.reportedAt) }));
  }

  async assignmentStatus(id: string): Promise<{ id: string; status: string } | null> {
    const [row] = (await this.dataSource.query(`SELECT id, status FROM assignments WHERE id = $1`, [id])) as {
      id: string;
      status: string;
    }[];
    return row ?? null;
  }

  // Marks a no-show handled once: a second call finds the first one's row. Returns whether this call wrote it.
  async markHandled(
    manager: EntityManager,
    assignmentId: string,
    userId: string,
  ): Promise<{ created: boolean; handledBy: string; handledAt: Date }> {
    const inserted = (await manager.query(
      `INSERT INTO no_show_reviews (assignment_id, handled_by) VALUES ($1, $2)
       ON CONFLICT (assignment_id) DO NOTHING RETURNING handled_by AS "handledBy", handled_at AS "handledAt"`,
      [assignmentId, userId],
    )) as { handledBy: string; handledAt: Date }[];
    if (inserted.length > 0) return { created: true, ...inserted[0] };
    const [existing] = (await manager.query(
      `SELECT handled_by AS "handledBy", handled_at AS "handledAt" FROM no_show_reviews WHERE assignment_id = $1`,
      [assignmentId],
    )) as { handledBy: string; handledAt: Date }[];
    return { created: false, ...existing };
  }
}
